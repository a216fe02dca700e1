using System.Text.Json;
using System.Text.Json.Serialization;
using Concord.Features.Activities;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Features.Meetings;
using Concord.Features.Organisations;
using Concord.Features.ReferenceData;
using Concord.Features.Review;
using Concord.Features.Sources;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Data;

// The Vietnam-Laos cooperation as the five news articles report it (Data/Demo/history.json) and,
// kept apart, the illustrative records that show the product at work (Data/Demo/illustrative.json,
// every record flagged IsIllustrative). Both ship inside the assembly, so a deployment needs no
// files beside it. Loaded in one save into a database that has no instruments yet.
public static class DemoHistory
{
    public const string HistoryFile = "history.json";
    public const string IllustrativeFile = "illustrative.json";

    public static async Task LoadIfEmptyAsync(ConcordDb db, CancellationToken ct)
    {
        // Each file is read once a start: a read is most of the time of a start on a database that has the demo.
        var history = Read(HistoryFile);
        var illustrative = Read(IllustrativeFile);
        if (await db.Instruments.AnyAsync(ct))
        {
            await AddMissingLaoAsync(db, [history, illustrative], ct);
            await AddReview2018IfAbsentAsync(db, history, ct);
            return;
        }
        var terms = (await db.Terms.AsNoTracking().Select(t => new { t.Vocabulary, t.Code, t.Id }).ToListAsync(ct))
            .ToDictionary(t => (t.Vocabulary, t.Code), t => t.Id);
        var loader = new Loader(db, terms);
        loader.Add(history, illustrative: false);
        loader.Add(illustrative, illustrative: true);
        // The history was published in the press, so the public may read it; the illustrative working
        // records are shared by the signed-in officials of both sides (the default for a new record).
        foreach (var entry in db.ChangeTracker.Entries<Record>())
            if (entry.Entity is IRestrictable restrictable && !entry.Entity.IsIllustrative)
                restrictable.Visibility = Visibility.Public;
        try
        {
            await db.SaveChangesAsync(ct);
            // A citation names its record by id, known only once the records are saved; so does a round.
            loader.AddCitations();
            loader.AddRounds();
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two instances starting on one empty database both try; the unique keys let one win.
            db.ChangeTracker.Clear();
            if (!await db.Instruments.AnyAsync(ct)) throw;
        }
    }

