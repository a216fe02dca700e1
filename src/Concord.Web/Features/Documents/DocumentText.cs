using System.Globalization;
using Concord.Features.Commitments;
using Concord.Features.Meetings;
using Concord.Shared;

namespace Concord.Features.Documents;

// The words of a generated document in one of its languages: labels from the strings files (the
// document's own language, not the interface's), names and texts from the record, dates as that
// language writes them.
public sealed class DocumentText(string language, StringCatalog catalog)
{
    public string Language { get; } = language;
    public CultureInfo Culture { get; } = CultureInfo.GetCultureInfo(language);

    public string this[string key] => catalog.Find(key, Language) ?? key;
    public string Format(string key, params object[] arguments) => string.Format(Culture, this[key], arguments);

    public string Of(LocalizedText? text) => text?.Best(Language).Text ?? "";

    public string Status(CommitmentStatus status) => this[$"CommitmentStatus.{status}"];
    public string Side(string country) => this[$"Documents.Side.{country}"];
    public string Date(DateOnly? date) => date is { } d ? new PartialDate(d, DatePrecision.Day).Format(Culture) : "";
    public string Period(int start, int end) => new Period(start, end).ToString();
    // A commitment whose period the sources do not give says so, in the document's language.
    public string Period(int? start, int? end) => start is { } s && end is { } e ? Period(s, e) : this["Commitments.NoPeriod"];

    // A meeting is named by its title, else by its kind and number ("Hội nghị Bộ trưởng lần thứ 9").
    public string Subject(ImplementationReport report)
    {
        if (report.Criteria is { } criteria) return Format("Documents.FilterSubject", Criteria(criteria));
        var title = Of(report.Title);
        if (title.Length > 0 && report.MeetingNumber is null) return title;
        if (report.MeetingNumber is { } n) return Format("Meetings.KindNumbered", Of(report.MeetingKind), MeetingText.Ordinal(n, Language));
        return title.Length > 0 ? title : Of(report.MeetingKind);
    }

    // "Area: Vocational education; Leading side: Laos", or "all commitments".
    public string Criteria(IReadOnlyList<ImplementationReport.Criterion> criteria) =>
        criteria.Count == 0 ? this["Documents.FilterAll"]
        : string.Join("; ", criteria.Select(c =>
            c.Name is null && c.ValueKey is null && c.Plain is null ? this[c.LabelKey]
            : $"{this[c.LabelKey]}: {(c.Name is { } n ? Of(n) : c.ValueKey is { } k ? this[k] : c.Plain)}"));

    public string Leads(IEnumerable<ImplementationReport.Lead> leads) =>
        string.Join("; ", leads.Select(l => Of(l.Name)));
}
