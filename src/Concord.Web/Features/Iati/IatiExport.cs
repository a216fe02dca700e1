using System.Globalization;
using System.Xml;
using Concord.Data;
using Concord.Features.Activities;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Iati;

// The activities with a value (donations, projects) that the ministries published, as an IATI 2.03
// activity file at a stable address (/iati/activities.xml), for partners and donors who read IATI.
// Only public records go out, whoever asks: the file is the same for every reader.
//
// IATI needs a full date where Concord may know only a month or a year. Such a date is written as its first
// day (2019 -> 2019-01-01), and a narrative on the date says in each language that only the year (or the
// month) is known, so no reader takes 1 January for a fact. An activity with no date at all cannot be written
// valid (activity-date is required) and is left out.
public static class IatiExport
{
    public const string Version = "2.03";

    public static IEndpointRouteBuilder MapIatiExport(this IEndpointRouteBuilder app)
    {
        app.MapGet("/iati/activities.xml", Write).AllowAnonymous().WithTags("IATI");
        return app;
    }

    static async Task Write(HttpContext http, ConcordDb db, StringCatalog strings, IConfiguration configuration, TimeProvider clock, CancellationToken ct)
    {
        http.Response.ContentType = "application/xml; charset=utf-8";
        await WriteAsync(http.Response.Body, db, strings, configuration["Iati:IdentifierPrefix"] ?? DefaultPrefix, clock, ct);
    }

    // Concord has no registered IATI organisation identifier; a ministry that registers one sets Iati__IdentifierPrefix.
    const string DefaultPrefix = "XX-CONCORD";

    sealed record Row(int Id, string Original, LocalizedText Title, LocalizedText Description, LocalizedText Kind, string KindCode,
        DateOnly? StartsOn, DatePrecision StartsOnPrecision, DateOnly? EndsOn, DatePrecision EndsOnPrecision,
        decimal Value, string Currency, bool ValueIsLowerBound, DateTime UpdatedAt);

    sealed record Party(int ActivityId, ActivityRole Role, string? Country, string? Key, LocalizedText Name);

    public static async Task WriteAsync(Stream output, ConcordDb db, StringCatalog strings, string prefix, TimeProvider clock, CancellationToken ct)
    {
        // Localized texts are read column by column: given whole to a record's constructor, EF would read entire rows.
        var rows = await db.Activities.AsNoTracking()
            .Where(a => a.Visibility == Visibility.Public && a.ValueAmount != null && a.ValueCurrency != null && (a.StartsOn != null || a.EndsOn != null))
            .OrderBy(a => a.Id)
            .Select(a => new Row(a.Id, a.Translation.Original, new LocalizedText(a.Title.Vi, a.Title.En, a.Title.Lo),
                new LocalizedText(a.Description.Vi, a.Description.En, a.Description.Lo), new LocalizedText(a.Kind.Name.Vi, a.Kind.Name.En, a.Kind.Name.Lo), a.Kind.Code,
                a.StartsOn, a.StartsOnPrecision, a.EndsOn, a.EndsOnPrecision, a.ValueAmount!.Value, a.ValueCurrency!, a.ValueIsLowerBound, a.UpdatedAt))
            .ToListAsync(ct);
        var ids = rows.Select(r => r.Id).ToList();
        var parties = (await db.ActivityOrganisations.AsNoTracking().Where(o => ids.Contains(o.ActivityId))
            .Select(o => new Party(o.ActivityId, o.Role, o.Organisation.Country, o.Organisation.Key,
                new LocalizedText(o.Organisation.Name.Vi, o.Organisation.Name.En, o.Organisation.Name.Lo)))
            .ToListAsync(ct)).ToLookup(p => p.ActivityId);
        var today = clock.Today();

        var settings = new XmlWriterSettings { Async = true, Indent = true, Encoding = new System.Text.UTF8Encoding(false) };
        await using var x = XmlWriter.Create(output, settings);
        await x.WriteStartDocumentAsync();
        x.WriteStartElement("iati-activities");
        x.WriteAttributeString("version", Version);
        x.WriteAttributeString("generated-datetime", XmlConvert.ToString(clock.GetUtcNow().UtcDateTime, XmlDateTimeSerializationMode.Utc));
        foreach (var a in rows) WriteActivity(x, a, [.. parties[a.Id]], strings, prefix, today);
        x.WriteEndElement();
        await x.WriteEndDocumentAsync();
        await x.FlushAsync();
    }