    // The ministry's review of 2018 (article 003) came into history.json after the first demo databases
    // were made. A database holding the demo but none of that review's instruments gets the records that
    // rest on article 003 alone (and the review's year), linked to the organisations, meetings and source
    // it already has. Once any of those instruments is there it does nothing, so records an official
    // deleted are not brought back at the next start.
    static async Task AddReview2018IfAbsentAsync(ConcordDb db, DemoDocument history, CancellationToken ct)
    {
        static bool OnlyReview(List<string> sources) => sources is ["003"];
        var instrumentKeys = history.Instruments.Where(i => OnlyReview(i.Sources)).Select(i => i.Key).ToList();
        if (instrumentKeys.Count == 0 || await db.Instruments.IgnoreQueryFilters().AnyAsync(i => instrumentKeys.Contains(i.Key!), ct)) return;
        if (!await db.Sources.AnyAsync(s => s.Key == "003", ct)) return;

        var organisationKeys = history.Organisations.Select(o => o.Key).ToList();
        var existing = await db.Organisations.IgnoreQueryFilters().Where(o => organisationKeys.Contains(o.Key!)).ToListAsync(ct);
        var present = existing.Select(o => o.Key!).ToHashSet();
        var meetingKeys = history.Meetings.Select(m => m.Key).ToList();
        var meetings = await db.Meetings.IgnoreQueryFilters().Where(m => meetingKeys.Contains(m.Key!)).ToListAsync(ct);
        var presentMeetings = meetings.Select(m => m.Key!).ToHashSet();
        var activityTitles = history.Activities.Where(a => OnlyReview(a.Sources)).Select(a => a.TitleVi).ToList();
        var presentActivities = (await db.Activities.IgnoreQueryFilters().Where(a => activityTitles.Contains(a.Title.Vi)).Select(a => a.Title.Vi).ToListAsync(ct)).ToHashSet();
        var years = history.Years.Select(y => y.Year).ToList();
        var presentYears = (await db.CooperationYears.IgnoreQueryFilters().Where(y => years.Contains(y.Year)).Select(y => new { y.Year, y.Country }).ToListAsync(ct))
            .Select(y => (y.Year, y.Country)).ToHashSet();

        var review = new DemoDocument
        {
            Organisations = [.. history.Organisations.Where(o => OnlyReview(o.Sources ?? []) && !present.Contains(o.Key))],
            Meetings = [.. history.Meetings.Where(m => OnlyReview(m.Sources) && !presentMeetings.Contains(m.Key))],
            Instruments = [.. history.Instruments.Where(i => OnlyReview(i.Sources))],
            Activities = [.. history.Activities.Where(a => OnlyReview(a.Sources) && a.Commitments.Count == 0 && !presentActivities.Contains(a.TitleVi))],
            Years = [.. history.Years.Where(y => !presentYears.Contains((y.Year, y.Country)))],
        };
        var terms = (await db.Terms.AsNoTracking().Select(t => new { t.Vocabulary, t.Code, t.Id }).ToListAsync(ct))
            .ToDictionary(t => (t.Vocabulary, t.Code), t => t.Id);
        var loader = new Loader(db, terms);
        loader.Known(existing, meetings, await db.Sources.Where(s => s.Key != null).ToListAsync(ct));
        loader.Add(review, illustrative: false);
        foreach (var entry in db.ChangeTracker.Entries<Record>().Where(e => e.State == EntityState.Added))
            if (entry.Entity is IRestrictable restrictable) restrictable.Visibility = Visibility.Public;
        try
        {
            await db.SaveChangesAsync(ct);
            loader.AddCitations();
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Another instance starting at the same time added them first (the instruments' keys are unique).
            db.ChangeTracker.Clear();
        }
    }

    // A demo database made before the demo files carried Lao keeps its records; each start gives them
    // the files' Lao, and only where a demo record has none and its Vietnamese is still the file's: an
    // official's own Lao stays, and so does the gap in a record whose Vietnamese was edited, since the
    // file's Lao would translate words the record no longer holds. It reads only the demo's records
    // (by key, by name, under the demo's instruments), so a start stays cheap on a large database.
    static async Task AddMissingLaoAsync(ConcordDb db, DemoDocument[] files, CancellationToken ct)
    {
        if (!await MayLackLaoAsync(db, files, ct)) return;

        var organisations = files.SelectMany(f => f.Organisations).ToDictionary(o => o.Key);
        var organisationKeys = organisations.Keys.ToList();
        foreach (var o in await db.Organisations.IgnoreQueryFilters()
            .Where(o => organisationKeys.Contains(o.Key!) && (o.Name.Lo == null || o.Name.Lo == "")).ToListAsync(ct))
            Fill(o.Name, organisations[o.Key!].NameVi, organisations[o.Key!].NameLo);

        var people = files.SelectMany(f => f.People).ToDictionary(p => p.Name);
        var names = people.Keys.ToList();
        foreach (var p in await db.People.IgnoreQueryFilters()
            .Where(p => names.Contains(p.Name) && (p.Position.Lo == null || p.Position.Lo == "")).ToListAsync(ct))
            Fill(p.Position, people[p.Name].PositionVi, people[p.Name].PositionLo);

        var meetings = files.SelectMany(f => f.Meetings).ToDictionary(m => m.Key);
        var meetingKeys = meetings.Keys.ToList();
        foreach (var m in await db.Meetings.IgnoreQueryFilters().Where(m => meetingKeys.Contains(m.Key!)).ToListAsync(ct))
        {
            var file = meetings[m.Key!];
            Fill(m.Title, file.TitleVi, file.TitleLo);
            Fill(m.Agenda, Lines(file.AgendaVi), Lines(file.AgendaLo));
            Fill(m.Summary, file.SummaryVi, file.SummaryLo);
        }

        var instruments = files.SelectMany(f => f.Instruments).ToDictionary(i => i.Key);
        var instrumentKeys = instruments.Keys.ToList();
        foreach (var i in await db.Instruments.IgnoreQueryFilters().Where(i => instrumentKeys.Contains(i.Key!)).ToListAsync(ct))
        {
            Fill(i.Title, instruments[i.Key!].TitleVi, instruments[i.Key!].TitleLo);
            Fill(i.Summary, instruments[i.Key!].SummaryVi, instruments[i.Key!].SummaryLo);
        }

        // Commitments, reports and activities have no key: they are known by their Vietnamese, under the demo's instruments.
        var commitments = ByVietnamese(files.SelectMany(f => f.Commitments), c => c.TextVi, c => c.TextLo);
        var texts = commitments.Keys.ToList();
        foreach (var c in await db.Commitments.IgnoreQueryFilters()
            .Where(c => instrumentKeys.Contains(c.Instrument.Key!) && texts.Contains(c.Text.Vi!) && (c.Text.Lo == null || c.Text.Lo == "")).ToListAsync(ct))
            Fill(c.Text, c.Text.Vi, commitments[c.Text.Vi!]);

        var reports = ByVietnamese(files.SelectMany(f => f.Reports), r => r.NarrativeVi, r => r.NarrativeLo);
        var narratives = reports.Keys.ToList();
        foreach (var r in await db.ProgressReports.IgnoreQueryFilters()
            .Where(r => instrumentKeys.Contains(r.Commitment.Instrument.Key!) && narratives.Contains(r.Narrative.Vi!) && (r.Narrative.Lo == null || r.Narrative.Lo == "")).ToListAsync(ct))
            Fill(r.Narrative, r.Narrative.Vi, reports[r.Narrative.Vi!]);

        var activities = files.SelectMany(f => f.Activities).Where(a => a.TitleVi is not null).ToDictionary(a => a.TitleVi!);
        var titles = activities.Keys.ToList();
        foreach (var a in await db.Activities.IgnoreQueryFilters().Where(a => titles.Contains(a.Title.Vi!)).ToListAsync(ct))
        {
            Fill(a.Title, activities[a.Title.Vi!].TitleVi, activities[a.Title.Vi!].TitleLo);
            Fill(a.Description, activities[a.Title.Vi!].DescriptionVi, activities[a.Title.Vi!].DescriptionLo);
        }

        if (!db.ChangeTracker.HasChanges()) return;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another instance starting at the same time filled them first.
            db.ChangeTracker.Clear();
        }
    }

