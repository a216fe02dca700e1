using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Reflection;
using System.Text.Json;
using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Audit;
using Concord.Features.Commitments;
using Concord.Features.Organisations;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Concord.Features.Import;

// Judges each row of a filled template against the record as it is now, as the user who uploaded it, and saves
// the rows that create or update a report: all of them in one transaction or none, through the report form's own
// input (ProgressReportInput: its annotations, CheckAsync's rules via Check, ApplyAsync) and RecordWrite.
// Lookups are made for many rows at once (chunks of ids), never one query per row.
public static class ImportPlan
{
    const int Chunk = 1000;
    // Reports applied and written per save of the import's transaction: on PostgreSQL each save is a few COPY
    // statements (ConcordDb.SaveChangesInBulkAsync), so fewer, larger saves cost less; 10,000 tracked reports stay small.
    const int SaveBatch = 10_000;

    public sealed record Planned(ImportRow Row, ProgressReportInput Input, int? ExistingId);

    public sealed record Judgement(List<ImportRow> Rows, List<Planned> Writes);

    sealed record Commitment(int Id, List<(string Country, int OrganisationId)> Leads);

    // What the judgement reads of this side's reports to find the latest of each row's period.
    sealed record ReportKey(int Id, int CommitmentId, DateOnly ReportedOn) : LatestReports.IReport;

    // Lines as read (the first is the header). Throws FileRefused when the file is not a Concord template.
    public static List<ImportRow> FromLines(List<SheetLine> lines, StringCatalog strings)
    {
        var header = lines.FirstOrDefault();
        var idHeadings = StringCatalog.Languages.Select(l => strings.Find(TemplateColumns.All[TemplateColumns.CommitmentId].Key, l)).ToHashSet();
        if (header is null || header.Line != 1 || !idHeadings.Contains(header.Cells[TemplateColumns.CommitmentId]?.Trim()))
            throw new FileRefused("Import.Refused.NotTemplate");
        return [.. lines.Skip(1).Select(l => new ImportRow { Line = l.Line, Cells = WithoutUnread(l.Cells), FormulaCell = l.FormulaCell })];
    }

    // The clause's number and text are in the template for whoever fills it in: nothing reads them back (the row is found
    // by its id), and at 100,000 rows the text was most of what an import keeps from its preview to its confirmation.
    static readonly int[] Unread = [TemplateColumns.Number, TemplateColumns.Text];

    static string?[] WithoutUnread(string?[] cells)
    {
        foreach (var column in Unread)
            if (column < cells.Length) cells[column] = null;
        return cells;
    }

