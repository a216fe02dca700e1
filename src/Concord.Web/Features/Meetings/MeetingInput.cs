using System.ComponentModel.DataAnnotations;
using Concord.Data;
using Concord.Features.ReferenceData;
using Concord.Shared;
using static Concord.Shared.InputText;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Meetings;

public static class MeetingKinds
{
    // The conferences are numbered ("the 9th conference"); the number is how both ministries cite them.
    public const string MinisterialConference = "ministerial-conference";
}

// What a form or an API call may set on a meeting; bound instead of the entity.
public sealed class MeetingInput : IRecordInput<Meeting, MeetingInput>
{
    [Required(ErrorMessage = "Validation.Required")]
    [FieldLabel("Meetings.Kind")] public int? KindId { get; set; }
    [Range(1, 999, ErrorMessage = "Validation.Range")]
    [FieldLabel("Meetings.Number")] public int? Number { get; set; }
    [FieldLabel("Meetings.MeetingTitle", "vi"), StringLength(500, ErrorMessage = "Validation.TooLong")] public string? TitleVi { get; set; }
    [FieldLabel("Meetings.MeetingTitle", "en"), StringLength(500, ErrorMessage = "Validation.TooLong")] public string? TitleEn { get; set; }
    [FieldLabel("Meetings.MeetingTitle", "lo"), StringLength(500, ErrorMessage = "Validation.TooLong")] public string? TitleLo { get; set; }
    [FieldLabel("Meetings.Place"), StringLength(200, ErrorMessage = "Validation.TooLong")] public string? Place { get; set; }
    [FieldLabel("Meetings.IsOnline")] public bool IsOnline { get; set; }
    // Partial dates as typed: "2023", "04/2017", "12/11/2025". The end, when given, is a day.
    [FieldLabel("Meetings.Starts")] public string? Starts { get; set; }
    [FieldLabel("Meetings.Ends")] public string? Ends { get; set; }
    [FieldLabel("Meetings.DateNote"), StringLength(300, ErrorMessage = "Validation.TooLong")] public string? DateNote { get; set; }
    [FieldLabel("Meetings.Agenda", "vi"), StringLength(4000, ErrorMessage = "Validation.TooLong")] public string? AgendaVi { get; set; }
    [FieldLabel("Meetings.Agenda", "en"), StringLength(4000, ErrorMessage = "Validation.TooLong")] public string? AgendaEn { get; set; }
    [FieldLabel("Meetings.Agenda", "lo"), StringLength(4000, ErrorMessage = "Validation.TooLong")] public string? AgendaLo { get; set; }
    [FieldLabel("Meetings.Summary", "vi"), StringLength(8000, ErrorMessage = "Validation.TooLong")] public string? SummaryVi { get; set; }
    [FieldLabel("Meetings.Summary", "en"), StringLength(8000, ErrorMessage = "Validation.TooLong")] public string? SummaryEn { get; set; }
    [FieldLabel("Meetings.Summary", "lo"), StringLength(8000, ErrorMessage = "Validation.TooLong")] public string? SummaryLo { get; set; }
    [FieldLabel("Meetings.Prepares")] public int? PreparesId { get; set; }
    [FieldLabel("Meetings.Chairs")] public List<int> ChairIds { get; set; } = [];
    [FieldLabel("Meetings.Participants")] public List<int> ParticipantIds { get; set; } = [];
    [FieldLabel("Common.Sources"), StringLength(2000, ErrorMessage = "Validation.TooLong")] public string? Sources { get; set; }
    // Public, Partners (both sides, the default) or Restricted to the editor's side; left out, it stays as it is.
    [FieldLabel("Access.Visibility")] public Visibility? Visibility { get; set; }
    // The version the editor loaded; a save over a newer version is refused.
    // The language the record was written in; the others are translations of it. Left out, it stays as it is.
    [FieldLabel("Translations.OriginalLanguage")] public string? OriginalLanguage { get; set; }
    public int Version { get; set; }

