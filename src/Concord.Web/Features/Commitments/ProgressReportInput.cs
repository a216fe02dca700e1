using System.ComponentModel.DataAnnotations;
using System.Globalization;
using System.Text.Json.Serialization;
using Concord.Data;
using Concord.Features.ReferenceData;
using Concord.Shared;
using static Concord.Shared.InputText;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Commitments;

// What one side says about a commitment for a period; shared by the report form and the API.
public sealed class ProgressReportInput : IRecordInput<ProgressReport, ProgressReportInput>
{
    public const int MaxEvidenceLinks = 20;
    // numeric(20, 2) holds up to 10^18.
    const decimal MaxAmount = 1_000_000_000_000_000_000m;

    [Required(ErrorMessage = "Validation.Required")]
    [FieldLabel("Common.Side")] public string? Country { get; set; }
    [Required(ErrorMessage = "Validation.Required")]
    [FieldLabel("Commitments.ReportingOrganisation")] public int? OrganisationId { get; set; }
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(20, ErrorMessage = "Validation.TooLong")]
    [FieldLabel("Commitments.Period")] public string? Period { get; set; }
    [Required(ErrorMessage = "Validation.Required")]
    [FieldLabel("Commitments.ReportedStatus")] public CommitmentStatus? Status { get; set; }
    [FieldLabel("Commitments.Narrative", "vi"), StringLength(8000, ErrorMessage = "Validation.TooLong")] public string? NarrativeVi { get; set; }
    [FieldLabel("Commitments.Narrative", "en"), StringLength(8000, ErrorMessage = "Validation.TooLong")] public string? NarrativeEn { get; set; }
    [FieldLabel("Commitments.Narrative", "lo"), StringLength(8000, ErrorMessage = "Validation.TooLong")] public string? NarrativeLo { get; set; }
    [FieldLabel("Commitments.PeopleCount"), Range(0, 100_000_000, ErrorMessage = "Validation.Range")] public int? PeopleCount { get; set; }
    [FieldLabel("Commitments.WomenCount"), Range(0, 100_000_000, ErrorMessage = "Validation.Range")] public int? WomenCount { get; set; }
    [FieldLabel("Commitments.ValueAmount")] public decimal? ValueAmount { get; set; }
    // A code of the currency vocabulary: VND, LAK, USD.
    [FieldLabel("Commitments.ValueCurrency")] public string? ValueCurrency { get; set; }
    // One http(s) address a line.
    [FieldLabel("Commitments.EvidenceLinks"), StringLength(8000, ErrorMessage = "Validation.TooLong")] public string? EvidenceLinks { get; set; }
    // A day, "12/03/2026" or "2026-03-12", not in the future.
    [Required(ErrorMessage = "Validation.Required")]
    [FieldLabel("Commitments.ReportedOn")] public string? ReportedOn { get; set; }
    // Partners (both sides, the default) or Restricted to the report's own side; left out, it stays as it is.
    [FieldLabel("Access.Visibility")] public Visibility? Visibility { get; set; }
    // The language the record was written in; the others are translations of it. Left out, it stays as it is.
    [FieldLabel("Translations.OriginalLanguage")] public string? OriginalLanguage { get; set; }
    public int Version { get; set; }
    // The commitment reported on: from the address (/commitments/{id}/reports), never from the form or the body.
    [BindNever, JsonIgnore] public int CommitmentId { get; set; }

    public static IQueryable<ProgressReport> ForEdit(ConcordDb db) => db.ProgressReports;

    public static ProgressReportInput From(ProgressReport r) => new()
    {
        CommitmentId = r.CommitmentId,
        Country = r.Country,
        OrganisationId = r.OrganisationId,
        Period = r.Period.ToString(),
        Status = r.Status,
        NarrativeVi = r.Narrative.Vi, NarrativeEn = r.Narrative.En, NarrativeLo = r.Narrative.Lo, OriginalLanguage = r.Translation.Original,
        PeopleCount = r.PeopleCount,
        WomenCount = r.WomenCount,
        ValueAmount = r.ValueAmount,
        ValueCurrency = r.ValueCurrency,
        EvidenceLinks = r.EvidenceLinks,
        ReportedOn = r.ReportedOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        Visibility = r.Visibility,
        Version = r.Version,
    };

    // What the checks read from the database: the side of each reporting organisation, the currency codes and the
    // organisations the viewer may name as reporter (null: any of their side's, ReportAccess.ReportersAsync).
    // An import reads them once for all its rows (LookupsAsync of many inputs), a form for its one input.
    public sealed record Lookups(IReadOnlyDictionary<int, string?> OrganisationCountries, IReadOnlyDictionary<string, bool> Currencies,
        IReadOnlyCollection<int>? Reporters);

    public static async Task<Lookups> LookupsAsync(ConcordDb db, IEnumerable<ProgressReportInput> inputs, CancellationToken ct)
    {
        var countries = new Dictionary<int, string?>();
        foreach (var chunk in inputs.Where(i => i.OrganisationId is not null).Select(i => i.OrganisationId!.Value).Distinct().Chunk(1000))
            foreach (var o in await db.Organisations.AsNoTracking().Where(o => chunk.Contains(o.Id)).Select(o => new { o.Id, o.Country }).ToListAsync(ct))
                countries[o.Id] = o.Country;
        // The currency vocabulary is a handful of codes: read whole, active or retired.
        var currencies = await db.Terms.AsNoTracking().Where(t => t.Vocabulary == Vocabularies.Currency && t.Code != null)
            .Select(t => new { t.Code, t.IsActive }).ToListAsync(ct);
        // Whom the viewer may name is asked only when a row names a known organisation: the only check that reads it.
        var reporters = countries.Count > 0 ? await ReportAccess.ReportersAsync(db, db.Viewer, ct) : null;
        return new Lookups(countries, currencies.GroupBy(c => c.Code!).ToDictionary(g => g.Key, g => g.Any(c => c.IsActive)), reporters);
    }

    // `existing` is null for a new report. Who may write for which side is ReportAccess's rule, asked before this.
    public async Task<Dictionary<string, string>> CheckAsync(ConcordDb db, ProgressReport? existing, CancellationToken ct) =>
        Check(existing, db.Clock.Today(), db.Viewer, await LookupsAsync(db, [this], ct));

    public Dictionary<string, string> Check(ProgressReport? existing, DateOnly today, CurrentUser viewer, Lookups lookups)
    {
        var errors = new Dictionary<string, string>();
        // Reports are not published one by one; a report loaded as public (the demo history) may stay so.
        if (VisibilityChoice.Check(Visibility, viewer, allowPublic: existing?.Visibility == Concord.Shared.Visibility.Public) is { } visibility)
            errors[nameof(Visibility)] = visibility;
        var country = Country?.Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(country) && !Sides.IsKnown(country)) errors[nameof(Country)] = "Validation.UnknownChoice";
        if (OrganisationId is { } org)
        {
            if (!lookups.OrganisationCountries.TryGetValue(org, out var orgCountry)) errors[nameof(OrganisationId)] = "Validation.UnknownChoice";
            else if (Sides.IsKnown(country) && orgCountry != country) errors[nameof(OrganisationId)] = "Commitments.ReporterNotOfSide";
            // A focal point reports for their own department (or a unit under it); a report already naming
            // another (a coordinator's) keeps it.
            else if (org != existing?.OrganisationId && lookups.Reporters is { } reporters && !reporters.Contains(org))
                errors[nameof(OrganisationId)] = "Commitments.ReporterNotYours";
        }
        if (!string.IsNullOrWhiteSpace(Period) && !Concord.Shared.Period.TryParse(Period, out _)) errors[nameof(Period)] = "Validation.Period";
        if (Status is { } status && !CommitmentStatusRules.CanReport(status))
            errors[nameof(Status)] = Enum.IsDefined(status) ? "Commitments.ReportStatusNotAllowed" : "Validation.UnknownChoice";
        if (string.IsNullOrWhiteSpace(NarrativeVi) && string.IsNullOrWhiteSpace(NarrativeEn) && string.IsNullOrWhiteSpace(NarrativeLo))
            errors[nameof(NarrativeVi)] = "Validation.TitleInOneLanguage";
        if (OriginalLanguageChoice.Check(OriginalLanguage, new LocalizedText(NarrativeVi, NarrativeEn, NarrativeLo)) is { } original) errors[nameof(OriginalLanguage)] = original;

        if (WomenCount is { } women && !errors.ContainsKey(nameof(WomenCount)))
        {
            if (PeopleCount is null) errors[nameof(PeopleCount)] = "Commitments.PeopleNeededForWomen";
            else if (PeopleCount >= 0 && women > PeopleCount) errors[nameof(WomenCount)] = "Commitments.WomenMoreThanPeople";
        }

        if (ValueAmount is { } amount)
        {
            if (amount < 0 || amount >= MaxAmount) errors[nameof(ValueAmount)] = "Commitments.AmountRange";
            if (string.IsNullOrWhiteSpace(ValueCurrency)) errors[nameof(ValueCurrency)] = "Commitments.CurrencyRequired";
        }
        if (!string.IsNullOrWhiteSpace(ValueCurrency))
        {
            // An active code, or the retired one the report already holds (TermChoices.IsChoosableCodeAsync's rule).
            var wanted = ValueCurrency.Trim().ToUpperInvariant();
            var held = existing?.ValueCurrency?.Trim().ToUpperInvariant();
            if (!lookups.Currencies.TryGetValue(wanted, out var active) || !(active || wanted == held))
                errors[nameof(ValueCurrency)] = "Validation.UnknownChoice";
        }

        var links = Links(EvidenceLinks);
        if (links.Any(l => !IsWebAddress(l))) errors[nameof(EvidenceLinks)] = "Commitments.EvidenceLinkInvalid";
        else if (links.Count > MaxEvidenceLinks) errors[nameof(EvidenceLinks)] = "Commitments.EvidenceTooMany";

        if (!string.IsNullOrWhiteSpace(ReportedOn))
        {
            if (!PartialDate.TryParse(ReportedOn, out var on)) errors[nameof(ReportedOn)] = "Validation.Date";
            else if (on.Precision != DatePrecision.Day) errors[nameof(ReportedOn)] = "Commitments.ReportedOnNeedsDay";
            else if (on.Date > today) errors[nameof(ReportedOn)] = "Commitments.ReportedInFuture";
        }
        return errors;
    }

    public Task<ProgressReport> ApplyAsync(ConcordDb db, ProgressReport? existing, CurrentUser editor, CancellationToken ct)
    {
        var r = existing;
        if (r is null)
        {
            r = new ProgressReport { CommitmentId = CommitmentId, Country = "" };
            db.ProgressReports.Add(r);
        }
        ApplyTo(r);
        return Task.FromResult(r);
    }

    void ApplyTo(ProgressReport r)
    {
        r.Country = Country!.Trim().ToUpperInvariant();
        // Kept to the report's own side, which is the side of whoever may write it.
        VisibilityChoice.Apply(r, Visibility, r.Country);
        r.OrganisationId = OrganisationId;
        Concord.Shared.Period.TryParse(Period, out var period);
        r.Period = period;
        r.Status = Status!.Value;
        r.Narrative = new LocalizedText(Clean(NarrativeVi), Clean(NarrativeEn), Clean(NarrativeLo));
        OriginalLanguageChoice.Apply(r, OriginalLanguage);
        r.PeopleCount = PeopleCount;
        r.WomenCount = WomenCount;
        r.ValueAmount = ValueAmount;
        // A currency without an amount says nothing; it is not kept.
        r.ValueCurrency = ValueAmount is null ? null : ValueCurrency!.Trim().ToUpperInvariant();
        var links = Links(EvidenceLinks);
        r.EvidenceLinks = links.Count == 0 ? null : string.Join('\n', links);
        PartialDate.TryParse(ReportedOn, out var on);
        r.ReportedOn = on.Date;
    }

    public static List<string> Links(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).ToList();

    public static bool IsWebAddress(string text) =>
        text.Length <= 2000 && Uri.TryCreate(text, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && !string.IsNullOrEmpty(uri.Host);
}