    public static async Task<Judgement> JudgeAsync(ConcordDb db, CurrentUser user, List<ImportRow> rows, StringCatalog strings, CancellationToken ct)
    {
        var side = user.Country ?? "";
        var today = db.Clock.Today();
        var statuses = StatusNames(strings);
        foreach (var row in rows) { row.Verdict = RowVerdict.Create; row.Reason = null; row.Column = null; row.Args = null; row.ReportId = null; }

        // What the rows name: commitments (visible to this user), reports, and the reports of this side per period.
        var commitmentIds = rows.Select(r => Int(r.Cell(TemplateColumns.CommitmentId))).OfType<int>().Distinct().ToList();
        var reportIds = rows.Select(r => Int(r.Cell(TemplateColumns.ReportId))).OfType<int>().Distinct().ToList();
        var commitments = new Dictionary<int, Commitment>();
        foreach (var chunk in commitmentIds.Chunk(Chunk))
        {
            var found = await db.Commitments.AsNoTracking().Where(c => chunk.Contains(c.Id)).Select(c => c.Id).ToListAsync(ct);
            foreach (var id in found) commitments[id] = new Commitment(id, []);
            var leads = await db.CommitmentLeads.AsNoTracking().Where(l => chunk.Contains(l.CommitmentId)).Select(l => new { l.CommitmentId, l.Country, l.OrganisationId }).ToListAsync(ct);
            foreach (var l in leads) if (commitments.TryGetValue(l.CommitmentId, out var c)) c.Leads.Add((l.Country, l.OrganisationId));
        }
        // The reports the rows name: by the report id a row holds, or, for a row without one, this side's latest report
        // on the commitment in the row's period. The keys of this side's reports are read first (a few columns), then
        // whole rows only for the reports a row needs: at 100,000 rows, reading every report of every commitment
        // named, narratives and search text included, took most of the judgement.
        // Only a row without a report id needs this side's latest report in its period, and only in that period (at
        // 100,000 rows, every report of each commitment in any of the file's periods was 680,000 reports read).
        var latestId = await LatestReports.FindAsync(
            rows.Where(r => Blank(r.Cell(TemplateColumns.ReportId)) is null)
                .Select(r => (Commitment: Int(r.Cell(TemplateColumns.CommitmentId)), Period: PeriodOf(r)))
                .Where(x => x.Commitment is { } c && commitments.ContainsKey(c) && x.Period is not null)
                .Select(x => (x.Commitment!.Value, x.Period!.Value)),
            (chunk, period) =>
            {
                var (start, end) = (period.StartYear, period.EndYear);
                // The commitments' own visibility (and their minutes') was read through the filters above; what is left to
                // check is the reports' own, written out for a signed-in reader of this side: not withdrawn, not kept to the
                // other side. The filters would join every report to its commitment and minutes again (700,000 reports
                // read for 100,000 rows).
                return db.ProgressReports.IgnoreQueryFilters().AsNoTracking()
                    .Where(r => chunk.Contains(r.CommitmentId) && r.Country == side && r.PeriodStart == start && r.PeriodEnd == end
                                && r.WithdrawnAt == null && (r.Visibility != Visibility.Restricted || r.RestrictedTo == side))
                    .Select(r => new ReportKey(r.Id, r.CommitmentId, r.ReportedOn)).ToListAsync(ct);
            });
        var wanted = new HashSet<int>(reportIds);
        foreach (var row in rows)
            if (Blank(row.Cell(TemplateColumns.ReportId)) is null && Int(row.Cell(TemplateColumns.CommitmentId)) is { } c
                && PeriodOf(row) is { } p && latestId.TryGetValue((c, p), out var found))
                wanted.Add(found.Id);
        var reports = new Dictionary<int, ProgressReport>();
        foreach (var chunk in wanted.Chunk(Chunk))
            foreach (var r in await db.ProgressReports.AsNoTracking().Where(r => chunk.Contains(r.Id)).ToListAsync(ct))
                reports[r.Id] = r;
        IReadOnlyCollection<int> units = user.Role == Role.FocalPoint && user.OrganisationId is { } own ? await OrganisationScope.ExpandAsync(db, own, ct) : [];

        var candidates = new List<(ImportRow Row, ProgressReportInput Input, ProgressReport? Existing, int? ExportedVersion, bool FromFileId)>();
        var seen = new HashSet<(int, string, string)>();
        foreach (var row in rows)
        {
            if (row.FormulaCell is { } cell) { Refuse(row, "Import.Verdict.Formula", null, cell); continue; }
            var idText = row.Cell(TemplateColumns.CommitmentId)?.Trim();
            if (Int(idText) is not { } commitmentId || !commitments.TryGetValue(commitmentId, out var commitment))
            {
                Refuse(row, "Import.Verdict.UnknownCommitment", TemplateColumns.CommitmentId, idText ?? "");
                continue;
            }
            if (IsEmpty(row)) { row.Verdict = RowVerdict.Skipped; row.Reason = "Import.Verdict.Empty"; continue; }

            var rowSide = Blank(row.Cell(TemplateColumns.Side))?.Trim().ToUpperInvariant() ?? side;
            // The report form's rule (Access.CanReport, as ReportAccess asks it), with the leads read for all rows at once.
            if (rowSide != side || !Access.CanReport(user, rowSide, commitment.Leads.Where(l => l.Country == rowSide).Select(l => l.OrganisationId), units))
            {
                Refuse(row, "Import.Verdict.NotYours", TemplateColumns.Side);
                continue;
            }
            var periodText = row.Cell(TemplateColumns.Period)?.Trim();
            if (!Period.TryParse(periodText, out var period)) { Refuse(row, "Validation.Period", TemplateColumns.Period); continue; }
            var statusText = Blank(row.Cell(TemplateColumns.Status))?.Trim();
            CommitmentStatus? status = null;
            if (statusText is not null)
            {
                if (!statuses.TryGetValue(statusText.ToLowerInvariant(), out var s)) { Refuse(row, "Import.Verdict.BadStatus", TemplateColumns.Status, statusText); continue; }
                status = s;
            }
            if (!Number(row, TemplateColumns.People, out int? people) || !Number(row, TemplateColumns.Women, out int? women) || !Amount(row, out var amount)) continue;
            if (!seen.Add((commitmentId, rowSide, period.ToString())))
            {
                Refuse(row, "Import.Verdict.Duplicate", TemplateColumns.CommitmentId, commitmentId.ToString(CultureInfo.InvariantCulture));
                continue;
            }

            ProgressReport? existing;
            int? exported = null;
            var fileReport = Blank(row.Cell(TemplateColumns.ReportId));
            if (fileReport is not null)
            {
                if (Int(fileReport) is not { } reportId || !reports.TryGetValue(reportId, out existing) || existing.CommitmentId != commitmentId)
                {
                    Refuse(row, "Import.Verdict.UnknownReport", TemplateColumns.ReportId, fileReport);
                    continue;
                }
                // A report of the other side: not this user's to write (ReportAccess.AllowsWriteAsync's saved side).
                if (existing.Country != side) { Refuse(row, "Import.Verdict.NotYours", TemplateColumns.Side); continue; }
                exported = Int(row.Cell(TemplateColumns.Version));
            }
            else existing = latestId.TryGetValue((commitmentId, period), out var latest) ? reports.GetValueOrDefault(latest.Id) : null;

            var language = Blank(row.Cell(TemplateColumns.Language))?.Trim() is { } l && LocalizedText.Languages.Contains(l) ? l : Cultures.Language;
            var input = existing is null
                ? new ProgressReportInput
                {
                    Country = side,
                    OrganisationId = DefaultReporter(commitment, side, units, user),
                    ReportedOn = today.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                }
                : ProgressReportInput.From(existing);
            input.CommitmentId = commitmentId;
            input.Country = side;
            input.Period = period.ToString();
            input.Status = status ?? input.Status;
            var narrative = Unneutralise(Blank(row.Cell(TemplateColumns.Narrative)));
            switch (language)
            {
                case "en": input.NarrativeEn = narrative; break;
                case "lo": input.NarrativeLo = narrative; break;
                default: input.NarrativeVi = narrative; break;
            }
            input.PeopleCount = people;
            input.WomenCount = women;
            input.ValueAmount = amount;
            input.ValueCurrency = Blank(row.Cell(TemplateColumns.Currency))?.Trim().ToUpperInvariant();
            if (ReportedOn(row.Cell(TemplateColumns.ReportedOn)) is { } on) input.ReportedOn = on;
            input.Version = exported ?? existing?.Version ?? 0;
            if (input.Status is null) { Refuse(row, Required, TemplateColumns.Status); continue; }
            candidates.Add((row, input, existing, exported, fileReport is not null));
        }

        // The checks of the report form, with what they read from the database read once for every row.
        var lookups = await ProgressReportInput.LookupsAsync(db, candidates.Select(c => c.Input), ct);
        var writes = new List<Planned>();
        foreach (var (row, input, existing, exported, fromFileId) in candidates)
        {
            if (existing is not null && Same(ProgressReportInput.From(existing), input))
            {
                row.Verdict = RowVerdict.Unchanged;
                row.ReportId = existing.Id;
                continue;
            }
            // Changed since the template was made: the report the row was made from has a newer version, or this side
            // reported in that period since (the row had no report then).
            if (existing is not null && (!fromFileId || exported != existing.Version))
            {
                Refuse(row, "Import.Verdict.Stale", null);
                row.ReportId = existing.Id;
                continue;
            }
            if ((Annotations(input) ?? Rules(input, existing, today, user, lookups)) is { } problem)
            {
                Refuse(row, problem.Key, problem.Column, problem.Args);
                continue;
            }
            row.Verdict = existing is null ? RowVerdict.Create : RowVerdict.Update;
            row.ReportId = existing?.Id;
            writes.Add(new Planned(row, input, existing?.Id));
        }
        return new Judgement(rows, writes);
    }