    // A meeting as an edit loads it. The meeting it prepares is loaded only when the editor may see it, so that
    // an edit, which never showed one kept to the other side, cannot remove it either (ApplyTo).
    public static IQueryable<Meeting> ForEdit(ConcordDb db) =>
        db.Meetings.Include(m => m.Chairs).Include(m => m.Participants).Include(m => m.Prepares).AsSplitQuery();

    public static MeetingInput From(Meeting m) => new()
    {
        KindId = m.KindId,
        Number = m.Number,
        TitleVi = m.Title.Vi, TitleEn = m.Title.En, TitleLo = m.Title.Lo, OriginalLanguage = m.Translation.Original,
        Place = m.Place,
        IsOnline = m.IsOnline,
        Starts = m.Starts?.ToInputText(),
        Ends = m.EndsOn is { } e ? new PartialDate(e, DatePrecision.Day).ToInputText() : null,
        DateNote = m.DateNote,
        AgendaVi = m.Agenda.Vi, AgendaEn = m.Agenda.En, AgendaLo = m.Agenda.Lo,
        SummaryVi = m.Summary.Vi, SummaryEn = m.Summary.En, SummaryLo = m.Summary.Lo,
        PreparesId = m.Prepares?.Id,
        ChairIds = m.Chairs.Select(c => c.PersonId).ToList(),
        ParticipantIds = m.Participants.Select(p => p.OrganisationId).ToList(),
        Sources = m.Sources,
        Visibility = m.Visibility,
        Version = m.Version,
    };

    public async Task<Dictionary<string, string>> CheckAsync(ConcordDb db, Meeting? existing, CancellationToken ct)
    {
        var id = existing?.Id;
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(TitleVi) && string.IsNullOrWhiteSpace(TitleEn) && string.IsNullOrWhiteSpace(TitleLo))
            errors[nameof(TitleVi)] = "Validation.TitleInOneLanguage";
        if (OriginalLanguageChoice.Check(OriginalLanguage, new LocalizedText(TitleVi, TitleEn, TitleLo), new LocalizedText(AgendaVi, AgendaEn, AgendaLo), new LocalizedText(SummaryVi, SummaryEn, SummaryLo)) is { } original) errors[nameof(OriginalLanguage)] = original;
        if (VisibilityChoice.Check(Visibility, db.Viewer) is { } visibility) errors[nameof(Visibility)] = visibility;

        string? kindCode = null;
        if (KindId is { } kind)
        {
            kindCode = await TermChoices.ChoosableCodeAsync(db, Vocabularies.MeetingKind, kind, existing?.KindId, ct);
            if (kindCode is null) errors[nameof(KindId)] = "Validation.UnknownChoice";
        }
        if (Number is null && kindCode == MeetingKinds.MinisterialConference)
            errors[nameof(Number)] = "Meetings.NumberRequired";
        else if (Number is { } number and > 0 && KindId is { } k && kindCode is not null
            && await db.Meetings.AnyAsync(m => m.KindId == k && m.Number == number && m.Id != (id ?? 0), ct))
            errors[nameof(Number)] = "Meetings.NumberTaken";

        PartialDate start = default;
        var hasStart = !string.IsNullOrWhiteSpace(Starts);
        if (hasStart && !PartialDate.TryParse(Starts, out start))
        {
            errors[nameof(Starts)] = "Validation.Date";
            hasStart = false;
        }
        if (!string.IsNullOrWhiteSpace(Ends))
        {
            if (!PartialDate.TryParse(Ends, out var end)) errors[nameof(Ends)] = "Validation.Date";
            // Only the start keeps a precision; an end of "11/2025" would be shown as 01/11/2025.
            else if (end.Precision != DatePrecision.Day) errors[nameof(Ends)] = "Meetings.EndsToTheDay";
            else if (string.IsNullOrWhiteSpace(Starts)) errors[nameof(Ends)] = "Meetings.EndsWithoutStart";
            else if (hasStart && end.Date < start.Date) errors[nameof(Ends)] = "Validation.EndBeforeStart";
        }

