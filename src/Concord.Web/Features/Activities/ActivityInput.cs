using System.ComponentModel.DataAnnotations;
using Concord.Data;
using Concord.Features.ReferenceData;
using Concord.Shared;
using static Concord.Shared.InputText;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Activities;

// What a form or an API call may set on an activity; bound instead of the entity.
// Organisations come as one list per role, which a form shows as three pickers and a JSON body as three arrays.
public sealed class ActivityInput : IRecordInput<Activity, ActivityInput>
{
    public const int MaxCommitments = 500;
    public const int MaxOrganisationsPerRole = 100;

    [Required(ErrorMessage = "Validation.Required")]
    [FieldLabel("Activities.Kind")] public int? KindId { get; set; }
    [FieldLabel("Activities.ActivityTitle", "vi"), StringLength(500, ErrorMessage = "Validation.TooLong")] public string? TitleVi { get; set; }
    [FieldLabel("Activities.ActivityTitle", "en"), StringLength(500, ErrorMessage = "Validation.TooLong")] public string? TitleEn { get; set; }
    [FieldLabel("Activities.ActivityTitle", "lo"), StringLength(500, ErrorMessage = "Validation.TooLong")] public string? TitleLo { get; set; }
    [FieldLabel("Activities.Description", "vi"), StringLength(8000, ErrorMessage = "Validation.TooLong")] public string? DescriptionVi { get; set; }
    [FieldLabel("Activities.Description", "en"), StringLength(8000, ErrorMessage = "Validation.TooLong")] public string? DescriptionEn { get; set; }
    [FieldLabel("Activities.Description", "lo"), StringLength(8000, ErrorMessage = "Validation.TooLong")] public string? DescriptionLo { get; set; }
    // Partial dates as typed: "2019", "04/2019", "12/11/2019".
    [FieldLabel("Activities.Starts")] public string? Starts { get; set; }
    [FieldLabel("Activities.Ends")] public string? Ends { get; set; }
    // What the source says when no date can be given: "ongoing 2019-2021".
    [FieldLabel("Activities.DateNote"), StringLength(300, ErrorMessage = "Validation.TooLong")] public string? DateNote { get; set; }
    [FieldLabel("Activities.Meeting")] public int? MeetingId { get; set; }
    [FieldLabel("Activities.Role.Provider")] public List<int> ProviderIds { get; set; } = [];
    [FieldLabel("Activities.Role.Recipient")] public List<int> RecipientIds { get; set; } = [];
    [FieldLabel("Activities.Role.Participant")] public List<int> ParticipantIds { get; set; } = [];
    [FieldLabel("Activities.PeopleTotal"), Range(0, 10_000_000, ErrorMessage = "Validation.Range")] public int? PeopleTotal { get; set; }
    [FieldLabel("Activities.PeopleWomen"), Range(0, 10_000_000, ErrorMessage = "Validation.Range")] public int? PeopleWomen { get; set; }
    [FieldLabel("Activities.PeopleMen"), Range(0, 10_000_000, ErrorMessage = "Validation.Range")] public int? PeopleMen { get; set; }
    [Range(typeof(decimal), "0", "999999999999999999", ErrorMessage = "Validation.Range")]
    [FieldLabel("Activities.ValueAmount")] public decimal? ValueAmount { get; set; }
    [FieldLabel("Activities.ValueCurrency"), StringLength(3, ErrorMessage = "Validation.TooLong")] public string? ValueCurrency { get; set; }
    [FieldLabel("Activities.ValueIsLowerBound")] public bool ValueIsLowerBound { get; set; }
    [FieldLabel("Activities.Commitments")] public List<int> CommitmentIds { get; set; } = [];
    [FieldLabel("Common.Sources"), StringLength(4000, ErrorMessage = "Validation.TooLong")] public string? Sources { get; set; }
    // Public, Partners (both sides, the default) or Restricted to the editor's side; left out, it stays as it is.
    [FieldLabel("Access.Visibility")] public Visibility? Visibility { get; set; }
    // The version the editor loaded; a save over a newer version is refused.
    // The language the record was written in; the others are translations of it. Left out, it stays as it is.
    [FieldLabel("Translations.OriginalLanguage")] public string? OriginalLanguage { get; set; }
    public int Version { get; set; }

