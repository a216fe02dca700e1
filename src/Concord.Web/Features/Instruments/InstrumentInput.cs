using System.ComponentModel.DataAnnotations;
using Concord.Data;
using Concord.Features.ReferenceData;
using Concord.Shared;
using static Concord.Shared.InputText;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Instruments;

// What a form or an API call may set on an instrument; bound instead of the entity,
// so nobody can set what the form does not show.
public sealed class InstrumentInput : IRecordInput<Instrument, InstrumentInput>
{
    [Required(ErrorMessage = "Validation.Required")]
    [FieldLabel("Instruments.Kind")] public int? KindId { get; set; }
    [FieldLabel("Instruments.InstrumentTitle", "vi"), StringLength(500, ErrorMessage = "Validation.TooLong")] public string? TitleVi { get; set; }
    [FieldLabel("Instruments.InstrumentTitle", "en"), StringLength(500, ErrorMessage = "Validation.TooLong")] public string? TitleEn { get; set; }
    [FieldLabel("Instruments.InstrumentTitle", "lo"), StringLength(500, ErrorMessage = "Validation.TooLong")] public string? TitleLo { get; set; }
    [FieldLabel("Instruments.Summary", "vi"), StringLength(4000, ErrorMessage = "Validation.TooLong")] public string? SummaryVi { get; set; }
    [FieldLabel("Instruments.Summary", "en"), StringLength(4000, ErrorMessage = "Validation.TooLong")] public string? SummaryEn { get; set; }
    [FieldLabel("Instruments.Summary", "lo"), StringLength(4000, ErrorMessage = "Validation.TooLong")] public string? SummaryLo { get; set; }
    [Required(ErrorMessage = "Validation.Required")]
    [FieldLabel("Instruments.Status")] public InstrumentStatus? Status { get; set; }
    // Partial dates as typed: "2013", "04/2017", "12/11/2025".
    [FieldLabel("Instruments.Signed")] public string? Signed { get; set; }
    [FieldLabel("Instruments.DateNote"), StringLength(300, ErrorMessage = "Validation.TooLong")] public string? DateNote { get; set; }
    [FieldLabel("Instruments.InForce")] public string? InForce { get; set; }
    [FieldLabel("Instruments.Expires")] public string? Expires { get; set; }
    [FieldLabel("Instruments.SignedAt")] public int? MeetingId { get; set; }
    [FieldLabel("Instruments.Parties")] public List<int> PartyIds { get; set; } = [];
    [FieldLabel("Instruments.Signatories")] public List<int> SignatoryIds { get; set; } = [];
    // Other instruments this one implements, supersedes or amends ("the 9th minutes implement the 2013 agreement").
    [FieldLabel("InstrumentLink.Implements.Out")] public List<int> ImplementsIds { get; set; } = [];
    [FieldLabel("InstrumentLink.Supersedes.Out")] public List<int> SupersedesIds { get; set; } = [];
    [FieldLabel("InstrumentLink.Amends.Out")] public List<int> AmendsIds { get; set; } = [];
    // Public, Partners (both sides, the default) or Restricted to the editor's side; left out, it stays as it is.
    [FieldLabel("Access.Visibility")] public Visibility? Visibility { get; set; }
    // The version the editor loaded; a save over a newer version is refused.
    // The language the record was written in; the others are translations of it. Left out, it stays as it is.
    [FieldLabel("Translations.OriginalLanguage")] public string? OriginalLanguage { get; set; }
    public int Version { get; set; }

    // An instrument as an edit loads it. Links to instruments the editor may not see (kept to the other side)
    // and a meeting they may not see are left out of what is loaded, so that an edit, which never showed them,
    // cannot remove them either (ApplyTo).
    public static IQueryable<Instrument> ForEdit(ConcordDb db) =>
        db.Instruments.Include(i => i.Parties).Include(i => i.Signatories).Include(i => i.Meeting)
            .Include(i => i.LinksFrom.Where(l => db.Instruments.Any(x => x.Id == l.ToId))).AsSplitQuery();

    public static InstrumentInput From(Instrument i) => new()
    {
        KindId = i.KindId,
        TitleVi = i.Title.Vi, TitleEn = i.Title.En, TitleLo = i.Title.Lo, OriginalLanguage = i.Translation.Original,
        SummaryVi = i.Summary.Vi, SummaryEn = i.Summary.En, SummaryLo = i.Summary.Lo,
        Status = i.Status,
        Signed = i.Signed?.ToInputText(),
        DateNote = i.DateNote,
        InForce = i.InForce?.ToInputText(),
        Expires = i.Expires?.ToInputText(),
        MeetingId = i.Meeting?.Id,
        PartyIds = i.Parties.Select(p => p.OrganisationId).ToList(),
        SignatoryIds = i.Signatories.Select(p => p.PersonId).ToList(),
        ImplementsIds = i.LinksFrom.Where(l => l.Kind == InstrumentLinkKind.Implements).Select(l => l.ToId).ToList(),
        SupersedesIds = i.LinksFrom.Where(l => l.Kind == InstrumentLinkKind.Supersedes).Select(l => l.ToId).ToList(),
        AmendsIds = i.LinksFrom.Where(l => l.Kind == InstrumentLinkKind.Amends).Select(l => l.ToId).ToList(),
        Visibility = i.Visibility,
        Version = i.Version,
    };