    // Whether a demo record has no Lao in a text the files give Lao for: one statement, where the filling reads seven
    // tables one by one and tracks what it reads. Every start on a database that has the demo asks; the answer is no
    // but for the first start after the files gained Lao, or while an official's edit keeps a text from taking it.
    static async Task<bool> MayLackLaoAsync(ConcordDb db, DemoDocument[] files, CancellationToken ct)
    {
        static List<string> With<T>(IEnumerable<T> records, Func<T, string?> key, Func<T, string?> lo) =>
            [.. records.Where(r => !string.IsNullOrWhiteSpace(lo(r)) && key(r) is not null).Select(r => key(r)!).Distinct()];
        var organisations = With(files.SelectMany(f => f.Organisations), o => o.Key, o => o.NameLo);
        var people = With(files.SelectMany(f => f.People), p => p.Name, p => p.PositionLo);
        var meetings = files.SelectMany(f => f.Meetings).ToList();
        var meetingTitles = With(meetings, m => m.Key, m => m.TitleLo);
        var meetingAgendas = With(meetings, m => m.Key, m => Lines(m.AgendaLo));
        var meetingSummaries = With(meetings, m => m.Key, m => m.SummaryLo);
        var instruments = files.SelectMany(f => f.Instruments).ToList();
        var instrumentKeys = instruments.Select(i => i.Key).ToList();
        var instrumentTitles = With(instruments, i => i.Key, i => i.TitleLo);
        var instrumentSummaries = With(instruments, i => i.Key, i => i.SummaryLo);
        var commitments = With(files.SelectMany(f => f.Commitments), c => c.TextVi, c => c.TextLo);
        var reports = With(files.SelectMany(f => f.Reports), r => r.NarrativeVi, r => r.NarrativeLo);
        var activities = files.SelectMany(f => f.Activities).ToList();
        var activityTitles = With(activities, a => a.TitleVi, a => a.TitleLo);
        var activityDescriptions = With(activities, a => a.TitleVi, a => a.DescriptionLo);

        return await db.Organisations.IgnoreQueryFilters()
            .Where(o => organisations.Contains(o.Key!) && (o.Name.Lo == null || o.Name.Lo == "")).Select(o => o.Id)
            .Concat(db.People.IgnoreQueryFilters()
                .Where(p => people.Contains(p.Name) && (p.Position.Lo == null || p.Position.Lo == "")).Select(p => p.Id))
            .Concat(db.Meetings.IgnoreQueryFilters()
                .Where(m => (meetingTitles.Contains(m.Key!) && (m.Title.Lo == null || m.Title.Lo == ""))
                    || (meetingAgendas.Contains(m.Key!) && (m.Agenda.Lo == null || m.Agenda.Lo == ""))
                    || (meetingSummaries.Contains(m.Key!) && (m.Summary.Lo == null || m.Summary.Lo == ""))).Select(m => m.Id))
            .Concat(db.Instruments.IgnoreQueryFilters()
                .Where(i => (instrumentTitles.Contains(i.Key!) && (i.Title.Lo == null || i.Title.Lo == ""))
                    || (instrumentSummaries.Contains(i.Key!) && (i.Summary.Lo == null || i.Summary.Lo == ""))).Select(i => i.Id))
            .Concat(db.Commitments.IgnoreQueryFilters()
                .Where(c => instrumentKeys.Contains(c.Instrument.Key!) && commitments.Contains(c.Text.Vi!) && (c.Text.Lo == null || c.Text.Lo == "")).Select(c => c.Id))
            .Concat(db.ProgressReports.IgnoreQueryFilters()
                .Where(r => instrumentKeys.Contains(r.Commitment.Instrument.Key!) && reports.Contains(r.Narrative.Vi!) && (r.Narrative.Lo == null || r.Narrative.Lo == "")).Select(r => r.Id))
            .Concat(db.Activities.IgnoreQueryFilters()
                .Where(a => (activityTitles.Contains(a.Title.Vi!) && (a.Title.Lo == null || a.Title.Lo == ""))
                    || (activityDescriptions.Contains(a.Title.Vi!) && (a.Description.Lo == null || a.Description.Lo == ""))).Select(a => a.Id))
            .AnyAsync(ct);
    }

