using System.Linq.Expressions;
using Concord.Data;
using Concord.Features.Activities;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Features.Meetings;
using Concord.Features.Organisations;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Search;

public enum SearchType
{
    Instruments,
    Meetings,
    Commitments,
    Reports,
    Activities,
    Organisations,
    People,
}

public sealed record SearchHit(
    SearchType Type, int Id, string? Url, LocalizedText Title, string TitleLanguage, IReadOnlyList<TextPart> TitleParts,
    LocalizedText? Context, PartialDate? Date, string? Side, IReadOnlyList<TextPart>? Snippet, string? SnippetLanguage);

// One type's hits. Count stops at CountLimit (CountIsAtLeast), so a common word does not count
// every one of 500,000 commitments; Next continues the list with ?type=..&after=Next.
public sealed record SearchGroup(SearchType Type, int Count, bool CountIsAtLeast, IReadOnlyList<SearchHit> Hits, string? Next);

public sealed record SearchResults(string Query, IReadOnlyList<string> Words, SearchType? Type, IReadOnlyList<SearchGroup> Groups)
{
    public bool IsTooShort => Words.Count == 0;
}

// Search across every kind of record by its folded SearchText: every word must occur (AND), each as
// LIKE '%word%'. Newest records first within a type, keyset-paged on id. A request sends a few statements
// whatever the number of types (FindAsync): each step asks every type that needs it in one UNION ALL, and
// every query goes through the visibility filter, so nothing counted or shown is a record the reader may not see.
public static class SiteSearch
{
    public const int PerTypeInOverview = 10;

    // Counts stop here ("at least 100"). A reader choosing which kind of record to open, or whether to add a
    // word, learns as much from "at least 100" as from "11,728", and nobody pages through more than that;
    // counting further was most of what a common word cost. One limit for every word and kind of record,
    // so that adding a word never seems to find more.
    public const int CountLimit = 100;

    // PostgreSQL: how many of a table's newest records are looked at first, by id.
    const int Window = 2_000;
    // PostgreSQL: how many hits the trigram index is asked for when they are to be sorted here.
    const int IndexLimit = 1_000;

