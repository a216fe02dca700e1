using System.Linq.Expressions;
using Concord.Data;
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
// LIKE '%word%', which PostgreSQL answers from the trigram index or by walking the newest records by id
// (see FewMatchesAsync), and SQLite by scanning one column. Newest records first within a type, keyset-paged on id.
public static class SiteSearch
{
    public const int PerTypeInOverview = 10;
    public const int CountLimit = 1000;

    public static async Task<SearchResults> RunAsync(ConcordDb db, string? query, SearchType? type, string? after, int? size, CancellationToken ct)
    {
        var terms = SearchTerms.Parse(query);
        if (terms.IsTooShort) return new SearchResults(terms.Query, [], type, []);
        var patterns = terms.Patterns.ToArray();
        var groups = new List<SearchGroup>();
        if (type is { } only)
        {
            var afterId = Cursor.TryDecode(after, out _, out var id) ? id : (int?)null;
            groups.Add(await GroupAsync(db, only, terms, patterns, afterId, Cursor.Size(size), ct));
        }
        else
        {
            // One group after another: a DbContext runs one query at a time.
            foreach (var t in Enum.GetValues<SearchType>())
                groups.Add(await GroupAsync(db, t, terms, patterns, null, PerTypeInOverview, ct));
        }
        return new SearchResults(terms.Query, terms.Words, type, groups);
    }

    // Each type reads its rows into an anonymous type (EF then reads only those columns; a record's
    // constructor given a complex property would make it read whole rows, search text and all) and maps them to a Row.
    static Task<SearchGroup> GroupAsync(ConcordDb db, SearchType type, SearchTerms terms, string[] patterns, int? afterId, int take, CancellationToken ct) => type switch
    {
        SearchType.Instruments => FindAsync(db, db.Instruments, type, terms, patterns, afterId, take,
            x => new { x.Id, x.Title, Kind = x.Kind.Name, x.SignedOn, x.SignedOnPrecision, x.Summary, x.DateNote },
            x => new Row(x.Id, x.Title, null, x.Kind, x.SignedOn, x.SignedOnPrecision, x.Summary, null, x.DateNote, null, null, null), ct),
        SearchType.Meetings => FindAsync(db, db.Meetings, type, terms, patterns, afterId, take,
            x => new { x.Id, x.Title, Kind = x.Kind.Name, x.StartsOn, x.StartsOnPrecision, x.Summary, x.Agenda, x.Place, x.DateNote },
            x => new Row(x.Id, x.Title, null, x.Kind, x.StartsOn, x.StartsOnPrecision, x.Summary, x.Agenda, x.Place, x.DateNote, null, null), ct),
        SearchType.Commitments => FindAsync(db, db.Commitments, type, terms, patterns, afterId, take,
            x => new { x.Id, x.Text, x.Number, Instrument = x.Instrument.Title },
            x => new Row(x.Id, x.Text, x.Number, x.Instrument, null, DatePrecision.Day, null, null, null, null, null, null), ct),
        SearchType.Reports => FindAsync(db, db.ProgressReports, type, terms, patterns, afterId, take,
            x => new { x.Id, x.Commitment.Text, x.Commitment.Number, x.ReportedOn, x.Narrative, x.CommitmentId, x.Country },
            x => new Row(x.Id, x.Text, x.Number, null, x.ReportedOn, DatePrecision.Day, x.Narrative, null, null, null, x.CommitmentId, x.Country), ct),
        SearchType.Activities => FindAsync(db, db.Activities, type, terms, patterns, afterId, take,
            x => new { x.Id, x.Title, Kind = x.Kind.Name, x.StartsOn, x.StartsOnPrecision, x.Description, x.DateNote },
            x => new Row(x.Id, x.Title, null, x.Kind, x.StartsOn, x.StartsOnPrecision, x.Description, null, x.DateNote, null, null, null), ct),
        SearchType.Organisations => FindAsync(db, db.Organisations, type, terms, patterns, afterId, take,
            x => new { x.Id, x.Name, Kind = x.Kind.Name, x.Abbreviation, x.Note, x.Country },
            x => new Row(x.Id, x.Name, null, x.Kind, null, DatePrecision.Day, null, null, x.Abbreviation, x.Note, null, x.Country), ct),
        SearchType.People => FindAsync(db, db.People, type, terms, patterns, afterId, take,
            x => new { x.Id, x.Name, x.Position, x.OrganisationId },
            x => new Row(x.Id, null, x.Name, x.Position, null, DatePrecision.Day, x.Position, null, null, null, x.OrganisationId, null), ct),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    // What a hit needs from its record: a title (localized, or a plain name for people), a line of
    // context, a date, up to two localized bodies and two plain texts to find the snippet in, and the
    // id of the record a hit links through (a report's commitment, a person's organisation).
    sealed record Row(int Id, LocalizedText? Title, string? Plain, LocalizedText? Context, DateOnly? Date, DatePrecision Precision,
        LocalizedText? Body1, LocalizedText? Body2, string? Text1, string? Text2, int? LinkId, string? Side);

    static async Task<SearchGroup> FindAsync<T, TShape>(ConcordDb db, IQueryable<T> source, SearchType type, SearchTerms terms, string[] patterns,
        int? afterId, int take, Expression<Func<T, TShape>> select, Func<TShape, Row> map, CancellationToken ct) where T : Record, ISearchable
    {
        var matching = source.AsNoTracking();
        foreach (var pattern in patterns)
            matching = matching.Where(x => EF.Functions.Like(EF.Property<string>(x, nameof(ISearchable.SearchText)), pattern, LikePattern.EscapeCharacter));

        var page = afterId is { } id ? matching.Where(x => x.Id < id) : matching;
        List<TShape> found;
        int? count = null;
        if (db.IsPostgres)
            (found, count) = await db.Database.CreateExecutionStrategy().ExecuteAsync(async cancel =>
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancel);
                var result = await FindOnPostgresAsync(db, source, matching, page, afterId, take, select, cancel);
                await transaction.CommitAsync(cancel);
                return result;
            }, ct);
        else found = await page.OrderByDescending(x => x.Id).Take(take + 1).Select(select).ToListAsync(ct);

