using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Concord.Data;
using Concord.Features.ReferenceData;
using Concord.Shared;
using static Concord.Shared.InputText;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Commitments;

// What a form or an API call may set on a commitment; bound instead of the entity.
public sealed class CommitmentInput : IRecordInput<Commitment, CommitmentInput>
{
    [Required(ErrorMessage = "Validation.Required")]
    [FieldLabel("Commitments.Instrument")] public int? InstrumentId { get; set; }
    [FieldLabel("Commitments.Number"), StringLength(20, ErrorMessage = "Validation.TooLong")] public string? Number { get; set; }
    [FieldLabel("Commitments.Text", "vi"), StringLength(4000, ErrorMessage = "Validation.TooLong")] public string? TextVi { get; set; }
    [FieldLabel("Commitments.Text", "en"), StringLength(4000, ErrorMessage = "Validation.TooLong")] public string? TextEn { get; set; }
    [FieldLabel("Commitments.Text", "lo"), StringLength(4000, ErrorMessage = "Validation.TooLong")] public string? TextLo { get; set; }
    [Required(ErrorMessage = "Validation.Required")]
    [FieldLabel("Commitments.Area")] public int? AreaId { get; set; }
    // As the minutes write it: "2026-2027", or one year, "2026"; empty when the source gives no period.
    [StringLength(20, ErrorMessage = "Validation.TooLong")]
    [FieldLabel("Commitments.Period")] public string? Period { get; set; }
    // A day: "31/12/2026" or "2026-12-31". Without one, the commitment is due by the end of its period.
    [FieldLabel("Commitments.DueOn")] public string? DueOn { get; set; }
    [Required(ErrorMessage = "Validation.Required")]
    [FieldLabel("Commitments.Status")] public CommitmentStatus? Status { get; set; }
    // The lead departments; each one's side is its organisation's country.
    [FieldLabel("Commitments.Leads")] public List<int> LeadIds { get; set; } = [];
    [FieldLabel("Common.Sources"), StringLength(2000, ErrorMessage = "Validation.TooLong")] public string? Sources { get; set; }
    // Public, Partners (both sides, the default) or Restricted to the editor's side; left out, it stays as it is.
    [FieldLabel("Access.Visibility")] public Visibility? Visibility { get; set; }
    // The language the record was written in; the others are translations of it. Left out, it stays as it is.
    [FieldLabel("Translations.OriginalLanguage")] public string? OriginalLanguage { get; set; }
    public int Version { get; set; }

    public static IQueryable<Commitment> ForEdit(ConcordDb db) => db.Commitments.Include(c => c.Leads);

    public static CommitmentInput From(Commitment c) => new()
    {
        InstrumentId = c.InstrumentId,
        Number = c.Number,
        TextVi = c.Text.Vi, TextEn = c.Text.En, TextLo = c.Text.Lo, OriginalLanguage = c.Translation.Original,
        AreaId = c.AreaId,
        Period = c.Period?.ToString(),
        DueOn = c.DueOn?.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        Status = c.Status,
        LeadIds = c.Leads.Select(l => l.OrganisationId).ToList(),
        Sources = c.Sources,
        Visibility = c.Visibility,
        Version = c.Version,
    };

    // Rules beyond DataAnnotations, shared by the pages and the API; `existing` is null for a new commitment.
    // Keys are property names, values string keys the caller localizes.
    public async Task<Dictionary<string, string>> CheckAsync(ConcordDb db, Commitment? existing, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(TextVi) && string.IsNullOrWhiteSpace(TextEn) && string.IsNullOrWhiteSpace(TextLo))
            errors[nameof(TextVi)] = "Validation.TitleInOneLanguage";
        if (OriginalLanguageChoice.Check(OriginalLanguage, new LocalizedText(TextVi, TextEn, TextLo)) is { } original) errors[nameof(OriginalLanguage)] = original;
        if (VisibilityChoice.Check(Visibility, db.Viewer) is { } visibility) errors[nameof(Visibility)] = visibility;
        if (InstrumentId is { } instrument && !await db.Instruments.AnyAsync(i => i.Id == instrument, ct))
            errors[nameof(InstrumentId)] = "Validation.UnknownChoice";
        if (AreaId is { } area && !await TermChoices.IsChoosableAsync(db, Vocabularies.Area, area, existing?.AreaId, ct))
            errors[nameof(AreaId)] = "Validation.UnknownChoice";