    public enum Outcome
    {
        Saved,
        // A row is refused now, or nothing is left to write: nothing was saved, and the import shows the new verdicts.
        Refused,
        NothingToSave,
        // Another confirmation of the same import (a second click, another tab) saved it first: nothing more was written.
        AlreadySaved,
    }

    // The confirmation of a preview: the rows kept with the import (never a form's) judged again against the record as
    // it is now, and saved if nothing stops them. A report saved by someone else meanwhile fails the save, and the rows
    // are judged once more so that the preview shows why.
    public static async Task<Outcome> ConfirmAsync(ConcordDb db, CurrentUser user, ReportImport import, List<ImportRow> rows, StringCatalog strings, CancellationToken ct)
    {
        // The verdicts shown by the preview, before they are judged again in place.
        var shown = rows.Select(VerdictOf).ToArray();
        var judgement = await JudgeAsync(db, user, rows, strings, ct);
        var counts = ReportImport.Count(judgement.Rows);
        if (counts.Refused == 0 && counts.Creates + counts.Updates > 0)
        {
            // The kept rows (tens of megabytes at 100,000) are written again only when a verdict moved.
            var moved = !judgement.Rows.Select(VerdictOf).SequenceEqual(shown);
            var saved = await SaveAsync(db, user, import, judgement, moved, ct);
            if (saved is Outcome.Saved or Outcome.AlreadySaved) return saved;
            db.ChangeTracker.Clear();
            judgement = await JudgeAsync(db, user, rows, strings, ct);
            counts = ReportImport.Count(judgement.Rows);
        }
        var json = ReportImport.Serialize(judgement.Rows);
        var kept = await db.ReportImports.Where(i => i.Id == import.Id && i.State == ImportState.Previewed)
            .ExecuteUpdateAsync(u => Keep(u.SetProperty(i => i.Rows, json), counts), ct);
        if (kept == 0) return Outcome.AlreadySaved;
        return counts.Refused > 0 ? Outcome.Refused : Outcome.NothingToSave;
    }