    // An activity as an edit loads it. Commitments and a meeting the editor may not see (kept to the other side)
    // are left out of what is loaded, so that an edit, which never showed them, cannot remove them either (ApplyTo).
    public static IQueryable<Activity> ForEdit(ConcordDb db) =>
        db.Activities.Include(a => a.Organisations).Include(a => a.Meeting)
            .Include(a => a.Commitments.Where(c => db.Commitments.Any(x => x.Id == c.CommitmentId))).AsSplitQuery();

    public static ActivityInput From(Activity a) => new()
    {
        KindId = a.KindId,
        TitleVi = a.Title.Vi, TitleEn = a.Title.En, TitleLo = a.Title.Lo, OriginalLanguage = a.Translation.Original,
        DescriptionVi = a.Description.Vi, DescriptionEn = a.Description.En, DescriptionLo = a.Description.Lo,
        Starts = a.Starts?.ToInputText(),
        Ends = a.Ends?.ToInputText(),
        DateNote = a.DateNote,
        MeetingId = a.Meeting?.Id,
        ProviderIds = a.Organisations.Where(o => o.Role == ActivityRole.Provider).Select(o => o.OrganisationId).ToList(),
        RecipientIds = a.Organisations.Where(o => o.Role == ActivityRole.Recipient).Select(o => o.OrganisationId).ToList(),
        ParticipantIds = a.Organisations.Where(o => o.Role == ActivityRole.Participant).Select(o => o.OrganisationId).ToList(),
        PeopleTotal = a.PeopleTotal, PeopleWomen = a.PeopleWomen, PeopleMen = a.PeopleMen,
        // PostgreSQL hands back numeric(20,2) as 3900000000.00; the form shows what was typed.
        ValueAmount = a.ValueAmount is { } v ? v / 1.000000000000000000000000000000000m : null,
        ValueCurrency = a.ValueCurrency,
        ValueIsLowerBound = a.ValueIsLowerBound,
        CommitmentIds = a.Commitments.Select(c => c.CommitmentId).ToList(),
        Sources = a.Sources,
        Visibility = a.Visibility,
        Version = a.Version,
    };

    public IEnumerable<(int OrganisationId, ActivityRole Role)> Roles() =>
        ProviderIds.Distinct().Select(id => (id, ActivityRole.Provider))
            .Concat(RecipientIds.Distinct().Select(id => (id, ActivityRole.Recipient)))
            .Concat(ParticipantIds.Distinct().Select(id => (id, ActivityRole.Participant)));