    static void Fill(LocalizedText text, string? vi, string? lo)
    {
        if (string.IsNullOrWhiteSpace(text.Lo) && !string.IsNullOrWhiteSpace(lo) && text.Vi == vi) text.Lo = lo;
    }

    static Dictionary<string, string?> ByVietnamese<T>(IEnumerable<T> records, Func<T, string?> vi, Func<T, string?> lo) =>
        records.Where(r => vi(r) is not null).GroupBy(r => vi(r)!).ToDictionary(g => g.Key, g => lo(g.First()));

    static string? Lines(List<string> lines) => lines.Count == 0 ? null : string.Join('\n', lines);

    internal static DemoDocument Read(string file)
    {
        var assembly = typeof(DemoHistory).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(".Demo." + file, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        return JsonSerializer.Deserialize(stream, DemoJson.Default.DemoDocument) ?? throw new InvalidDataException($"Demo file {file} is empty.");
    }

    sealed class Loader(ConcordDb db, Dictionary<(string, string), int> terms)
    {
        readonly Dictionary<string, Organisation> organisations = [];
        readonly Dictionary<string, Person> people = [];
        readonly Dictionary<string, Meeting> meetings = [];
        readonly Dictionary<string, Instrument> instruments = [];
        readonly Dictionary<string, Commitment> commitments = [];
        readonly Dictionary<string, Source> sources = [];
        readonly List<(Record Record, string Type, List<string> Sources, List<DemoCitation> Citations)> cited = [];
        readonly List<DemoRound> rounds = [];

        // Reporting rounds are illustrative only (the articles report none): the work Concord is for.
        public void AddRounds()
        {
            foreach (var r in rounds)
            {
                if (!Period.TryParse(r.Period, out var period)) throw Invalid($"round {r.Key} has no valid period");
                db.Add(new Concord.Features.Rounds.Round
                {
                    Key = r.Key, Name = new LocalizedText(r.NameVi, r.NameEn, r.NameLo), Period = period,
                    DueOn = Date(r.Due)?.Date ?? throw Invalid($"round {r.Key} has no due date"), Side = r.Side,
                    InstrumentId = r.Instrument is null ? null : Find(instruments, r.Instrument).Id, RemindDaysBefore = r.RemindDaysBefore,
                    IsIllustrative = true,
                });
            }
        }

        // Every source a record lists is cited; where the file quotes a passage, the citation carries it.
        public void AddCitations()
        {
            foreach (var (record, type, keys, quoted) in cited)
            {
                var sequence = 0;
                foreach (var c in quoted)
                    db.Citations.Add(new Citation
                    {
                        RecordType = type, RecordId = record.Id, Source = Find(sources, c.Source), Passage = c.Passage,
                        Note = new LocalizedText(c.NoteVi, c.NoteEn, c.NoteLo), Sequence = sequence++,
                    });
                foreach (var key in keys.Where(k => quoted.All(c => c.Source != k)))
                    db.Citations.Add(new Citation { RecordType = type, RecordId = record.Id, Source = Find(sources, key), Sequence = sequence++ });
            }
        }

        void Cite(Record record, string type, List<string>? keys, List<DemoCitation> citations) =>
            cited.Add((record, type, keys ?? [], citations));

        public void Add(DemoDocument doc, bool illustrative)
        {
            if (!illustrative && doc.Rounds.Count > 0) throw Invalid("the history reports no reporting rounds; rounds belong in the illustrative file");
            rounds.AddRange(doc.Rounds);
            foreach (var s in doc.Sources)
            {
                var published = s.Published is null ? (DateTime?)null
                    : DateTime.ParseExact(s.Published, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None);
                var source = new Source
                {
                    Key = s.Key, Title = s.Title, Outlet = s.Outlet, Author = s.Author, Url = s.Url,
                    PublishedOn = published is { } p ? DateOnly.FromDateTime(p) : null,
                    PublishedAt = published is { } t && s.Published!.Contains('T') ? TimeOnly.FromDateTime(t) : null,
                };
                sources.Add(s.Key, source);
                db.Sources.Add(source);
            }
            foreach (var o in doc.Organisations)
                organisations.Add(o.Key, new Organisation
                {
                    Key = o.Key, KindId = Term(Vocabularies.OrganisationKind, o.Kind), Country = o.Country,
                    Name = new LocalizedText(o.NameVi, o.NameEn, o.NameLo), Abbreviation = o.Abbreviation, Note = o.Note,
                    IsIllustrative = illustrative,
                });
            foreach (var o in doc.Organisations)
            {
                var organisation = organisations[o.Key];
                if (o.Parent is not null) organisation.Parent = Find(organisations, o.Parent);
                if (o.Successor is not null) organisation.Successor = Find(organisations, o.Successor);
                if (Date(o.SucceededOn) is { } on) (organisation.SucceededOn, organisation.SucceededOnPrecision) = (on.Date, on.Precision);
                organisation.SucceededOnInference = new LocalizedText(o.SucceededOnInferenceVi, o.SucceededOnInferenceEn, o.SucceededOnInferenceLo);
                db.Organisations.Add(organisation);
                Cite(organisation, CitedRecord.Organisation, o.Sources, o.Citations);
            }

            foreach (var p in doc.People)
            {
                var person = new Person
                {
                    Name = p.Name, Organisation = Find(organisations, p.Org),
                    Position = new LocalizedText(p.PositionVi, p.PositionEn, p.PositionLo), IsIllustrative = illustrative,
                };
                people.Add(p.Name, person);
                db.People.Add(person);
                Cite(person, CitedRecord.Person, p.Sources, p.Citations);
            }

            foreach (var m in doc.Meetings)
            {
                var starts = Date(m.Date);
                meetings.Add(m.Key, new Meeting
                {
                    Key = m.Key, KindId = Term(Vocabularies.MeetingKind, m.Kind), Number = m.Number,
                    Title = new LocalizedText(m.TitleVi, m.TitleEn, m.TitleLo), Place = m.Place, IsOnline = m.Online,
                    StartsOn = starts?.Date, StartsOnPrecision = starts?.Precision ?? default, DateNote = m.DateNote,
                    DateInference = new LocalizedText(m.DateInferenceVi, m.DateInferenceEn, m.DateInferenceLo),
                    Agenda = new LocalizedText(Lines(m.AgendaVi), Lines(m.AgendaEn), Lines(m.AgendaLo)),
                    Summary = new LocalizedText(m.SummaryVi, m.SummaryEn, m.SummaryLo),
                    Chairs = [.. m.Chairs.Select(name => new MeetingChair { Person = Find(people, name) })],
                    Participants = [.. m.Participants.Select(key => new MeetingParticipant { Organisation = Find(organisations, key) })],
                    Sources = m.SourceNote, IsIllustrative = illustrative,
                });
                Cite(meetings[m.Key], CitedRecord.Meeting, m.Sources, m.Citations);
            }
            foreach (var m in doc.Meetings)
            {
                if (m.Prepares is not null) meetings[m.Key].Prepares = Find(meetings, m.Prepares);
                db.Meetings.Add(meetings[m.Key]);
            }

            foreach (var i in doc.Instruments)
            {
                var signed = Date(i.Signed);
                var inForce = Date(i.InForce);
                instruments.Add(i.Key, new Instrument
                {
                    Key = i.Key, KindId = Term(Vocabularies.InstrumentKind, i.Kind), Status = i.Status,
                    Title = new LocalizedText(i.TitleVi, i.TitleEn, i.TitleLo), Summary = new LocalizedText(i.SummaryVi, i.SummaryEn, i.SummaryLo),
                    SignedOn = signed?.Date, SignedOnPrecision = signed?.Precision ?? default, DateNote = i.DateNote,
                    DateInference = new LocalizedText(i.DateInferenceVi, i.DateInferenceEn, i.DateInferenceLo),
                    InForceFrom = inForce?.Date, InForceFromPrecision = inForce?.Precision ?? default,
                    Meeting = i.Meeting is null ? null : Find(meetings, i.Meeting),
                    AreaId = i.Area is null ? null : Term(Vocabularies.Area, i.Area), Channel = i.Channel, ReportedInYear = i.ReportedInYear,
                    Parties = [.. i.Parties.Select(key => new InstrumentParty { Organisation = Find(organisations, key) })],
                    Signatories = [.. i.Signatories.Select(name => new InstrumentSignatory { Person = Find(people, name) })],
                    Sources = i.SourceNote, IsIllustrative = illustrative,
                });
                Cite(instruments[i.Key], CitedRecord.Instrument, i.Sources, i.Citations);
            }
            foreach (var i in doc.Instruments)
            {
                var instrument = instruments[i.Key];
                foreach (var link in i.Links)
                    instrument.LinksFrom.Add(new InstrumentLink { To = Find(instruments, link.To), Kind = link.Kind });
                db.Instruments.Add(instrument);
            }

            foreach (var c in doc.Commitments)
            {
                Period? period = null;
                if (c.Period is not null) period = Period.TryParse(c.Period, out var p) ? p : throw Invalid($"commitment {c.Ref} has no valid period");
                var commitment = new Commitment
                {
                    Instrument = Find(instruments, c.Instrument), Number = c.Number, Sequence = c.Sequence,
                    Text = new LocalizedText(c.TextVi, c.TextEn, c.TextLo), AreaId = Term(Vocabularies.Area, c.Area), Period = period,
                    DueOn = Date(c.Due)?.Date, Status = c.Status,
                    CarriedOverFrom = c.CarriedOverFrom is null ? null : Find(commitments, c.CarriedOverFrom),
                    Leads = [.. c.Leads.Select(key => Find(organisations, key)).Select(o => new CommitmentLead
                    {
                        Organisation = o, Country = o.Country ?? throw Invalid($"lead {o.Key} of commitment {c.Ref} has no country"),
                    })],
                    Sources = c.SourceNote, IsIllustrative = illustrative,
                };
                commitments.Add(c.Ref, commitment);
                db.Commitments.Add(commitment);
                Cite(commitment, CitedRecord.Commitment, c.Sources, c.Citations);
            }

            foreach (var r in doc.Reports)
            {
                if (!Period.TryParse(r.Period, out var period)) throw Invalid($"a report on {r.Commitment} has no valid period");
                var report = new ProgressReport
                {
                    Commitment = Find(commitments, r.Commitment), Country = r.Country, Organisation = Find(organisations, r.Org),
                    Period = period, ReportedOn = Date(r.ReportedOn)?.Date ?? throw Invalid($"a report on {r.Commitment} has no date"),
                    Status = r.Status, Narrative = new LocalizedText(r.NarrativeVi, r.NarrativeEn, r.NarrativeLo),
                    PeopleCount = r.People, WomenCount = r.Women, ValueAmount = r.Value, ValueCurrency = r.Currency,
                    IsIllustrative = illustrative,
                };
                db.ProgressReports.Add(report);
                Cite(report, CitedRecord.Report, r.Sources, r.Citations);
            }

            foreach (var a in doc.Activities)
            {
                var starts = Date(a.Starts);
                var ends = Date(a.Ends);
                var activity = new Activity
                {
                    KindId = Term(Vocabularies.ActivityKind, a.Kind),
                    Title = new LocalizedText(a.TitleVi, a.TitleEn, a.TitleLo), Description = new LocalizedText(a.DescriptionVi, a.DescriptionEn, a.DescriptionLo),
                    StartsOn = starts?.Date, StartsOnPrecision = starts?.Precision ?? default,
                    EndsOn = ends?.Date, EndsOnPrecision = ends?.Precision ?? default, DateNote = a.DateNote,
                    DateInference = new LocalizedText(a.DateInferenceVi, a.DateInferenceEn, a.DateInferenceLo),
                    Meeting = a.Meeting is null ? null : Find(meetings, a.Meeting), ReportedInYear = a.ReportedInYear,
                    PeopleTotal = a.PeopleTotal, PeopleWomen = a.PeopleWomen, PeopleMen = a.PeopleMen,
                    ValueAmount = a.Value, ValueCurrency = a.Currency, ValueIsLowerBound = a.ValueIsLowerBound,
                    Organisations = [.. a.Organisations.Select(o => new ActivityOrganisation { Organisation = Find(organisations, o.Org), Role = o.Role })],
                    Commitments = [.. a.Commitments.Select(r => new ActivityCommitment { Commitment = Find(commitments, r) })],
                    Sources = a.SourceNote, IsIllustrative = illustrative,
                };
                db.Activities.Add(activity);
                Cite(activity, CitedRecord.Activity, a.Sources, a.Citations);
            }

            foreach (var y in doc.Years)
            {
                var year = new CooperationYear
                {
                    Year = y.Year, Country = y.Country, BilateralCommittees = y.BilateralCommittees, NgoPartners = y.NgoPartners,
                    NgoPartnersApproximate = y.NgoPartnersApproximate, Currency = y.Currency,
                    PartnersNote = new LocalizedText(y.PartnersNoteVi, y.PartnersNoteEn, y.PartnersNoteLo),
                    Partners = [.. y.Partners.Select(key => new CooperationYearPartner { Organisation = Find(organisations, key) })],
                    Rates = [.. y.Rates.Select(r => new CooperationYearRate { Currency = r.Currency, Rate = r.Rate, On = DateOnly.ParseExact(r.On, "yyyy-MM-dd"), Source = r.Source })],
                    IsIllustrative = illustrative,
                };
                db.CooperationYears.Add(year);
                Cite(year, CitedRecord.CooperationYear, y.Sources, y.Citations);
            }
        }

        // Records already in the database that a file refers to by key: the loader links new records to them.
        public void Known(IEnumerable<Organisation> known, IEnumerable<Meeting> knownMeetings, IEnumerable<Source> knownSources)
        {
            foreach (var o in known) organisations[o.Key!] = o;
            foreach (var m in knownMeetings) meetings[m.Key!] = m;
            foreach (var s in knownSources) sources[s.Key!] = s;
        }

        int Term(string vocabulary, string code) =>
            terms.TryGetValue((vocabulary, code), out var id) ? id : throw Invalid($"no {vocabulary} term '{code}'");

        static T Find<T>(Dictionary<string, T> records, string key) =>
            records.TryGetValue(key, out var record) ? record : throw Invalid($"'{key}' is referred to but not defined");

        // The sources give "2013", "04/2017" or "12/11/2025"; anything vaguer stays in the date note.
        static PartialDate? Date(string? text) =>
            text is null ? null : PartialDate.TryParse(text, out var date) ? date : throw Invalid($"'{text}' is not a date");

        static InvalidDataException Invalid(string problem) => new($"Demo data: {problem}.");
    }
}

// The shape of the files in Data/Demo. Keys are those of shared/reference/vn-la-cooperation-facts.json;
// people are referred to by name, commitments by a ref used only inside the files. Each record lists
// the sources it rests on ("sources", the articles' keys) and may quote them ("citations": the
// passage word for word, and a note in three languages); both become Citation rows.
// The readers of the demo files are generated at build time: made by reflection, they took a tenth of a second of
// every start that reads the files (each start with SeedDemo). A misspelt field would otherwise drop a fact silently.
// The properties below have setters, not init: a generated reader sets every init property, to null when the file
// leaves it out, where a setter keeps the empty list it starts with (dotnet/runtime#84484).
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, UseStringEnumConverter = true)]
[JsonSerializable(typeof(DemoDocument))]
internal sealed partial class DemoJson : JsonSerializerContext;