        var hasPeriod = Concord.Shared.Period.TryParse(Period, out var period);
        if (!string.IsNullOrWhiteSpace(Period) && !hasPeriod) errors[nameof(Period)] = "Validation.Period";
        if (!string.IsNullOrWhiteSpace(DueOn))
        {
            if (!PartialDate.TryParse(DueOn, out var due)) errors[nameof(DueOn)] = "Validation.Date";
            else if (due.Precision != DatePrecision.Day) errors[nameof(DueOn)] = "Commitments.DueOnNeedsDay";
            // Due within or after the period, never before it starts: a 2026-2027 clause due in 2025 is a typing slip.
            else if (hasPeriod && due.Date.Year < period.StartYear) errors[nameof(DueOn)] = "Commitments.DueBeforePeriod";
        }

        if (Status is { } status)
        {
            var allowed = existing is null ? CommitmentStatusRules.CanCreateAs(status) : CommitmentStatusRules.CanChange(existing.Status, status);
            if (!allowed) errors[nameof(Status)] = Enum.IsDefined(status) ? "Commitments.StatusNotAllowed" : "Validation.UnknownChoice";
            // Closing and reopening go through a proposal the other side confirms, never through an edit.
            else if (existing is not null && CommitmentStatusRules.NeedsBothSides(existing.Status, status)) errors[nameof(Status)] = "Commitments.StatusNeedsBothSides";
        }

        var number = Clean(Number);
        if (number is not null && InstrumentId is { } inInstrument && !errors.ContainsKey(nameof(InstrumentId)))
        {
            var selfId = existing?.Id ?? 0;
            if (await db.Commitments.AnyAsync(c => c.InstrumentId == inInstrument && c.Number == number && c.Id != selfId, ct))
                errors[nameof(Number)] = "Commitments.NumberTaken";
        }

        var leads = LeadIds.Distinct().ToList();
        if (leads.Count > IdList.Max) errors[nameof(LeadIds)] = "Validation.TooMany";
        else if (leads.Count > 0)
        {
            var countries = await LeadCountriesAsync(db, ct);
            if (countries.Count != leads.Count) errors[nameof(LeadIds)] = "Validation.UnknownChoice";
            else if (countries.Values.Any(c => !Sides.IsKnown(c))) errors[nameof(LeadIds)] = "Commitments.LeadNotOfASide";
        }
        return errors;
    }

    public async Task<Dictionary<int, string?>> LeadCountriesAsync(ConcordDb db, CancellationToken ct)
    {
        var ids = LeadIds.Distinct().ToList();
        return await db.Organisations.AsNoTracking().Where(o => ids.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Country, ct);
    }

    public async Task<Commitment> ApplyAsync(ConcordDb db, Commitment? existing, CurrentUser editor, CancellationToken ct)
    {
        var countries = await LeadCountriesAsync(db, ct);
        var c = existing;
        if (c is null)
        {
            c = new Commitment { Sequence = await CarryOver.NextSequenceAsync(db, InstrumentId!.Value, ct) };
            db.Commitments.Add(c);
        }
        else
        {
            if (c.InstrumentId != InstrumentId) c.Sequence = await CarryOver.NextSequenceAsync(db, InstrumentId!.Value, ct);
        }
        ApplyTo(c, countries);
        VisibilityChoice.Apply(c, Visibility, editor.Country);
        return c;
    }

    // `countries` is LeadCountriesAsync's answer, already checked to hold a side for every lead.
    public void ApplyTo(Commitment c, IReadOnlyDictionary<int, string?> countries)
    {
        c.InstrumentId = InstrumentId!.Value;
        c.Number = Clean(Number);
        c.Text = new LocalizedText(Clean(TextVi), Clean(TextEn), Clean(TextLo));
        OriginalLanguageChoice.Apply(c, OriginalLanguage);
        c.AreaId = AreaId!.Value;
        c.Period = Concord.Shared.Period.TryParse(Period, out var period) ? period : null;
        c.DueOn = PartialDate.TryParse(DueOn, out var due) ? due.Date : null;
        c.Status = Status!.Value;
        c.Sources = Clean(Sources);
        var wanted = LeadIds.Distinct().ToHashSet();
        c.Leads.RemoveAll(l => !wanted.Contains(l.OrganisationId));
        foreach (var lead in c.Leads) lead.Country = countries[lead.OrganisationId]!;
        foreach (var id in wanted.Where(id => c.Leads.All(l => l.OrganisationId != id)))
            c.Leads.Add(new CommitmentLead { OrganisationId = id, Country = countries[id]! });
    }
}