    // The counts of each verdict kept beside the rows (the list of imports shows them without reading the rows).
    static void Keep(UpdateSettersBuilder<ReportImport> u, ReportImport.Counts counts) =>
        u.SetProperty(i => i.Creates, counts.Creates).SetProperty(i => i.Updates, counts.Updates)
            .SetProperty(i => i.Unchanged, counts.Unchanged).SetProperty(i => i.Skipped, counts.Skipped).SetProperty(i => i.Refused, counts.Refused);

    static (RowVerdict, string?, string?, string, int?) VerdictOf(ImportRow row) =>
        (row.Verdict, row.Reason, row.Column, string.Join('\u001f', row.Args ?? []), row.ReportId);

    // Saves every create and update of a judgement in one transaction, or nothing: a report saved by someone else
    // in between fails the whole save (RecordWrite's version check). The values are each report input's own
    // (RecordWrite.StageAsync); only the rows are written in bulk (Data/BulkSave.cs). Returns Saved, AlreadySaved or
    // Refused (stale).
    // Internal for the test of two confirmations judged before either saves.
    internal static async Task<Outcome> SaveAsync(ConcordDb db, CurrentUser user, ReportImport import, Judgement judgement, bool rewriteRows, CancellationToken ct)
    {
        var at = db.Clock.GetUtcNow().UtcDateTime;
        var counts = ReportImport.Count(judgement.Rows);
        var json = rewriteRows ? ReportImport.Serialize(judgement.Rows) : null;
        try
        {
            return await db.Database.CreateExecutionStrategy().ExecuteAsync(async token =>
            {
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                // The import is claimed first: a second confirmation running at the same time waits here for the first
                // to end (PostgreSQL's row lock, SQLite's write lock), then finds it saved and writes nothing. Without
                // this both would create the same reports.
                var claimed = await db.ReportImports.Where(i => i.Id == import.Id && i.State == ImportState.Previewed)
                    .ExecuteUpdateAsync(u =>
                    {
                        Keep(u.SetProperty(i => i.State, ImportState.Saved).SetProperty(i => i.SavedAt, at), counts);
                        if (json is not null) u.SetProperty(i => i.Rows, json);
                    }, token);
                if (claimed == 0) return Outcome.AlreadySaved;
                var created = new List<int>();
                foreach (var batch in judgement.Writes.Chunk(SaveBatch))
                {
                    var ids = batch.Where(p => p.ExistingId is not null).Select(p => p.ExistingId!.Value).ToList();
                    var tracked = ids.Count == 0 ? [] : await ProgressReportInput.ForEdit(db).Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id, token);
                    // New reports' ids are known once their batch is saved: the reports themselves are let go.
                    var added = new List<ProgressReport>();
                    foreach (var p in batch)
                    {
                        var existing = p.ExistingId is { } id ? tracked.GetValueOrDefault(id) : null;
                        if (p.ExistingId is not null && existing is null) throw new DbUpdateConcurrencyException();
                        var report = await RecordWrite.StageAsync(db, p.Input, existing, user, token);
                        if (existing is null) added.Add(report);
                    }
                    // Not accepted (the batch is let go): a new report's id is on its entry, not yet on the report itself.
                    await db.SaveChangesInBulkAsync(token, acceptAllChanges: false);
                    created.AddRange(added.Select(r => db.Entry(r).Property(x => x.Id).CurrentValue));
                    db.ChangeTracker.Clear();
                }

                // One entry for the import as a whole (its file and the reports it wrote), beside the entry of each report.
                db.AuditEntries.Add(new AuditEntry
                {
                    At = at, AccountId = user.AccountId, ActorName = user.Name, RecordType = nameof(ReportImport), RecordId = import.Id,
                    Action = AuditAction.Created,
                    Changes = JsonSerializer.Serialize(new AuditTrail.AuditChanges(
                        new Dictionary<string, object?[]> { ["FileName"] = [null, import.FileName], ["Sha256"] = [null, import.Sha256] },
                        new Dictionary<string, List<object>>
                        {
                            ["Created"] = [.. created.Select(id => (object)id)],
                            ["Updated"] = [.. judgement.Writes.Where(w => w.ExistingId is not null).Select(w => (object)w.ExistingId!.Value)],
                        }, null), JsonSerializerOptions.Web),
                });
                await db.SaveChangesAsync(token);
                await transaction.CommitAsync(token);
                return Outcome.Saved;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            return Outcome.Refused;
        }
    }

    // What the import sets, compared with the report as saved: an unedited export, or a file imported before, changes nothing.
    static bool Same(ProgressReportInput saved, ProgressReportInput row) =>
        saved.Period == row.Period && saved.Status == row.Status
        && Text(saved.NarrativeVi) == Text(row.NarrativeVi) && Text(saved.NarrativeEn) == Text(row.NarrativeEn) && Text(saved.NarrativeLo) == Text(row.NarrativeLo)
        && saved.PeopleCount == row.PeopleCount && saved.WomenCount == row.WomenCount && saved.ValueAmount == row.ValueAmount
        && (row.ValueAmount is null || Text(saved.ValueCurrency)?.ToUpperInvariant() == Text(row.ValueCurrency)?.ToUpperInvariant())
        && saved.ReportedOn == row.ReportedOn;

    static string? Text(string? s) => InputText.Clean(s);

    // A new report is written by the department that leads on this side (the user's own, for a focal point), as the form proposes.
    static int? DefaultReporter(Commitment commitment, string side, IReadOnlyCollection<int> units, CurrentUser user)
    {
        var leads = commitment.Leads.Where(l => l.Country == side).Select(l => l.OrganisationId).Order().ToList();
        return leads.FirstOrDefault(units.Contains) is var mine and > 0 ? mine : leads.Count > 0 ? leads[0] : user.OrganisationId;
    }

    sealed record Problem(string Key, int? Column, string[] Args);

    const string Required = "Validation.Required";

    static readonly Dictionary<string, int> Columns = new()
    {
        [nameof(ProgressReportInput.Country)] = TemplateColumns.Side,
        [nameof(ProgressReportInput.Period)] = TemplateColumns.Period,
        [nameof(ProgressReportInput.Status)] = TemplateColumns.Status,
        [nameof(ProgressReportInput.NarrativeVi)] = TemplateColumns.Narrative,
        [nameof(ProgressReportInput.NarrativeEn)] = TemplateColumns.Narrative,
        [nameof(ProgressReportInput.NarrativeLo)] = TemplateColumns.Narrative,
        [nameof(ProgressReportInput.PeopleCount)] = TemplateColumns.People,
        [nameof(ProgressReportInput.WomenCount)] = TemplateColumns.Women,
        [nameof(ProgressReportInput.ValueAmount)] = TemplateColumns.Amount,
        [nameof(ProgressReportInput.ValueCurrency)] = TemplateColumns.Currency,
        [nameof(ProgressReportInput.ReportedOn)] = TemplateColumns.ReportedOn,
    };

    static readonly (PropertyInfo Property, ValidationAttribute[] Rules)[] Annotated =
        [.. typeof(ProgressReportInput).GetProperties()
            .Select(p => (p, p.GetCustomAttributes<ValidationAttribute>().ToArray()))
            .Where(x => x.Item2.Length > 0)];

    // The input's DataAnnotations, as model binding checks them on the form.
    static Problem? Annotations(ProgressReportInput input)
    {
        foreach (var (property, rules) in Annotated)
        {
            var value = property.GetValue(input);
            foreach (var rule in rules)
            {
                if (rule.IsValid(value)) continue;
                string[] args = rule switch
                {
                    StringLengthAttribute s => ["", s.MaximumLength.ToString(CultureInfo.InvariantCulture)],
                    RangeAttribute r => ["", Convert.ToString(r.Minimum, CultureInfo.InvariantCulture) ?? "", Convert.ToString(r.Maximum, CultureInfo.InvariantCulture) ?? ""],
                    _ => [],
                };
                return new Problem(rule.ErrorMessage ?? Required, Columns.GetValueOrDefault(property.Name, -1) is var c and >= 0 ? c : null, args);
            }
        }
        return null;
    }

    static Problem? Rules(ProgressReportInput input, ProgressReport? existing, DateOnly today, CurrentUser user, ProgressReportInput.Lookups lookups)
    {
        var errors = input.Check(existing, today, user, lookups);
        if (errors.Count == 0) return null;
        var (field, key) = errors.First();
        return new Problem(key, Columns.GetValueOrDefault(field, -1) is var c and >= 0 ? c : null, []);
    }

    static void Refuse(ImportRow row, string reason, int? column, params string[] args)
    {
        row.Verdict = RowVerdict.Refused;
        row.Reason = reason;
        row.Column = column is { } c ? TemplateColumns.All[c].Key : null;
        row.Args = args.Length == 0 ? null : args;
    }

    static bool IsEmpty(ImportRow row) =>
        new[] { TemplateColumns.Status, TemplateColumns.Narrative, TemplateColumns.People, TemplateColumns.Women, TemplateColumns.Amount, TemplateColumns.Currency }
            .All(c => string.IsNullOrWhiteSpace(row.Cell(c)));

    static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s;

    static Period? PeriodOf(ImportRow row) => Period.TryParse(row.Cell(TemplateColumns.Period)?.Trim(), out var period) ? period : null;

    // The template writes a text a spreadsheet could take for a formula with a leading apostrophe (Xlsx.Neutralise); read back, it goes.
    static string? Unneutralise(string? s) =>
        s is { Length: > 1 } && s[0] == '\'' && s[1] is '=' or '+' or '-' or '@' or '\t' or '\r' ? s[1..] : s;

    // A whole number, as typed or as a spreadsheet stores it ("12", "12.0").
    static int? Int(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        if (int.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)) return n;
        return decimal.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d == decimal.Truncate(d) && d is >= int.MinValue and <= int.MaxValue ? (int)d : null;
    }