internal sealed class DemoDocument
{
    public string? About { get; set; }
    public List<DemoSource> Sources { get; set; } = [];
    public List<DemoOrganisation> Organisations { get; set; } = [];
    public List<DemoPerson> People { get; set; } = [];
    public List<DemoMeeting> Meetings { get; set; } = [];
    public List<DemoInstrument> Instruments { get; set; } = [];
    public List<DemoCommitment> Commitments { get; set; } = [];
    public List<DemoReport> Reports { get; set; } = [];
    public List<DemoActivity> Activities { get; set; } = [];
    public List<DemoRound> Rounds { get; set; } = [];
    public List<DemoYear> Years { get; set; } = [];
}

internal sealed record DemoRound(string Key, string? NameVi, string? NameEn, string? NameLo, string Period, string Due, string? Side, string? Instrument, int RemindDaysBefore);

// What a side's yearly review states beyond the records (Features/Review/CooperationYear).
internal sealed record DemoYear(int Year, string Country, int? BilateralCommittees, int? NgoPartners, bool NgoPartnersApproximate,
    string? PartnersNoteVi, string? PartnersNoteEn, string? PartnersNoteLo, string? Currency)
{
    public List<string> Partners { get; set; } = [];
    public List<DemoRate> Rates { get; set; } = [];
    public List<string> Sources { get; set; } = [];
    public List<DemoCitation> Citations { get; set; } = [];
}