        var rows = found.ConvertAll(x => map(x));
        string? next = null;
        if (rows.Count > take)
        {
            rows.RemoveAt(take);
            next = Cursor.Encode("", rows[^1].Id);
        }
        // SQLite: counting is skipped when the first page already holds every hit.
        if (count is null && afterId is null && next is null) count = rows.Count;
        count ??= await matching.Take(CountLimit + 1).CountAsync(ct);
        var language = Cultures.Language;
        return new SearchGroup(type, Math.Min(count.Value, CountLimit), count > CountLimit,
            rows.Select(r => ToHit(type, r, terms.Words, language)).ToList(), next);
    }

    // PostgreSQL guesses how many records hold every word by multiplying the words' frequencies. Vietnamese
    // syllables are each common and often seldom together ("ban can": 1 of 5,000,000 progress reports, guessed
    // 400,000), so the guess can be wrong a thousandfold either way: guessing many, the planner walks the table by
    // id for the newest ten and reads all of it (5 s); guessing few, it reads every hit through the trigram index
    // to sort them (0.7 s for 57,000 commitments). So the search finds out first, at a bounded cost, and then tells
    // the planner which way to read (SET LOCAL, in this search's transaction): the newest RecentWindow records are
    // walked by id; if they hold more than CountLimit hits, the words are common and a walk by id finds the page at
    // once. Otherwise the trigram index alone is asked for up to CountLimit + 1 ids: fewer are every hit, and give
    // the count and the page, read by id; more are common enough for the walk. bench/ measures it at 500,000 commitments.
    const int RecentWindow = 10_000;

    // Each sets every switch, so that each query's plan depends on its own line only. No parallel workers or JIT:
    // starting them costs more than these small reads. Custom plans always: Concord's statements are prepared
    // (Max Auto Prepare), and a generic plan would ignore how common the searched words are.
    const string TrigramIndexOnly = "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off; SET LOCAL enable_bitmapscan = on; SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL jit = off; SET LOCAL plan_cache_mode = force_custom_plan";
    const string WalkById = "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = on; SET LOCAL enable_bitmapscan = off; SET LOCAL max_parallel_workers_per_gather = 0; SET LOCAL jit = off; SET LOCAL plan_cache_mode = force_custom_plan";

    static async Task<(List<TShape> Rows, int? Count)> FindOnPostgresAsync<T, TShape>(ConcordDb db, IQueryable<T> source, IQueryable<T> matching,
        IQueryable<T> page, int? afterId, int take, Expression<Func<T, TShape>> select, CancellationToken ct) where T : Record
    {
        // Only a bound on ids: it reveals nothing of records the reader may not see.
        var top = await source.IgnoreQueryFilters().MaxAsync(x => (int?)x.Id, ct) ?? 0;
        var recentFrom = top - RecentWindow;
        await db.Database.ExecuteSqlRawAsync(WalkById, ct);
        if (await matching.Where(x => x.Id > recentFrom).Take(CountLimit + 1).CountAsync(ct) <= CountLimit)
        {
            await db.Database.ExecuteSqlRawAsync(TrigramIndexOnly, ct);
            var ids = await matching.Select(x => x.Id).Take(CountLimit + 1).ToListAsync(ct);
            if (ids.Count <= CountLimit)
            {
                var pageIds = ids.Where(i => afterId is null || i < afterId).OrderDescending().Take(take + 1).ToList();
                await db.Database.ExecuteSqlRawAsync(WalkById, ct);
                return (await source.AsNoTracking().Where(x => pageIds.Contains(x.Id)).OrderByDescending(x => x.Id).Select(select).ToListAsync(ct), ids.Count);
            }
        }
        await db.Database.ExecuteSqlRawAsync(WalkById, ct);
        return (await page.OrderByDescending(x => x.Id).Take(take + 1).Select(select).ToListAsync(ct), CountLimit + 1);
    }

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