        if (PreparesId is { } prepares)
        {
            if (prepares == id) errors[nameof(PreparesId)] = "Meetings.PreparesItself";
            else if (!await db.Meetings.AnyAsync(m => m.Id == prepares, ct)) errors[nameof(PreparesId)] = "Validation.UnknownChoice";
            else if (id is { } self && await LeadsBackAsync(db, prepares, self, ct)) errors[nameof(PreparesId)] = "Meetings.PreparesCycle";
        }

        await IdList.CheckAsync(errors, nameof(ChairIds), ChairIds, db.People, ct);
        await IdList.CheckAsync(errors, nameof(ParticipantIds), ParticipantIds, db.Organisations, ct);
        return errors;
    }

    // Would "self prepares `start`" close a loop? Follows what `start` prepares, and what that
    // prepares, until the chain ends. Chains are a few meetings long (workshop, senior officials,
    // conference), so one small query a step is cheap; the bound stops on data already looping.
    static async Task<bool> LeadsBackAsync(ConcordDb db, int start, int self, CancellationToken ct)
    {
        var seen = new HashSet<int>();
        int? current = start;
        while (current is { } c && seen.Add(c) && seen.Count < 100)
        {
            if (c == self) return true;
            current = await db.Meetings.Where(m => m.Id == c).Select(m => m.PreparesId).SingleOrDefaultAsync(ct);
        }
        return false;
    }

    public Task<Meeting> ApplyAsync(ConcordDb db, Meeting? existing, CurrentUser editor, CancellationToken ct)
    {
        var meeting = existing ?? db.Meetings.Add(new Meeting()).Entity;
        ApplyTo(meeting, editor);
        return Task.FromResult(meeting);
    }

    void ApplyTo(Meeting m, CurrentUser editor)
    {
        VisibilityChoice.Apply(m, Visibility, editor.Country);
        m.KindId = KindId!.Value;
        m.Number = Number;
        m.Title = new LocalizedText(Clean(TitleVi), Clean(TitleEn), Clean(TitleLo));
        m.Place = Clean(Place);
        m.IsOnline = IsOnline;
        (m.StartsOn, m.StartsOnPrecision) = PartialDate.TryParse(Starts, out var s) ? ((DateOnly?)s.Date, s.Precision) : (null, DatePrecision.Day);
        m.EndsOn = PartialDate.TryParse(Ends, out var e) ? e.Date : null;
        m.DateNote = Clean(DateNote);
        m.Agenda = new LocalizedText(CleanLines(AgendaVi), CleanLines(AgendaEn), CleanLines(AgendaLo));
        m.Summary = new LocalizedText(Clean(SummaryVi), Clean(SummaryEn), Clean(SummaryLo));
        OriginalLanguageChoice.Apply(m, OriginalLanguage);
        m.PreparesId = PreparesId ?? (m.Prepares is null ? m.PreparesId : null);
        m.Sources = Clean(Sources);
        var chairs = ChairIds.Distinct().ToHashSet();
        m.Chairs.RemoveAll(c => !chairs.Contains(c.PersonId));
        foreach (var personId in chairs.Where(p => m.Chairs.All(c => c.PersonId != p)))
            m.Chairs.Add(new MeetingChair { PersonId = personId });
        var participants = ParticipantIds.Distinct().ToHashSet();
        m.Participants.RemoveAll(p => !participants.Contains(p.OrganisationId));
        foreach (var organisationId in participants.Where(o => m.Participants.All(p => p.OrganisationId != o)))
            m.Participants.Add(new MeetingParticipant { OrganisationId = organisationId });
    }

    // One agenda item a line: blank lines and stray spaces typed between items are dropped.
    static string? CleanLines(string? s)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        return string.Join('\n', s.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
    }

    public static IEnumerable<string> AgendaItems(string? agenda) =>
        string.IsNullOrWhiteSpace(agenda) ? [] : agenda.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0);
}