internal sealed record DemoRate(string Currency, decimal Rate, string On, string Source);

internal sealed record DemoOrganisation(
    string Key, string Kind, string? Country, string? Parent, string? NameVi, string? NameEn, string? NameLo,
    string? Abbreviation, string? Successor, string? SucceededOn, string? Note, List<string>? Sources)
{
    public string? SucceededOnInferenceVi { get; set; }
    public string? SucceededOnInferenceEn { get; set; }
    public string? SucceededOnInferenceLo { get; set; }
    public List<DemoCitation> Citations { get; set; } = [];
}

internal sealed record DemoPerson(string Name, string Org, string? PositionVi, string? PositionEn, string? PositionLo, List<string>? Sources)
{
    public List<DemoCitation> Citations { get; set; } = [];
}

// "published" as the article prints it, in ISO form: "2021-10-20T21:40", or a day alone.
internal sealed record DemoSource(string Key, string Title, string? Outlet, string? Author, string? Published, string? Url);

internal sealed record DemoCitation(string Source, string? Passage, string? NoteVi, string? NoteEn, string? NoteLo);

// A date that comes from reasoning, not from a source, carries the reasoning in three languages.
internal abstract record DemoDated
{
    public string? DateInferenceVi { get; set; }
    public string? DateInferenceEn { get; set; }
    public string? DateInferenceLo { get; set; }
    public List<DemoCitation> Citations { get; set; } = [];
}

