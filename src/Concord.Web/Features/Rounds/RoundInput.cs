using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Concord.Data;
using Concord.Features.ReferenceData;
using Concord.Shared;
using static Concord.Shared.InputText;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Rounds;

// What a form or an API call may set on a round; bound instead of the entity.
public sealed class RoundInput : IRecordInput<Round, RoundInput>
{
    [FieldLabel("Rounds.Name", "vi"), StringLength(500, ErrorMessage = "Validation.TooLong")] public string? NameVi { get; set; }
    [FieldLabel("Rounds.Name", "en"), StringLength(500, ErrorMessage = "Validation.TooLong")] public string? NameEn { get; set; }
    [FieldLabel("Rounds.Name", "lo"), StringLength(500, ErrorMessage = "Validation.TooLong")] public string? NameLo { get; set; }
    // The period reported, as progress reports write it: one year ("2026") or the plan's two ("2026-2027").
    [Required(ErrorMessage = "Validation.Required"), StringLength(20, ErrorMessage = "Validation.TooLong")]
    [FieldLabel("Rounds.Period")] public string? Period { get; set; }
    // A day: "31/03/2027" or "2027-03-31".
    [Required(ErrorMessage = "Validation.Required"), StringLength(20, ErrorMessage = "Validation.TooLong")]
    [FieldLabel("Rounds.DueOn")] public string? DueOn { get; set; }
    // VN or LA for one side's round; empty when both sides share it.
    [FieldLabel("Rounds.Side")] public string? Side { get; set; }
    [FieldLabel("Rounds.Meeting")] public int? MeetingId { get; set; }
    [FieldLabel("Rounds.Instrument")] public int? InstrumentId { get; set; }
    [FieldLabel("Rounds.Area")] public int? AreaId { get; set; }
    [FieldLabel("Rounds.LeadOrganisation")] public int? LeadOrganisationId { get; set; }
    [FieldLabel("Rounds.RemindDaysBefore"), Range(0, 60, ErrorMessage = "Validation.Range")] public int? RemindDaysBefore { get; set; } = 7;
    [FieldLabel("Access.Visibility")] public Visibility? Visibility { get; set; }
    public int Version { get; set; }

    public static IQueryable<Round> ForEdit(ConcordDb db) => db.Rounds;

    public static RoundInput From(Round r) => new()
    {
        NameVi = r.Name.Vi, NameEn = r.Name.En, NameLo = r.Name.Lo,
        Period = r.Period.ToString(),
        DueOn = r.DueOn.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
        Side = r.Side,
        MeetingId = r.MeetingId, InstrumentId = r.InstrumentId, AreaId = r.AreaId, LeadOrganisationId = r.LeadOrganisationId,
        RemindDaysBefore = r.RemindDaysBefore,
        Visibility = r.Visibility,
        Version = r.Version,
    };

    public async Task<Dictionary<string, string>> CheckAsync(ConcordDb db, Round? existing, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (existing?.State == RoundState.Closed) errors[""] = "Rounds.ClosedCannotChange";
        if (string.IsNullOrWhiteSpace(NameVi) && string.IsNullOrWhiteSpace(NameEn) && string.IsNullOrWhiteSpace(NameLo))
            errors[nameof(NameVi)] = "Validation.TitleInOneLanguage";
        if (!string.IsNullOrWhiteSpace(Period))
        {
            if (!Concord.Shared.Period.TryParse(Period, out var period)) errors[nameof(Period)] = "Validation.Period";
            else if (period.Years > 2) errors[nameof(Period)] = "Rounds.PeriodOneOrTwoYears";
        }
        if (!string.IsNullOrWhiteSpace(DueOn))
        {
            if (!PartialDate.TryParse(DueOn, out var due)) errors[nameof(DueOn)] = "Validation.Date";
            else if (due.Precision != DatePrecision.Day) errors[nameof(DueOn)] = "Rounds.DueOnNeedsDay";
        }
        var side = SideCode();
        if (side is not null)
        {
            if (!Sides.IsKnown(side)) errors[nameof(Side)] = "Validation.UnknownChoice";
            // A side runs its own round, or shares one with the other; it never opens a round for the other side alone.
            else if (side != db.Viewer.Country) errors[nameof(Side)] = "Rounds.SideNotYours";
        }
        if (VisibilityChoice.Check(Visibility, db.Viewer) is { } visibility) errors[nameof(Visibility)] = visibility;
        if (MeetingId is { } meeting && !await db.Meetings.AnyAsync(m => m.Id == meeting, ct)) errors[nameof(MeetingId)] = "Validation.UnknownChoice";
        if (InstrumentId is { } instrument && !await db.Instruments.AnyAsync(i => i.Id == instrument, ct)) errors[nameof(InstrumentId)] = "Validation.UnknownChoice";
        if (AreaId is { } area && !await TermChoices.IsChoosableAsync(db, Vocabularies.Area, area, existing?.AreaId, ct)) errors[nameof(AreaId)] = "Validation.UnknownChoice";
        if (LeadOrganisationId is { } lead && !await db.Organisations.AnyAsync(o => o.Id == lead && (o.Country == Sides.Vietnam || o.Country == Sides.Laos), ct))
            errors[nameof(LeadOrganisationId)] = "Validation.UnknownChoice";
        return errors;
    }

    string? SideCode() => Clean(Side)?.ToUpperInvariant();

    public Task<Round> ApplyAsync(ConcordDb db, Round? existing, CurrentUser editor, CancellationToken ct)
    {
        var r = existing;
        if (r is null)
        {
            r = new Round();
            db.Rounds.Add(r);
        }
        r.Name = new LocalizedText(Clean(NameVi), Clean(NameEn), Clean(NameLo));
        Concord.Shared.Period.TryParse(Period, out var period);
        r.Period = period;
        PartialDate.TryParse(DueOn, out var due);
        r.DueOn = due.Date;
        r.Side = SideCode();
        r.MeetingId = MeetingId;
        r.InstrumentId = InstrumentId;
        r.AreaId = AreaId;
        r.LeadOrganisationId = LeadOrganisationId;
        r.RemindDaysBefore = RemindDaysBefore ?? 7;
        VisibilityChoice.Apply(r, Visibility, editor.Country);
        return Task.FromResult(r);
    }
}