    static bool Number(ImportRow row, int column, out int? value)
    {
        var text = Blank(row.Cell(column));
        value = Int(text);
        if (text is null || value is not null) return true;
        Refuse(row, "Import.Verdict.NotANumber", column, text);
        return false;
    }

    static bool Amount(ImportRow row, out decimal? value)
    {
        var text = Blank(row.Cell(TemplateColumns.Amount))?.Trim().Replace(" ", "");
        value = null;
        if (text is null) return true;
        if (decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d)) { value = d; return true; }
        Refuse(row, "Import.Verdict.NotANumber", TemplateColumns.Amount, text);
        return false;
    }

    // A date as the form takes it ("12/03/2026", "2026-03-12"), or a spreadsheet's date number (days since 1899-12-30).
    static string? ReportedOn(string? cell)
    {
        var text = Blank(cell)?.Trim();
        if (text is null) return null;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var serial) && serial is > 0 and < 2_958_466 && !text.Contains('/') && !text.Contains('-'))
            return DateOnly.FromDateTime(DateTime.FromOADate(serial)).ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);
        return text;
    }

    // Status names in every language and the enum's own names, folded to lower case.
    static Dictionary<string, CommitmentStatus> StatusNames(StringCatalog strings)
    {
        var names = new Dictionary<string, CommitmentStatus>();
        foreach (var s in Enum.GetValues<CommitmentStatus>())
        {
            names[s.ToString().ToLowerInvariant()] = s;
            foreach (var l in StringCatalog.Languages)
                if (strings.Find($"CommitmentStatus.{s}", l) is { } name) names.TryAdd(name.Trim().ToLowerInvariant(), s);
        }
        return names;
    }
}