internal sealed record DemoMeeting(
    string Key, string Kind, int? Number, string? TitleVi, string? TitleEn, string? TitleLo, string? Place, bool Online, string? Date, string? DateNote,
    string? SummaryVi, string? SummaryEn, string? SummaryLo, string? Prepares, string? SourceNote) : DemoDated
{
    public List<string> AgendaVi { get; set; } = [];
    public List<string> AgendaEn { get; set; } = [];
    public List<string> AgendaLo { get; set; } = [];
    public List<string> Chairs { get; set; } = [];
    public List<string> Participants { get; set; } = [];
    public List<string> Sources { get; set; } = [];
}

internal sealed record DemoInstrument(
    string Key, string Kind, InstrumentStatus Status, string? TitleVi, string? TitleEn, string? TitleLo, string? SummaryVi, string? SummaryEn, string? SummaryLo,
    string? Signed, string? InForce, string? DateNote, string? Meeting, string? SourceNote) : DemoDated
{
    public List<string> Parties { get; set; } = [];
    public List<string> Signatories { get; set; } = [];
    public List<DemoLink> Links { get; set; } = [];
    public List<string> Sources { get; set; } = [];
    public string? Area { get; set; }
    public CooperationChannel? Channel { get; set; }
    public int? ReportedInYear { get; set; }
}

