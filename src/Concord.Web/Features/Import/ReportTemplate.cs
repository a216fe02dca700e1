using System.Globalization;
using System.Text;
using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Commitments;
using Concord.Features.Documents;
using Concord.Features.Organisations;
using Concord.Shared;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Concord.Features.Import;

// The report template: one row per commitment the user may report on (the report form's rule, Access.CanReport:
// a coordinator every commitment for their side, a focal point those their department leads on their side), for
// the period chosen in the filter or else the commitment's own. Where the user's side already reported in that
// period, the row carries that report (its latest), with its id and version, so that the file updates it and a
// report changed since is noticed; otherwise the status, narrative and figures are empty.
public static class ReportTemplate
{
    public sealed record Line(int CommitmentId, string? Number, string Text, string Side, string? Period, string? Status,
        string? Narrative, int? People, int? Women, decimal? Amount, string? Currency, DateOnly? ReportedOn, int? ReportId, int? Version, string Language);

    sealed record Existing(int Id, int CommitmentId, int PeriodStart, int PeriodEnd, DateOnly ReportedOn, CommitmentStatus Status,
        string? Vi, string? En, string? Lo, int? People, int? Women, decimal? Amount, string? Currency, int Version) : LatestReports.IReport;

    // The commitments a user may report on, among those the filter selects (and, with a meeting, those of its minutes).
    public static async Task<IQueryable<Commitment>> ReportableAsync(ConcordDb db, CurrentUser user, CommitmentFilter filter, int? meeting, CancellationToken ct)
    {
        var query = await CommitmentList.FilteredAsync(db, filter, db.Clock.Today(), ct);
        if (meeting is { } m) query = query.Where(c => c.Instrument.MeetingId == m);
        var side = user.Country;
        if (!Access.MayReport(user) || !Sides.IsKnown(side)) return query.Where(c => false);
        if (user.Role == Role.Coordinator) return query;
        if (user.OrganisationId is not { } own) return query.Where(c => false);
        var units = await OrganisationScope.ExpandAsync(db, own, ct);
        return query.Where(c => c.Leads.Any(l => l.Country == side && units.Contains(l.OrganisationId)));
    }

    public static async Task<List<Line>> LinesAsync(ConcordDb db, CurrentUser user, CommitmentFilter filter, int? meeting, int max, IStringLocalizer t, CancellationToken ct)
    {
        var language = Cultures.Language;
        var side = user.Country!;
        Period.TryParse(filter.Period, out var chosen);
        var hasChosen = !string.IsNullOrWhiteSpace(filter.Period) && chosen != default;
        var commitments = await (await ReportableAsync(db, user, filter, meeting, ct))
            .OrderBy(c => c.InstrumentId).ThenBy(c => c.Sequence).ThenBy(c => c.Id).Take(max)
            .Select(c => new { c.Id, c.Number, c.Text.Vi, c.Text.En, c.Text.Lo, Original = c.Translation.Original, c.PeriodStart, c.PeriodEnd })
            .ToListAsync(ct);

        // Each row's period: the one chosen, or the commitment's own (none, no report to carry).
        Period? RowPeriod(int? start, int? end) => hasChosen ? chosen : Period.Of(start, end);
        // This side's reports in each row's period only: every report of each commitment, narratives included, was
        // 500,000 reports read for a template of 100,000 rows.
        var latest = await LatestReports.FindAsync(
            commitments.Select(c => (c.Id, Period: RowPeriod(c.PeriodStart, c.PeriodEnd))).Where(x => x.Period is not null).Select(x => (x.Id, x.Period!.Value)),
            (chunk, period) =>
            {
                var (start, end) = (period.StartYear, period.EndYear);
                return db.ProgressReports.AsNoTracking()
                    .Where(r => chunk.Contains(r.CommitmentId) && r.Country == side && r.PeriodStart == start && r.PeriodEnd == end)
                    .Select(r => new Existing(r.Id, r.CommitmentId, r.PeriodStart, r.PeriodEnd, r.ReportedOn, r.Status,
                        r.Narrative.Vi, r.Narrative.En, r.Narrative.Lo, r.PeopleCount, r.WomenCount, r.ValueAmount, r.ValueCurrency, r.Version))
                    .ToListAsync(ct);
            });

        var lines = new List<Line>(commitments.Count);
        foreach (var c in commitments)
        {
            var period = RowPeriod(c.PeriodStart, c.PeriodEnd);
            var text = new LocalizedText(c.Vi, c.En, c.Lo).Best(language, c.Original).Text;
            if (period is { } p && latest.TryGetValue((c.Id, p), out var r))
                lines.Add(new Line(c.Id, c.Number, text, side, p.ToString(), t[$"CommitmentStatus.{r.Status}"],
                    new LocalizedText(r.Vi, r.En, r.Lo).In(language), r.People, r.Women, r.Amount, r.Currency, r.ReportedOn, r.Id, r.Version, language));
            else
                lines.Add(new Line(c.Id, c.Number, text, side, period?.ToString(), null, null, null, null, null, null, null, null, null, language));
        }
        return lines;
    }

    public static IReadOnlyList<string> StatusChoices(IStringLocalizer t) =>
        [.. CommitmentStatusRules.ReportChoices.Select(s => t[$"CommitmentStatus.{s}"].Value)];

    static object?[] Cells(Line l) =>
    [
        l.CommitmentId, l.Number, l.Text, l.Side, l.Period, l.Status, l.Narrative, l.People, l.Women, l.Amount, l.Currency,
        l.ReportedOn, l.ReportId, l.Version, l.Language,
    ];

    public static void WriteXlsx(Stream output, IEnumerable<Line> lines, IStringLocalizer t)
    {
        using var xlsx = new Xlsx(output);
        xlsx.Sheet(t["Import.SheetName"], [.. TemplateColumns.All.Select(c => (t[c.Key].Value, c.Width))], lines.Select(Cells),
            new Xlsx.Extras(TemplateColumns.Hidden, new Dictionary<int, IReadOnlyList<string>> { [TemplateColumns.Status] = StatusChoices(t) }));
    }

    // UTF-8 with a byte-order mark, which Excel needs to read Vietnamese and Lao from a CSV. Texts a spreadsheet could
    // take for a formula are written with a leading apostrophe, as in the XLSX.
    public static void WriteCsv(Stream output, IEnumerable<Line> lines, IStringLocalizer t)
    {
        using var writer = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true);
        using var csv = new CsvWriter(writer, CultureInfo.InvariantCulture);
        foreach (var c in TemplateColumns.All) csv.WriteField(t[c.Key].Value);
        csv.NextRecord();
        foreach (var line in lines)
        {
            foreach (var cell in Cells(line))
                csv.WriteField(cell switch
                {
                    null => "",
                    DateOnly d => d.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    var other => Xlsx.Neutralise(other.ToString() ?? ""),
                });
            csv.NextRecord();
        }
    }
}