    public static async Task<SearchResults> RunAsync(ConcordDb db, string? query, SearchType? type, string? after, int? size, CancellationToken ct)
    {
        var terms = SearchTerms.Parse(query);
        if (terms.IsTooShort) return new SearchResults(terms.Query, [], type, []);
        List<Ask> asks = type is { } only
            ? [new Ask(only, Cursor.TryDecode(after, out _, out var id) ? id : null, Cursor.Size(size))]
            : [.. Enum.GetValues<SearchType>().Select(t => new Ask(t, null, PerTypeInOverview))];
        var search = new Matching(db, [.. terms.Patterns]);

        List<Found> found;
        if (db.IsPostgres)
            found = await db.Database.CreateExecutionStrategy().ExecuteAsync(async cancel =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancel);
                var newest = await SettingsAndNewestIdsAsync(db, cancel);
                var result = await FindAsync(search, asks, newest, cancel);
                await transaction.CommitAsync(cancel);
                return result;
            }, ct);
        else found = await FindAsync(search, asks, null, ct);

        var language = Cultures.Language;
        var groups = found.Select(f => new SearchGroup(f.Type, f.Count, f.CountIsAtLeast,
            f.Page.Select(r => ToHit(f.Type, r, terms.Words, language)).ToList(), f.Next)).ToList();
        return new SearchResults(terms.Query, terms.Words, type, groups);
    }

    // One type asked for: Take hits below the id After (null: from the newest).
    sealed record Ask(SearchType Type, int? After, int Take);

    // One type answered: its page, newest first, its count and where the next page starts.
    sealed record Found(SearchType Type, IReadOnlyList<Row> Page, int Count, bool CountIsAtLeast, string? Next);

    // The steps, each one statement for every type that needs it, so that a search costs the same few
    // statements for one kind of record or seven (on PostgreSQL at most seven with BEGIN, the planner's settings
    // and COMMIT, eight with the session's check):
    //  1. The newest records, walked by id: on PostgreSQL the newest Window of each table (all of a smaller one),
    //     on SQLite every record, until CountLimit + 1 hits. More hits than CountLimit there: the words are common,
    //     the count is "at least CountLimit", and the page is among those hits or a short walk further by id.
    //     As many hits as a page: the page is there or a short walk further, and only the count is missing.
    //  2. PostgreSQL, for the types still missing a count or page: hits from the trigram index in no order, just
    //     enough for the count, or IndexLimit + 1 where the page is missing too; no more than IndexLimit are
    //     every hit, sorted here.
    //  3. The pages: the fields of the hits known, or the next hits walked by id (words found often enough among
    //     the newest records), or read from the trigram index and sorted (more hits than IndexLimit, few of them new).
    // Neither a walk by id nor the trigram index suits every word, and PostgreSQL cannot tell which: it guesses
    // how many records hold every word by multiplying the words' frequencies, and Vietnamese syllables are each
    // common and often seldom together ("ban can": 1 of 5,000,000 progress reports, guessed 400,000). A walk by
    // id for words held once reads the whole table (5 s at 5,000,000 reports); reading every hit of a common word
    // from the index costs about as much. So the search looks at the newest records first, at a bounded cost,
    // chooses each next step from what it found, and fixes each step's plan by the settings it runs under.
    static async Task<List<Found>> FindAsync(Matching search, List<Ask> asks, Dictionary<SearchType, int>? newest, CancellationToken ct)
    {
        // Ids above Above are the ones walked first; null: every record (SQLite, or a table no bigger than the window).
        int? Above(SearchType type) => newest?.GetValueOrDefault(type) is > Window and var top ? top - Window : null;

        var recent = await search.IdsAsync(asks.Select(a => new Probe(a.Type, Above: Above(a.Type), Take: CountLimit + 1)), ct);
        var plans = new Dictionary<SearchType, Plan>();
        var counts = new List<Ask>();
        var pages = new List<Ask>();
        foreach (var ask in asks)
        {
            var ids = recent[ask.Type];
            var below = Below(ids, ask);
            if (ids.Count <= CountLimit && Above(ask.Type) is null) plans[ask.Type] = new Plan(ids.Count, below, null);
            else if (ids.Count <= CountLimit && ids.Count <= ask.Take) pages.Add(ask);
            else
            {
                plans[ask.Type] = below.Count > ask.Take ? new Plan(ids.Count, below, null) : new Plan(ids.Count, null, new Probe(ask.Type, Below: ask.After, Take: ask.Take + 1));
                if (ids.Count <= CountLimit) counts.Add(ask);
            }
        }

        // Step 3 first when step 2 only counts: the walks by id run under the settings of step 1.
        Dictionary<SearchType, List<Row>>? rows = null;
        if (pages.Count == 0) rows = await search.RowsAsync(asks.Select(a => (a.Type, plans[a.Type].Ids?.Take(a.Take + 1).ToArray(), plans[a.Type].Probe)), ct);
        if (counts.Count + pages.Count > 0)
        {
            // The trigram index only (enable_indexscan): with a LIMIT and words it guesses common, PostgreSQL
            // would rather read the table in the order of another index, and read all of it for a rare pair.
            await search.IndexOnlyAsync(ct);
            var hits = await search.IdsAsync(counts.Select(a => new Probe(a.Type, Take: CountLimit + 1, Newest: false))
                .Concat(pages.Select(a => new Probe(a.Type, Take: IndexLimit + 1, Newest: false))), ct);
            foreach (var ask in counts)
                plans[ask.Type] = plans[ask.Type] with { Count = hits[ask.Type].Union(recent[ask.Type]).Count() };
            foreach (var ask in pages)
            {
                var ids = hits[ask.Type].Union(recent[ask.Type]).OrderDescending().ToList();
                var below = Below(ids, ask);
                plans[ask.Type] = hits[ask.Type].Count <= IndexLimit
                    ? new Plan(ids.Count, below, null)
                    // Hits known below the cursor bound the page from below: its hits are at least as new. Always a
                    // bound, if only 0: this statement then differs from a walk by id, and keeps a plan of its own.
                    : new Plan(ids.Count, null, new Probe(ask.Type, Below: ask.After, From: below.Count > ask.Take ? below[ask.Take] : 0, Take: ask.Take + 1));
            }
        }
        rows ??= await search.RowsAsync(asks.Select(a => (a.Type, plans[a.Type].Ids?.Take(a.Take + 1).ToArray(), plans[a.Type].Probe)), ct);

        return [.. asks.Select(ask =>
        {
            var page = rows[ask.Type];
            string? next = null;
            if (page.Count > ask.Take)
            {
                page = page[..ask.Take];
                next = Cursor.Encode("", page[^1].Id);
            }
            var count = plans[ask.Type].Count;
            return new Found(ask.Type, page, Math.Min(count, CountLimit), count > CountLimit, next);
        })];
    }

    static List<int> Below(List<int> newestFirst, Ask ask) => ask.After is { } after ? newestFirst.Where(i => i < after).ToList() : newestFirst;

    // How a type's page is read: the ids known (newest first), or a probe for the next hits. Count: hits known.
    sealed record Plan(int Count, List<int>? Ids, Probe? Probe);

    // The planner's settings for this transaction, and the newest id of each table, in one statement. Steps 1
    // and 3 walk by id: with sorting off, a table's primary key in reverse is the only way to the newest rows.
    // No sequential scans (a table read whole), hash or merge joins (the visibility filter's joins are look-ups
    // by primary key), parallel workers or JIT (starting them costs more than these small reads). Every plan is
    // then the same whatever the words, so prepared statements keep one (generic) plan and are not planned
    // again on every request. The newest ids are read past the visibility filter: they only bound the look at
    // the newest records and reveal nothing of a record the reader may not see.
    static async Task<Dictionary<SearchType, int>> SettingsAndNewestIdsAsync(ConcordDb db, CancellationToken ct)
    {
        string Table(Type entity) => db.Model.FindEntityType(entity)!.GetTableName()!;
        var newest = string.Join(", ", Tables.Select(t => $"(SELECT max(\"Id\") FROM \"{Table(t.Value)}\") AS \"{t.Key}\""));
        var sql = $"""
            SELECT set_config('enable_seqscan', 'off', true) || set_config('enable_sort', 'off', true) || set_config('enable_hashjoin', 'off', true)
                || set_config('enable_mergejoin', 'off', true) || set_config('max_parallel_workers_per_gather', '0', true) || set_config('jit', 'off', true)
                || set_config('plan_cache_mode', 'force_generic_plan', true) AS "Settings", {newest}
            """;
        var row = await db.Database.SqlQueryRaw<Newest>(sql).SingleAsync(ct);
        return new()
        {
            [SearchType.Instruments] = row.Instruments ?? 0, [SearchType.Meetings] = row.Meetings ?? 0, [SearchType.Commitments] = row.Commitments ?? 0,
            [SearchType.Reports] = row.Reports ?? 0, [SearchType.Activities] = row.Activities ?? 0,
            [SearchType.Organisations] = row.Organisations ?? 0, [SearchType.People] = row.People ?? 0,
        };
    }

    static readonly Dictionary<SearchType, Type> Tables = new()
    {
        [SearchType.Instruments] = typeof(Instrument), [SearchType.Meetings] = typeof(Meeting), [SearchType.Commitments] = typeof(Commitment),
        [SearchType.Reports] = typeof(ProgressReport), [SearchType.Activities] = typeof(Activity),
        [SearchType.Organisations] = typeof(Organisation), [SearchType.People] = typeof(Person),
    };

    sealed record Newest(string Settings, int? Instruments, int? Meetings, int? Commitments, int? Reports, int? Activities, int? Organisations, int? People);

    // One type's look for hits: above or below an id, from an id on (inclusive), newest first or in no order.
    sealed record Probe(SearchType Type, int? Above = null, int? Below = null, int? From = null, int Take = 1, bool Newest = true);

    // Member initialisers, not a constructor: EF builds set operations only over shapes it sees into.
    sealed class Id
    {
        public int Type { get; init; }
        public int Value { get; init; }
    }

    // The records holding every word, through the visibility filter, of each kind of record.
    sealed class Matching(ConcordDb db, string[] patterns)
    {
        public async Task<Dictionary<SearchType, List<int>>> IdsAsync(IEnumerable<Probe> probes, CancellationToken ct)
        {
            var list = probes.ToList();
            var query = list.Select(p => p.Type switch
            {
                SearchType.Instruments => Ids(db.Instruments, p),
                SearchType.Meetings => Ids(db.Meetings, p),
                SearchType.Commitments => Ids(db.Commitments, p),
                SearchType.Reports => Ids(db.ProgressReports, p),
                SearchType.Activities => Ids(db.Activities, p),
                SearchType.Organisations => Ids(db.Organisations, p),
                SearchType.People => Ids(db.People, p),
                _ => throw new ArgumentOutOfRangeException(nameof(probes)),
            }).Aggregate((a, b) => a.Concat(b));
            var ids = await query.ToListAsync(ct);
            return list.ToDictionary(p => p.Type, p => ids.Where(i => i.Type == (int)p.Type).Select(i => i.Value).OrderDescending().ToList());
        }

        // Step 2 on PostgreSQL: the trigram index only, sorting allowed again (see FindAsync).
        public async Task IndexOnlyAsync(CancellationToken ct)
        {
            if (db.IsPostgres) await db.Database.ExecuteSqlRawAsync("SELECT set_config('enable_indexscan', 'off', true) || set_config('enable_sort', 'on', true)", ct);
        }

        IQueryable<T> Probed<T>(IQueryable<T> source, Probe p) where T : Record, ISearchable
        {
            var matching = source.AsNoTracking();
            foreach (var pattern in patterns)
                matching = matching.Where(x => EF.Functions.Like(x.SearchText, pattern, LikePattern.EscapeCharacter));
            if (p.Above is { } above) matching = matching.Where(x => x.Id > above);
            if (p.Below is { } below) matching = matching.Where(x => x.Id < below);
            if (p.From is { } from) matching = matching.Where(x => x.Id >= from);
            if (p.Newest) matching = matching.OrderByDescending(x => x.Id);
            return matching.Take(p.Take);
        }

        IQueryable<Id> Ids<T>(IQueryable<T> source, Probe p) where T : Record, ISearchable =>
            Probed(source, p).Select(IdSelector<T>.Of(p.Type));

        // The rows of each type's page, newest first: by the ids known, or the next hits a probe finds.
        public async Task<Dictionary<SearchType, List<Row>>> RowsAsync(IEnumerable<(SearchType Type, int[]? Ids, Probe? Probe)> pages, CancellationToken ct)
        {
            var list = pages.Where(p => p.Ids is not { Length: 0 }).ToList();
            var fields = list.Count == 0 ? [] : await list.Select(p => Fields(p.Type, p.Ids, p.Probe)).Aggregate((a, b) => a.Concat(b)).ToListAsync(ct);
            return Enum.GetValues<SearchType>().ToDictionary(t => t, t => fields.Where(f => f.Type == (int)t).OrderByDescending(f => f.Id).Select(f => f.ToRow()).ToList());
        }

        // A probe's hits are chosen in a subquery (IN), not read from one: EF would give a derived table's empty
        // columns no type, and PostgreSQL could not join them in the UNION to the other kinds' dates and numbers.
        IQueryable<Fields> Fields<T>(IQueryable<T> source, int[]? ids, Probe? probe, Expression<Func<T, Fields>> select) where T : Record, ISearchable
        {
            var rows = source.AsNoTracking();
            if (ids is not null) rows = rows.Where(x => ids.Contains(x.Id));
            else
            {
                var probed = Probed(source, probe!).Select(x => x.Id);
                rows = rows.Where(x => probed.Contains(x.Id));
            }
            return rows.Select(select);
        }

        // Each type reads only the columns a hit shows (a record's constructor given a complex property would make
        // EF read whole rows, search text and all), in one shape for all, so that they come in one statement.
        IQueryable<Fields> Fields(SearchType type, int[]? ids, Probe? probe) => type switch
        {
            SearchType.Instruments => Fields(db.Instruments, ids, probe, Selectors.Instruments),
            SearchType.Meetings => Fields(db.Meetings, ids, probe, Selectors.Meetings),
            SearchType.Commitments => Fields(db.Commitments, ids, probe, Selectors.Commitments),
            SearchType.Reports => Fields(db.ProgressReports, ids, probe, Selectors.Reports),
            SearchType.Activities => Fields(db.Activities, ids, probe, Selectors.Activities),
            SearchType.Organisations => Fields(db.Organisations, ids, probe, Selectors.Organisations),
            SearchType.People => Fields(db.People, ids, probe, Selectors.People),
            _ => throw new ArgumentOutOfRangeException(nameof(type)),
        };
    }

    // The type of each row is a literal in the SQL (`2 AS "Type"`), written into these expressions as a constant, not
    // with EF.Constant: EF inlines an EF.Constant when it writes the SQL, from the value of the query's parameter, and
    // then cannot cache the SQL; each search wrote its statements again (a quarter of what a search allocated). Built
    // once: the expression trees of seven projections were another twentieth of it.
    static class IdSelector<T> where T : Record
    {
        static readonly Dictionary<SearchType, Expression<Func<T, Id>>> ByType = Enum.GetValues<SearchType>().ToDictionary(t => t, t =>
        {
            var x = Expression.Parameter(typeof(T), "x");
            return Expression.Lambda<Func<T, Id>>(Expression.MemberInit(Expression.New(typeof(Id)),
                Expression.Bind(typeof(Id).GetProperty(nameof(Id.Type))!, Expression.Constant((int)t)),
                Expression.Bind(typeof(Id).GetProperty(nameof(Id.Value))!, Expression.Property(x, nameof(Record.Id)))), x);
        });

        public static Expression<Func<T, Id>> Of(SearchType type) => ByType[type];
    }

    static class Selectors
    {
        public static readonly Expression<Func<Instrument, Fields>> Instruments = x => new Fields
        {
            Type = (int)SearchType.Instruments, Id = x.Id, TitleVi = x.Title.Vi, TitleEn = x.Title.En, TitleLo = x.Title.Lo, Plain = null,
            ContextVi = x.Kind.Name.Vi, ContextEn = x.Kind.Name.En, ContextLo = x.Kind.Name.Lo, Date = x.SignedOn,
            Precision = x.SignedOnPrecision, Body1Vi = x.Summary.Vi, Body1En = x.Summary.En, Body1Lo = x.Summary.Lo, Body2Vi = null,
            Body2En = null, Body2Lo = null, Text1 = x.DateNote, Text2 = null, LinkId = null, Side = null,
        };
        public static readonly Expression<Func<Meeting, Fields>> Meetings = x => new Fields
        {
            Type = (int)SearchType.Meetings, Id = x.Id, TitleVi = x.Title.Vi, TitleEn = x.Title.En, TitleLo = x.Title.Lo, Plain = null,
            ContextVi = x.Kind.Name.Vi, ContextEn = x.Kind.Name.En, ContextLo = x.Kind.Name.Lo, Date = x.StartsOn,
            Precision = x.StartsOnPrecision, Body1Vi = x.Summary.Vi, Body1En = x.Summary.En, Body1Lo = x.Summary.Lo, Body2Vi = x.Agenda.Vi,
            Body2En = x.Agenda.En, Body2Lo = x.Agenda.Lo, Text1 = x.Place, Text2 = x.DateNote, LinkId = null, Side = null,
        };
        public static readonly Expression<Func<Commitment, Fields>> Commitments = x => new Fields
        {
            Type = (int)SearchType.Commitments, Id = x.Id, TitleVi = x.Text.Vi, TitleEn = x.Text.En, TitleLo = x.Text.Lo, Plain = x.Number,
            ContextVi = x.Instrument.Title.Vi, ContextEn = x.Instrument.Title.En, ContextLo = x.Instrument.Title.Lo, Date = null,
            Precision = DatePrecision.Day, Body1Vi = null, Body1En = null, Body1Lo = null, Body2Vi = null, Body2En = null, Body2Lo = null,
            Text1 = null, Text2 = null, LinkId = null, Side = null,
        };
        public static readonly Expression<Func<ProgressReport, Fields>> Reports = x => new Fields
        {
            Type = (int)SearchType.Reports, Id = x.Id, TitleVi = x.Commitment.Text.Vi, TitleEn = x.Commitment.Text.En, TitleLo = x.Commitment.Text.Lo,
            Plain = x.Commitment.Number, ContextVi = null, ContextEn = null, ContextLo = null, Date = x.ReportedOn,
            Precision = DatePrecision.Day, Body1Vi = x.Narrative.Vi, Body1En = x.Narrative.En, Body1Lo = x.Narrative.Lo, Body2Vi = null,
            Body2En = null, Body2Lo = null, Text1 = null, Text2 = null, LinkId = x.CommitmentId, Side = x.Country,
        };
        public static readonly Expression<Func<Activity, Fields>> Activities = x => new Fields
        {
            Type = (int)SearchType.Activities, Id = x.Id, TitleVi = x.Title.Vi, TitleEn = x.Title.En, TitleLo = x.Title.Lo, Plain = null,
            ContextVi = x.Kind.Name.Vi, ContextEn = x.Kind.Name.En, ContextLo = x.Kind.Name.Lo, Date = x.StartsOn,
            Precision = x.StartsOnPrecision, Body1Vi = x.Description.Vi, Body1En = x.Description.En, Body1Lo = x.Description.Lo,
            Body2Vi = null, Body2En = null, Body2Lo = null, Text1 = x.DateNote, Text2 = null, LinkId = null, Side = null,
        };
        public static readonly Expression<Func<Organisation, Fields>> Organisations = x => new Fields
        {
            Type = (int)SearchType.Organisations, Id = x.Id, TitleVi = x.Name.Vi, TitleEn = x.Name.En, TitleLo = x.Name.Lo, Plain = null,
            ContextVi = x.Kind.Name.Vi, ContextEn = x.Kind.Name.En, ContextLo = x.Kind.Name.Lo, Date = null, Precision = DatePrecision.Day,
            Body1Vi = null, Body1En = null, Body1Lo = null, Body2Vi = null, Body2En = null, Body2Lo = null, Text1 = x.Abbreviation,
            Text2 = x.Note, LinkId = null, Side = x.Country,
        };
        public static readonly Expression<Func<Person, Fields>> People = x => new Fields
        {
            Type = (int)SearchType.People, Id = x.Id, TitleVi = null, TitleEn = null, TitleLo = null, Plain = x.Name, ContextVi = x.Position.Vi,
            ContextEn = x.Position.En, ContextLo = x.Position.Lo, Date = null, Precision = DatePrecision.Day, Body1Vi = x.Position.Vi,
            Body1En = x.Position.En, Body1Lo = x.Position.Lo, Body2Vi = null, Body2En = null, Body2Lo = null, Text1 = null, Text2 = null,
            LinkId = x.OrganisationId, Side = null,
        };
    }

    sealed class Fields
    {
        public int Type { get; init; }
        public int Id { get; init; }
        public string? TitleVi { get; init; }
        public string? TitleEn { get; init; }
        public string? TitleLo { get; init; }
        public string? Plain { get; init; }
        public string? ContextVi { get; init; }
        public string? ContextEn { get; init; }
        public string? ContextLo { get; init; }
        public DateOnly? Date { get; init; }
        public DatePrecision Precision { get; init; }
        public string? Body1Vi { get; init; }
        public string? Body1En { get; init; }
        public string? Body1Lo { get; init; }
        public string? Body2Vi { get; init; }
        public string? Body2En { get; init; }
        public string? Body2Lo { get; init; }
        public string? Text1 { get; init; }
        public string? Text2 { get; init; }
        public int? LinkId { get; init; }
        public string? Side { get; init; }

        static LocalizedText? Text(string? vi, string? en, string? lo) => vi is null && en is null && lo is null ? null : new LocalizedText(vi, en, lo);

        public Row ToRow() => new(Id, Text(TitleVi, TitleEn, TitleLo), Plain, Text(ContextVi, ContextEn, ContextLo), Date, Precision,
            Text(Body1Vi, Body1En, Body1Lo), Text(Body2Vi, Body2En, Body2Lo), Text1, Text2, LinkId, Side);
    }

    // What a hit needs from its record: a title (localized, or a plain name for people), a line of
    // context, a date, up to two localized bodies and two plain texts to find the snippet in, and the
    // id of the record a hit links through (a report's commitment, a person's organisation).
    sealed record Row(int Id, LocalizedText? Title, string? Plain, LocalizedText? Context, DateOnly? Date, DatePrecision Precision,
        LocalizedText? Body1, LocalizedText? Body2, string? Text1, string? Text2, int? LinkId, string? Side);

    static SearchHit ToHit(SearchType type, Row r, IReadOnlyList<string> words, string language)
    {
        var title = r.Title ?? new LocalizedText(r.Plain, r.Plain, r.Plain);
        var (titleText, titleLanguage) = title.Best(language);
        if (r.Title is not null && type is SearchType.Commitments or SearchType.Reports && r.Plain is { Length: > 0 } number)
            titleText = $"{number}. {titleText}";
        var titleParts = titleText.Length > 240 ? Highlight.Snippet(titleText, words, 240) ?? Clip(titleText) : Highlight.Parts(titleText, words);

        // The snippet comes from the text with most query words, the reader's language first;
        // the title already shown is not repeated.
        var sources = new List<(string? Text, string? Language)>();
        foreach (var body in new[] { r.Body1, r.Body2 })
            if (body is not null) sources.Add((body.In(language), language));
        sources.Add((r.Text1, null));
        sources.Add((r.Text2, null));
        foreach (var other in LocalizedText.Languages.Where(l => l != language))
        {
            if (r.Title is not null && other != titleLanguage) sources.Add((r.Title.In(other), other));
            foreach (var body in new[] { r.Body1, r.Body2 })
                if (body is not null) sources.Add((body.In(other), other));
        }
        var best = sources.Where(s => !string.IsNullOrWhiteSpace(s.Text))
            .Select((s, order) => (s.Text, s.Language, Found: Highlight.WordsFound(s.Text, words), order))
            .Where(s => s.Found > 0)
            .OrderByDescending(s => s.Found).ThenBy(s => s.order)
            .FirstOrDefault();
        var snippet = best.Text is null ? null : Highlight.Snippet(best.Text, words);
        // A person's position is their context line; when the match is in it, the marked snippet replaces it.
        var context = best.Text is not null && r.Context is not null && r.Context.All().Contains(best.Text) ? null : r.Context;

        var url = type switch
        {
            SearchType.Instruments => $"/instruments/{r.Id}",
            SearchType.Meetings => $"/meetings/{r.Id}",
            SearchType.Commitments => $"/commitments/{r.Id}",
            SearchType.Reports => $"/commitments/{r.LinkId}#report-{r.Id}",
            SearchType.Activities => $"/activities/{r.Id}",
            SearchType.Organisations => $"/organisations/{r.Id}",
            SearchType.People => r.LinkId is { } org ? $"/organisations/{org}#person-{r.Id}" : null,
            _ => null,
        };
        return new SearchHit(type, r.Id, url, title, titleLanguage, titleParts,
            context, PartialDate.From(r.Date, r.Precision), r.Side, snippet, best.Text is null ? null : best.Language);
    }

    static IReadOnlyList<TextPart> Clip(string text) => [new TextPart(text[..240], false), new TextPart("…", false)];
}