internal sealed record DemoLink(InstrumentLinkKind Kind, string To);

internal sealed record DemoCommitment(
    string Ref, string Instrument, string? Number, int Sequence, string Area, string? Period, string? Due, CommitmentStatus Status,
    string? TextVi, string? TextEn, string? TextLo, string? CarriedOverFrom, string? SourceNote)
{
    public List<DemoCitation> Citations { get; set; } = [];
    public List<string> Leads { get; set; } = [];
    public List<string> Sources { get; set; } = [];
}

internal sealed record DemoReport(
    string Commitment, string Country, string Org, string Period, string ReportedOn, CommitmentStatus Status,
    string? NarrativeVi, string? NarrativeEn, string? NarrativeLo, int? People, int? Women, decimal? Value, string? Currency)
{
    public List<string> Sources { get; set; } = [];
    public List<DemoCitation> Citations { get; set; } = [];
}

internal sealed record DemoActivity(
    string Kind, string? TitleVi, string? TitleEn, string? TitleLo, string? DescriptionVi, string? DescriptionEn, string? DescriptionLo,
    string? Starts, string? Ends, string? DateNote, string? Meeting, int? PeopleTotal, int? PeopleWomen, int? PeopleMen, decimal? Value, string? Currency,
    bool ValueIsLowerBound, string? SourceNote) : DemoDated
{
    public List<DemoActivityOrganisation> Organisations { get; set; } = [];
    public List<string> Commitments { get; set; } = [];
    public List<string> Sources { get; set; } = [];
    public int? ReportedInYear { get; set; }
}

internal sealed record DemoActivityOrganisation(string Org, ActivityRole Role);