    static void WriteActivity(XmlWriter x, Row a, List<Party> parties, StringCatalog strings, string prefix, DateOnly today)
    {
        var providers = parties.Where(p => p.Role == ActivityRole.Provider).ToList();
        var recipients = parties.Where(p => p.Role == ActivityRole.Recipient).ToList();
        var starts = PartialDate.From(a.StartsOn, a.StartsOnPrecision);
        // A donation, a gift or an award happens on one day: its start is its end.
        var ends = PartialDate.From(a.EndsOn, a.EndsOnPrecision) ?? (OneOff.Contains(a.KindCode) ? starts : null);
        var closed = ends is { } e && e.LatestDay < today;

        x.WriteStartElement("iati-activity");
        x.WriteAttributeString("xml", "lang", null, a.Original);
        x.WriteAttributeString("default-currency", a.Currency);
        x.WriteAttributeString("last-updated-datetime", XmlConvert.ToString(DateTime.SpecifyKind(a.UpdatedAt, DateTimeKind.Utc), XmlDateTimeSerializationMode.Utc));
        x.WriteElementString("iati-identifier", $"{prefix}-{a.Id}");

        var reporter = providers.FirstOrDefault();
        x.WriteStartElement("reporting-org");
        x.WriteAttributeString("ref", reporter?.Key is { } key ? $"{prefix}-{key.ToUpperInvariant()}" : prefix);
        x.WriteAttributeString("type", GovernmentType);
        Narratives(x, reporter?.Name ?? new LocalizedText(null, "Concord"));
        x.WriteEndElement();

        x.WriteStartElement("title");
        Narratives(x, a.Title);
        x.WriteEndElement();
        x.WriteStartElement("description");
        x.WriteAttributeString("type", "1");
        Narratives(x, a.Description.IsEmpty ? a.Kind : a.Description);
        x.WriteEndElement();

        foreach (var p in parties)
        {
            x.WriteStartElement("participating-org");
            // Who gives funds; who carries the activity out and receives it (IATI 2.03 has no beneficiary role).
            x.WriteAttributeString("role", p.Role == ActivityRole.Provider ? "1" : "4");
            x.WriteAttributeString("type", p.Country is null ? "40" : GovernmentType);
            Narratives(x, p.Name);
            x.WriteEndElement();
        }
        if (parties.Count == 0)
        {
            x.WriteStartElement("participating-org");
            x.WriteAttributeString("role", "4");
            Narratives(x, new LocalizedText(null, "Concord"));
            x.WriteEndElement();
        }

        x.WriteStartElement("activity-status");
        x.WriteAttributeString("code", closed ? "4" : "2");
        x.WriteEndElement();
        if (starts is { } s) Date(x, strings, "2", s);
        if (ends is { } end && end.LatestDay < today) Date(x, strings, "4", end);

        if (recipients.Select(r => r.Country).FirstOrDefault(c => c is not null) is { } country)
        {
            x.WriteStartElement("recipient-country");
            x.WriteAttributeString("code", country);
            x.WriteAttributeString("percentage", "100");
            x.WriteEndElement();
        }
        // DAC 3-digit sectors: vocational training sits under education (113), the rest of labour and social
        // welfare under other social infrastructure and services (160).
        x.WriteStartElement("sector");
        x.WriteAttributeString("vocabulary", "2");
        x.WriteAttributeString("code", a.KindCode is "training" or "scholarship" ? "113" : "160");
        x.WriteAttributeString("percentage", "100");
        x.WriteEndElement();

        var on = (closed ? ends : starts) ?? starts ?? ends!.Value;
        x.WriteStartElement("transaction");
        x.WriteStartElement("transaction-type");
        // Disbursement once the activity is over; an outgoing commitment while it goes on.
        x.WriteAttributeString("code", closed ? "3" : "2");
        x.WriteEndElement();
        x.WriteStartElement("transaction-date");
        x.WriteAttributeString("iso-date", IsoDate(on));
        x.WriteEndElement();
        x.WriteStartElement("value");
        x.WriteAttributeString("currency", a.Currency);
        x.WriteAttributeString("value-date", IsoDate(on));
        x.WriteString(a.Value.ToString("0.##", CultureInfo.InvariantCulture));
        x.WriteEndElement();
        if (a.ValueIsLowerBound)
        {
            x.WriteStartElement("description");
            Narratives(x, InEveryLanguage(strings, "Iati.LowerBound"));
            x.WriteEndElement();
        }
        if (reporter is not null) Org(x, "provider-org", reporter);
        if (recipients.FirstOrDefault() is { } receiver) Org(x, "receiver-org", receiver);
        x.WriteEndElement();

        x.WriteEndElement();
    }

    const string GovernmentType = "10";
    static readonly string[] OneOff = ["donation", "gift", "award"];

    static void Org(XmlWriter x, string element, Party p)
    {
        x.WriteStartElement(element);
        x.WriteAttributeString("type", p.Country is null ? "40" : GovernmentType);
        Narratives(x, p.Name);
        x.WriteEndElement();
    }

    // A date known to the day is written as it is; one known to the month or year as its first day, with a
    // narrative in each language saying so.
    static void Date(XmlWriter x, StringCatalog strings, string type, PartialDate date)
    {
        x.WriteStartElement("activity-date");
        x.WriteAttributeString("type", type);
        x.WriteAttributeString("iso-date", IsoDate(date));
        if (date.Precision != DatePrecision.Day)
        {
            // ISO 8601 at the precision known: "2019", "2026-03".
            var shown = date.Date.ToString(date.Precision == DatePrecision.Year ? "yyyy" : "yyyy-MM", CultureInfo.InvariantCulture);
            Narratives(x, InEveryLanguage(strings, date.Precision == DatePrecision.Year ? "Iati.YearOnly" : "Iati.MonthOnly", shown));
        }
        x.WriteEndElement();
    }

    static LocalizedText InEveryLanguage(StringCatalog strings, string key, params object[] args)
    {
        string? In(string language) => strings.Find(key, language) is { } text ? string.Format(CultureInfo.InvariantCulture, text, args) : null;
        return new LocalizedText(In("vi"), In("en"), In("lo"));
    }

    static string IsoDate(PartialDate date) => date.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    static void Narratives(XmlWriter x, LocalizedText text)
    {
        foreach (var language in LocalizedText.Languages)
        {
            if (text.In(language) is not { Length: > 0 } value) continue;
            x.WriteStartElement("narrative");
            x.WriteAttributeString("xml", "lang", null, language);
            x.WriteString(value);
            x.WriteEndElement();
        }
    }
}