    public async Task<Dictionary<string, string>> CheckAsync(ConcordDb db, Instrument? existing, CancellationToken ct)
    {
        var self = existing?.Id;
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(TitleVi) && string.IsNullOrWhiteSpace(TitleEn) && string.IsNullOrWhiteSpace(TitleLo))
            errors[nameof(TitleVi)] = "Validation.TitleInOneLanguage";
        if (OriginalLanguageChoice.Check(OriginalLanguage, new LocalizedText(TitleVi, TitleEn, TitleLo), new LocalizedText(SummaryVi, SummaryEn, SummaryLo)) is { } original) errors[nameof(OriginalLanguage)] = original;
        if (KindId is { } kind && !await TermChoices.IsChoosableAsync(db, Vocabularies.InstrumentKind, kind, existing?.KindId, ct))
            errors[nameof(KindId)] = "Validation.UnknownChoice";
        if (Status is { } status && !Enum.IsDefined(status))
            errors[nameof(Status)] = "Validation.UnknownChoice";
        if (VisibilityChoice.Check(Visibility, db.Viewer) is { } visibility) errors[nameof(Visibility)] = visibility;
        CheckDate(errors, nameof(Signed), Signed);
        CheckDate(errors, nameof(InForce), InForce);
        CheckDate(errors, nameof(Expires), Expires);
        if (PartialDate.TryParse(InForce, out var from) && PartialDate.TryParse(Expires, out var to) && to.LatestDay < from.Date)
            errors[nameof(Expires)] = "Validation.EndBeforeStart";
        if (MeetingId is { } meeting && !await db.Meetings.AnyAsync(m => m.Id == meeting, ct))
            errors[nameof(MeetingId)] = "Validation.UnknownChoice";
        await IdList.CheckAsync(errors, nameof(PartyIds), PartyIds, db.Organisations, ct);
        await IdList.CheckAsync(errors, nameof(SignatoryIds), SignatoryIds, db.People, ct);
        foreach (var (field, ids) in LinkLists())
        {
            if (self is { } id && ids.Contains(id)) errors[field] = "Instruments.LinkToItself";
            else await IdList.CheckAsync(errors, field, ids, db.Instruments, ct);
        }
        return errors;
    }

    IEnumerable<(string Field, List<int> Ids)> LinkLists() =>
        [(nameof(ImplementsIds), ImplementsIds), (nameof(SupersedesIds), SupersedesIds), (nameof(AmendsIds), AmendsIds)];

    static InstrumentLinkKind KindOf(string field) => field switch
    {
        nameof(ImplementsIds) => InstrumentLinkKind.Implements,
        nameof(SupersedesIds) => InstrumentLinkKind.Supersedes,
        _ => InstrumentLinkKind.Amends,
    };

    public Task<Instrument> ApplyAsync(ConcordDb db, Instrument? existing, CurrentUser editor, CancellationToken ct)
    {
        var instrument = existing ?? db.Instruments.Add(new Instrument()).Entity;
        ApplyTo(instrument, editor);
        return Task.FromResult(instrument);
    }

    void ApplyTo(Instrument i, CurrentUser editor)
    {
        VisibilityChoice.Apply(i, Visibility, editor.Country);
        i.KindId = KindId!.Value;
        i.Title = new LocalizedText(Clean(TitleVi), Clean(TitleEn), Clean(TitleLo));
        i.Summary = new LocalizedText(Clean(SummaryVi), Clean(SummaryEn), Clean(SummaryLo));
        OriginalLanguageChoice.Apply(i, OriginalLanguage);
        i.Status = Status!.Value;
        (i.SignedOn, i.SignedOnPrecision) = SplitDate(Signed);
        i.DateNote = Clean(DateNote);
        (i.InForceFrom, i.InForceFromPrecision) = SplitDate(InForce);
        (i.ExpiresOn, i.ExpiresOnPrecision) = SplitDate(Expires);
        // A meeting the editor could not see (loaded as null by ForEdit) stays unless they chose another.
        i.MeetingId = MeetingId ?? (i.Meeting is null ? i.MeetingId : null);
        var wanted = PartyIds.Distinct().ToHashSet();
        i.Parties.RemoveAll(p => !wanted.Contains(p.OrganisationId));
        foreach (var id in wanted.Where(id => i.Parties.All(p => p.OrganisationId != id)))
            i.Parties.Add(new InstrumentParty { OrganisationId = id });
        var signatories = SignatoryIds.Distinct().ToHashSet();
        i.Signatories.RemoveAll(s => !signatories.Contains(s.PersonId));
        foreach (var id in signatories.Where(id => i.Signatories.All(s => s.PersonId != id)))
            i.Signatories.Add(new InstrumentSignatory { PersonId = id });
        // Only the kinds this form edits; "relates to" links made elsewhere are kept.
        var links = LinkLists().SelectMany(l => l.Ids.Distinct().Select(to => (Kind: KindOf(l.Field), To: to))).ToHashSet();
        i.LinksFrom.RemoveAll(l => l.Kind != InstrumentLinkKind.RelatesTo && !links.Contains((l.Kind, l.ToId)));
        foreach (var (kind, to) in links.Where(x => !i.LinksFrom.Any(l => l.Kind == x.Kind && l.ToId == x.To)))
            i.LinksFrom.Add(new InstrumentLink { Kind = kind, ToId = to });
    }
}
