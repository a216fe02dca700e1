using System.ComponentModel.DataAnnotations;
using Concord.Data;
using Concord.Shared;
using static Concord.Shared.InputText;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Commitments;

// "Carry over into...": the next conference's minutes take the clause up again.
public sealed class CarryOverInput
{
    // The later instrument, usually the next conference's minutes.
    [Required(ErrorMessage = "Validation.Required")]
    public int? InstrumentId { get; set; }
    // Defaults to the period after the original's.
    [StringLength(20, ErrorMessage = "Validation.TooLong")] public string? Period { get; set; }
    // The clause's number in the new instrument.
    [StringLength(20, ErrorMessage = "Validation.TooLong")] public string? Number { get; set; }
    // The original's version as the editor saw it.
    public int Version { get; set; }
}

// The minutes a clause may be carried into, with their dates: those signed after the clause's own minutes, and
// undated ones (a draft of the next minutes), oldest first, since the next conference's are the usual choice.
public sealed record CarryOverTarget(int Id, LocalizedText Title, DateOnly? SignedOn, DatePrecision Precision)
{
    public PartialDate? Signed => PartialDate.From(SignedOn, Precision);
}

public static class CarryOverTargets
{
    public const string MinutesKind = "minutes";

    public static Task<List<CarryOverTarget>> LoadAsync(ConcordDb db, int fromInstrument, DateOnly? signed, CancellationToken ct) =>
        db.Instruments.AsNoTracking()
            .Where(i => i.Id != fromInstrument && i.Kind.Code == MinutesKind && (signed == null || i.SignedOn == null || i.SignedOn > signed))
            .OrderBy(i => i.SignedOn == null).ThenBy(i => i.SignedOn).ThenBy(i => i.Id)
            .Take(300)
            .Select(i => new CarryOverTarget(i.Id, i.Title, i.SignedOn, i.SignedOnPrecision))
            .ToListAsync(ct);
}

public static class CarryOver
{
    // Errors under the key "" are about the commitment itself, not a field.
    public const string CommitmentKey = "";

    public static async Task<Dictionary<string, string>> CheckAsync(ConcordDb db, Commitment original, CarryOverInput input, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (!CommitmentStatusRules.CanCarryOver(original.Status))
            errors[CommitmentKey] = original.Status == CommitmentStatus.CarriedOver ? "Commitments.CarryOverAlready" : "Commitments.CarryOverClosed";
        if (input.InstrumentId is { } target)
        {
            var dates = await db.Instruments.AsNoTracking().Where(i => i.Id == target || i.Id == original.InstrumentId)
                .Select(i => new { i.Id, i.SignedOn, Kind = i.Kind.Code }).ToListAsync(ct);
            var into = dates.SingleOrDefault(d => d.Id == target);
            var from = dates.SingleOrDefault(d => d.Id == original.InstrumentId);
            if (into is null) errors[nameof(input.InstrumentId)] = "Validation.UnknownChoice";
            else if (target == original.InstrumentId) errors[nameof(input.InstrumentId)] = "Commitments.CarryOverSameInstrument";
            // A clause is taken up again by the minutes of a later meeting, never by an agreement or an MoU.
            else if (into.Kind != CarryOverTargets.MinutesKind) errors[nameof(input.InstrumentId)] = "Commitments.CarryOverNotMinutes";
            // Only when both dates are known: an undated draft of the next minutes is a fair target.
            else if (into.SignedOn <= from?.SignedOn) errors[nameof(input.InstrumentId)] = "Commitments.CarryOverIntoEarlier";
        }
        if (!string.IsNullOrWhiteSpace(input.Period))
        {
            if (!Concord.Shared.Period.TryParse(input.Period, out var period)) errors[nameof(input.Period)] = "Validation.Period";
            else if (period.StartYear <= original.PeriodStart) errors[nameof(input.Period)] = "Commitments.CarryOverPeriodNotLater";
        }
        var number = Clean(input.Number);
        if (number is not null && input.InstrumentId is { } inTarget && !errors.ContainsKey(nameof(input.InstrumentId))
            && await db.Commitments.AnyAsync(c => c.InstrumentId == inTarget && c.Number == number, ct))
            errors[nameof(input.Number)] = "Commitments.NumberTaken";
        return errors;
    }

    // Adds the new clause and marks the original; the caller's one SaveChanges writes both in one transaction,
    // and the original's version makes a second, concurrent carry-over fail instead of making two copies.
    // `original` must be tracked with its leads loaded.
    public static async Task<Commitment> ApplyAsync(ConcordDb db, Commitment original, CarryOverInput input, CancellationToken ct)
    {
        var target = input.InstrumentId!.Value;
        Period? period = Concord.Shared.Period.TryParse(input.Period, out var chosen) ? chosen : original.Period?.Next();
        var copy = new Commitment
        {
            InstrumentId = target,
            Number = Clean(input.Number),
            Sequence = await NextSequenceAsync(db, target, ct),
            Text = new LocalizedText(original.Text.Vi, original.Text.En, original.Text.Lo),
            // The same words in the same languages: what was checked of them stays checked.
            Translation = new TranslationState
            {
                Original = original.Translation.Original,
                ViVerifiedBy = original.Translation.ViVerifiedBy, ViVerifiedAt = original.Translation.ViVerifiedAt,
                EnVerifiedBy = original.Translation.EnVerifiedBy, EnVerifiedAt = original.Translation.EnVerifiedAt,
                LoVerifiedBy = original.Translation.LoVerifiedBy, LoVerifiedAt = original.Translation.LoVerifiedAt,
            },
            AreaId = original.AreaId,
            Period = period,
            Status = CommitmentStatus.NotStarted,
            CarriedOverFrom = original,
            Leads = original.Leads.Select(l => new CommitmentLead { OrganisationId = l.OrganisationId, Country = l.Country }).ToList(),
            IsIllustrative = original.IsIllustrative,
            // A clause kept to one side stays so when the next minutes take it up.
            Visibility = original.Visibility,
            RestrictedTo = original.RestrictedTo,
        };
        db.Commitments.Add(copy);
        db.SaveAgainstVersion(original, input.Version);
        original.Status = CommitmentStatus.CarriedOver;
        return copy;
    }

    // Clauses keep the order they were entered in unless renumbered; a new one goes last.
    public static async Task<int> NextSequenceAsync(ConcordDb db, int instrumentId, CancellationToken ct) =>
        (await db.Commitments.Where(c => c.InstrumentId == instrumentId).MaxAsync(c => (int?)c.Sequence, ct) ?? 0) + 1;
}