    public async Task<Dictionary<string, string>> CheckAsync(ConcordDb db, Activity? existing, CancellationToken ct)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(TitleVi) && string.IsNullOrWhiteSpace(TitleEn) && string.IsNullOrWhiteSpace(TitleLo))
            errors[nameof(TitleVi)] = "Validation.TitleInOneLanguage";
        if (OriginalLanguageChoice.Check(OriginalLanguage, new LocalizedText(TitleVi, TitleEn, TitleLo), new LocalizedText(DescriptionVi, DescriptionEn, DescriptionLo)) is { } original) errors[nameof(OriginalLanguage)] = original;
        if (VisibilityChoice.Check(Visibility, db.Viewer) is { } visibility) errors[nameof(Visibility)] = visibility;
        if (KindId is { } kind && !await TermChoices.IsChoosableAsync(db, Vocabularies.ActivityKind, kind, existing?.KindId, ct))
            errors[nameof(KindId)] = "Validation.UnknownChoice";

        CheckDate(errors, nameof(Starts), Starts);
        CheckDate(errors, nameof(Ends), Ends);
        if (PartialDate.TryParse(Starts, out var from) && PartialDate.TryParse(Ends, out var to) && to.LatestDay < from.Date)
            errors[nameof(Ends)] = "Validation.EndBeforeStart";
        if (!string.IsNullOrWhiteSpace(Ends) && string.IsNullOrWhiteSpace(Starts))
            errors[nameof(Starts)] = "Activities.StartsNeededForEnd";

        if (PeopleSplitExceedsTotal(PeopleTotal, PeopleWomen, PeopleMen))
            errors[nameof(PeopleTotal)] = "Activities.PeopleExceedTotal";

        if (ValueAmount is not null && string.IsNullOrWhiteSpace(ValueCurrency))
            errors[nameof(ValueCurrency)] = "Activities.CurrencyRequired";
        else if (!string.IsNullOrWhiteSpace(ValueCurrency))
        {
            if (ValueAmount is null)
                errors[nameof(ValueAmount)] = "Activities.AmountRequired";
            if (!await TermChoices.IsChoosableCodeAsync(db, Vocabularies.Currency, ValueCurrency, existing?.ValueCurrency, ct))
                errors[nameof(ValueCurrency)] = "Validation.UnknownChoice";
        }
        if (ValueIsLowerBound && ValueAmount is null && !errors.ContainsKey(nameof(ValueAmount)))
            errors[nameof(ValueAmount)] = "Activities.AmountRequired";

        if (MeetingId is { } meeting && !await db.Meetings.AnyAsync(m => m.Id == meeting, ct))
            errors[nameof(MeetingId)] = "Validation.UnknownChoice";

        foreach (var (field, ids) in new[] { (nameof(ProviderIds), ProviderIds), (nameof(RecipientIds), RecipientIds), (nameof(ParticipantIds), ParticipantIds) })
            await IdList.CheckAsync(errors, field, ids, db.Organisations, ct, MaxOrganisationsPerRole);
        // A donation from MOLISA to MOLISA is a slip of the picker, not a record.
        if (ProviderIds.Intersect(RecipientIds).Any() && !errors.ContainsKey(nameof(RecipientIds)))
            errors[nameof(RecipientIds)] = "Activities.ProviderIsRecipient";

        await IdList.CheckAsync(errors, nameof(CommitmentIds), CommitmentIds, db.Commitments, ct, MaxCommitments, unknown: "Activities.UnknownCommitment");
        return errors;
    }

    // Women and men may each be unknown; when both are given they cannot add up to more than the total.
    public static bool PeopleSplitExceedsTotal(int? total, int? women, int? men) =>
        total is { } t && ((women ?? 0) + (men ?? 0) > t);

    public Task<Activity> ApplyAsync(ConcordDb db, Activity? existing, CurrentUser editor, CancellationToken ct)
    {
        var activity = existing ?? db.Activities.Add(new Activity()).Entity;
        ApplyTo(activity, editor);
        return Task.FromResult(activity);
    }

    void ApplyTo(Activity a, CurrentUser editor)
    {
        VisibilityChoice.Apply(a, Visibility, editor.Country);
        a.KindId = KindId!.Value;
        a.Title = new LocalizedText(Clean(TitleVi), Clean(TitleEn), Clean(TitleLo));
        a.Description = new LocalizedText(Clean(DescriptionVi), Clean(DescriptionEn), Clean(DescriptionLo));
        OriginalLanguageChoice.Apply(a, OriginalLanguage);
        (a.StartsOn, a.StartsOnPrecision) = SplitDate(Starts);
        (a.EndsOn, a.EndsOnPrecision) = SplitDate(Ends);
        a.DateNote = Clean(DateNote);
        // A meeting the editor could not see (loaded as null by ForEdit) stays unless they chose another.
        a.MeetingId = MeetingId ?? (a.Meeting is null ? a.MeetingId : null);
        a.PeopleTotal = PeopleTotal;
        a.PeopleWomen = PeopleWomen;
        a.PeopleMen = PeopleMen;
        a.ValueAmount = ValueAmount;
        a.ValueCurrency = ValueAmount is null ? null : Clean(ValueCurrency)?.ToUpperInvariant();
        a.ValueIsLowerBound = ValueAmount is not null && ValueIsLowerBound;
        a.Sources = Clean(Sources);

        var roles = Roles().ToHashSet();
        a.Organisations.RemoveAll(o => !roles.Contains((o.OrganisationId, o.Role)));
        foreach (var (id, role) in roles.Where(r => !a.Organisations.Any(o => o.OrganisationId == r.OrganisationId && o.Role == r.Role)))
            a.Organisations.Add(new ActivityOrganisation { OrganisationId = id, Role = role });

        var wanted = CommitmentIds.ToHashSet();
        a.Commitments.RemoveAll(c => !wanted.Contains(c.CommitmentId));
        foreach (var id in wanted.Where(id => a.Commitments.All(c => c.CommitmentId != id)))
            a.Commitments.Add(new ActivityCommitment { CommitmentId = id });
    }
}
