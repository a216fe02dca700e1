using System.Diagnostics;
using System.Globalization;
using System.Text;
using Concord.Bench;
using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Commitments;
using Concord.Features.Search;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging;
using Npgsql;

// Measures the app's own queries (SiteSearch, the commitments page, the home page, the documents) against a PostgreSQL
// database filled by `generate`, as a signed-in reader of the Lao side. bench/run.sh loads the database
// and calls this; see bench/README.md.
//   Concord.Bench --connection "Host=...;Database=..." --as-of DD/MM/YYYY --out results.md [--runs 5] [--load-log generate.log] [--only documents]

if (args is ["import", ..]) return await ImportBench.RunAsync(args[1..]);
if (args is ["load-setup", ..]) return await LoadSetup.RunAsync(args[1..]);

var inv = CultureInfo.InvariantCulture;
var arguments = Arguments.Parse(args);
if (arguments is null)
{
    Console.Error.WriteLine("Concord.Bench --connection CONNECTION --as-of DD/MM/YYYY --out FILE [--runs 5] [--load-log FILE]");
    return 2;
}
var (connectionString, asOf, outFile, runs, loadLog, _) = arguments;

var builder = Host.CreateApplicationBuilder();
// EF's warnings on the app's queries (a Take without OrderBy before a count) are not what is measured here.
builder.Logging.SetMinimumLevel(LogLevel.Error);
builder.Configuration["Database:Provider"] = "Postgres";
builder.Configuration["ConnectionStrings:Concord"] = connectionString;
builder.AddConcordDatabase();
var capture = new QueryCapture();
builder.Services.ConfigureDbContext<PostgresConcordDb>((_, o) => o.AddInterceptors(capture));
using var host = builder.Build();

// The data's "today": statuses and due dates were generated relative to it.
// The data's "today" at noon in Vientiane and Hanoi (UTC+7).
var clock = new FixedClock(new DateTimeOffset(asOf.ToDateTime(new TimeOnly(5, 0)), TimeSpan.Zero));
// A reader of the Lao side, signed in: every query goes through the visibility filter as theirs would.
// No account is read, so none needs to exist.
var reader = new CurrentUser { AccountId = 0, Name = "bench reader", Role = Role.Reader, Country = Sides.Laos };
var coordinator = new CurrentUser { AccountId = 0, Name = "bench coordinator", Role = Role.Coordinator, Country = Sides.Laos };
CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("lo-LA");

async Task<T> WithDbAsync<T>(Func<ConcordDb, Task<T>> work, CurrentUser? viewer = null)
{
    using var scope = host.Services.CreateScope();
    await using var db = new PostgresConcordDb(scope.ServiceProvider.GetRequiredService<DbContextOptions<PostgresConcordDb>>(), clock, viewer ?? reader);
    return await work(db);
}

await using var explainConnection = new NpgsqlConnection(connectionString);
await explainConnection.OpenAsync();

// Cursors deep in the lists, found before the measurements (these queries are not measured).
var deepPeriod = await WithDbAsync(db => db.Commitments.OrderByDescending(c => c.PeriodStart).ThenByDescending(c => c.Id)
    .Skip(250_000).Select(c => new { c.PeriodStart, c.Id }).FirstOrDefaultAsync());
var deepDue = await WithDbAsync(db => db.Commitments.Where(c => c.DueOn != null).OrderBy(c => c.DueOn).ThenBy(c => c.Id)
    .Skip(100_000).Select(c => new { c.DueOn, c.Id }).FirstOrDefaultAsync());
var hopTacNext = (await WithDbAsync(db => SiteSearch.RunAsync(db, "hop tac", SearchType.Commitments, null, null, default))).Groups[0].Next;

var scenarios = new List<Scenario>();
foreach (var (query, what) in new[]
{
    ("hợp tác", "Vietnamese, common"), ("hop tac", "the same without diacritics"),
    ("bảo hiểm thất nghiệp", "Vietnamese, a few % of commitments"), ("bao hiem that nghiep", "the same without diacritics"),
    ("Viêng Chăn", "Vietnamese, rare (the demo only)"), ("vieng chan", "the same without diacritics"),
    ("Bản Cân", "Vietnamese, two common syllables seldom together"), ("ban can", "the same without diacritics"),
    ("ແຮງງານ", "Lao: labour"), ("ສະຫວັດດີການສັງຄົມ", "Lao: social welfare"),
    ("labour", "English, common"), ("unemployment insurance", "English, a few %"), ("UNICEF", "English, a partner's name"),
})
    scenarios.Add(new("search", $"`{query}`: {what}", async (db, ct) => Describe(await SiteSearch.RunAsync(db, query, null, null, null, ct))));
scenarios.Add(new("search", "`hop tac`, commitments only, second page", async (db, ct) => Describe(await SiteSearch.RunAsync(db, "hop tac", SearchType.Commitments, hopTacNext, null, ct))));

scenarios.Add(new("commitments", "first page", (db, ct) => CommitmentsPageAsync(db, new CommitmentFilter(), ct)));
if (deepPeriod is not null)
    scenarios.Add(new("commitments", "deep page, after row 250,000", (db, ct) =>
        CommitmentsPageAsync(db, new CommitmentFilter { After = Cursor.Encode((deepPeriod.PeriodStart ?? 0).ToString(inv), deepPeriod.Id) }, ct)));
scenarios.Add(new("commitments", "overdue, first page", (db, ct) => CommitmentsPageAsync(db, new CommitmentFilter { Overdue = true }, ct)));
scenarios.Add(new("commitments", "led by the Lao side, first page", (db, ct) => CommitmentsPageAsync(db, new CommitmentFilter { Side = Sides.Laos }, ct)));
if (deepDue is not null)
    scenarios.Add(new("commitments", "by due date, after row 100,000", (db, ct) =>
        CommitmentsPageAsync(db, new CommitmentFilter { Sort = CommitmentSort.Due, After = Cursor.Encode(deepDue.DueOn!.Value.ToString("yyyy-MM-dd", inv), deepDue.Id) }, ct)));

scenarios.Add(new("home", "home page of a reader (overdue count, the plan by status and area, latest reports, timeline)", (db, ct) => HomeAsync(db, reader, ct)));
// A coordinator's home page also counts the translation work left; the count is cached for a minute,
// so each run starts with an empty cache, as the first coordinator of the minute does.
scenarios.Add(new("home", "home page of a coordinator, translation counts not cached", (db, ct) => HomeAsync(db, coordinator, ct), coordinator));

// Documents (issue 14): the implementation report of a meeting with 500 clauses and two reports on each,
// made as the document job makes it (ImplementationReport.LoadAsync, then the DOCX or XLSX writer), and
// the yearly review over the whole data set. The generator makes no meeting that large, so the benchmark
// adds one (key "bench-500"), once, before measuring; --reuse finds it again.
var catalog = StringCatalog.FromDirectory(Directory.Exists(Path.Combine(AppContext.BaseDirectory, "Features"))
    ? Path.Combine(AppContext.BaseDirectory, "Features") : Path.Combine("src", "Concord.Web", "Features"));
var bigMeeting = await WithDbAsync(db => BigMeetingAsync(db, 500, 2), coordinator);
var reviewYear = asOf.Year - 1;
foreach (var format in new[] { Concord.Features.Documents.DocumentFileFormat.Docx, Concord.Features.Documents.DocumentFileFormat.Xlsx })
    scenarios.Add(new("documents", $"implementation report of a meeting with 500 commitments and 2 reports each, {format}, vi|lo",
        (db, ct) => ReportAsync500(db, bigMeeting, format, ct)));
scenarios.Add(new("documents", $"yearly review of {reviewYear} (page figures and charts)", async (db, ct) =>
{
    var review = await Concord.Features.Review.YearlyReview.LoadAsync(db, reviewYear, Sides.Laos, ct);
    return string.Create(inv, $"{review.Signed.Count:N0} instruments signed, {review.Partners.Count:N0} partners, {review.Meetings.Count:N0} meetings, {review.ActivitiesByKind.Sum(k => k.Count):N0} activities, {review.Charts.ByArea.Sum(a => a.Count):N0} commitments charted");
}));
scenarios.Add(new("documents", $"yearly review of {reviewYear}, DOCX", async (db, ct) =>
{
    var review = await Concord.Features.Review.YearlyReview.LoadAsync(db, reviewYear, Sides.Laos, ct);
    using var output = new MemoryStream();
    Concord.Features.Review.ReviewDocuments.WriteDocx(output, review, new Concord.Features.Documents.Issuer(Sides.Laos, null, "bench", null),
        [new Concord.Features.Documents.DocumentText("lo", catalog)], asOf);
    return string.Create(inv, $"{output.Length / 1024.0:N0} KB");
}));

var results = new List<Measured>();
// --only GROUP (search, commitments, home, documents) measures one group, e.g. the documents again after a change.
foreach (var scenario in scenarios.Where(s => arguments.Only is null || s.Group == arguments.Only))
{
    Console.Error.WriteLine($"{scenario.Group}: {scenario.Name}");
    var wall = new List<double>();
    var outcome = "";
    var memory = "";
    List<CapturedQuery> queries = [];
    for (var run = 0; run <= runs; run++)
    {
        capture.Clear();
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var watch = Stopwatch.StartNew();
        outcome = await WithDbAsync(db => scenario.Run(db, CancellationToken.None), scenario.Viewer);
        // Run 0 warms the connection pool, EF's query cache and PostgreSQL's buffers; it is not counted.
        if (run > 0) wall.Add(watch.Elapsed.TotalMilliseconds);
        if (run == 1 && scenario.Group == "documents")
        {
            using var self = Process.GetCurrentProcess();
            memory = string.Create(inv, $"; allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / 1024.0 / 1024:N1} MB, process peak working set so far {self.PeakWorkingSet64 / 1024.0 / 1024:N0} MB");
        }
        if (run == 1) queries = capture.Queries;
    }
    // The memory of the first counted run, kept past the later runs' outcomes (each run sets outcome anew).
    outcome += memory;
    var plans = new List<(CapturedQuery Query, Plan Plan)>();
    foreach (var query in queries) plans.Add((query, await query.ExplainAsync(explainConnection, CancellationToken.None)));
    results.Add(new Measured(scenario, outcome, wall, plans));
}

var report = await ReportAsync();
Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
await File.WriteAllTextAsync(outFile, report);
Console.WriteLine(Summary());
Console.WriteLine($"Written to {outFile}");
return 0;

async Task<string> HomeAsync(ConcordDb db, CurrentUser viewer, CancellationToken ct)
{
    using var cache = new MemoryCache(new MemoryCacheOptions());
    var page = new Concord.Features.Home.IndexModel(db, clock, viewer, cache, new KeysOnly());
    await page.OnGetAsync(ct);
    return string.Create(inv, $"{page.OverdueCount:N0} overdue, plan {page.Plan} with {page.PlanTotal:N0}");
}

async Task<string> ReportAsync500(ConcordDb db, int meeting, Concord.Features.Documents.DocumentFileFormat format, CancellationToken ct)
{
    var request = new Concord.Features.Documents.DocumentRequest(Concord.Features.Documents.DocumentKind.ImplementationReport, format, meeting, null, null, "vi", "lo", Sides.Vietnam, null);
    var report = await Concord.Features.Documents.ImplementationReport.LoadAsync(db, request, ct) ?? throw new InvalidOperationException("no bench meeting");
    using var output = new MemoryStream();
    var columns = request.Languages.Select(l => new Concord.Features.Documents.DocumentText(l, catalog)).ToList();
    if (format == Concord.Features.Documents.DocumentFileFormat.Xlsx) Concord.Features.Documents.ImplementationReportXlsx.Write(output, report, columns[0]);
    else Concord.Features.Documents.ImplementationReportDocx.Write(output, report, new Concord.Features.Documents.Issuer(Sides.Vietnam, null, "bench", null), columns, asOf);
    return string.Create(inv, $"{report.Total:N0} clauses, {report.Items.Sum(i => i.Reports.Count):N0} latest reports, {output.Length / 1024.0:N0} KB");
}

// A ministerial conference whose minutes hold `clauses` clauses, each led by one side and reported on
// `reports` times by it, in both languages; public, so the Lao reader sees it all. Made once.
async Task<int> BigMeetingAsync(ConcordDb db, int clauses, int reports)
{
    const string key = "bench-500";
    if (await db.Meetings.IgnoreQueryFilters().Where(m => m.Key == key).Select(m => (int?)m.Id).SingleOrDefaultAsync() is { } existing) return existing;
    var term = async (string vocabulary, string code) => await db.Terms.Where(t => t.Vocabulary == vocabulary && t.Code == code).Select(t => t.Id).SingleAsync();
    var areas = await db.Terms.Where(t => t.Vocabulary == Concord.Features.ReferenceData.Vocabularies.Area).Select(t => t.Id).ToListAsync();
    var vn = await db.Organisations.Where(o => o.Country == Sides.Vietnam).OrderBy(o => o.Id).Select(o => o.Id).Take(20).ToListAsync();
    var la = await db.Organisations.Where(o => o.Country == Sides.Laos).OrderBy(o => o.Id).Select(o => o.Id).Take(20).ToListAsync();
    var meeting = new Concord.Features.Meetings.Meeting
    {
        Key = key, KindId = await term(Concord.Features.ReferenceData.Vocabularies.MeetingKind, "ministerial-conference"), Number = 500,
        Title = new LocalizedText("Hội nghị thử tải 500 cam kết", "Load-test conference of 500 commitments", "ກອງປະຊຸມທົດສອບ 500 ຂໍ້ຜູກພັນ"),
        Visibility = Visibility.Public, StartsOn = asOf.AddYears(-1), StartsOnPrecision = DatePrecision.Day,
    };
    var instrument = new Concord.Features.Instruments.Instrument
    {
        Key = key, KindId = await term(Concord.Features.ReferenceData.Vocabularies.InstrumentKind, "minutes"), Meeting = meeting,
        Title = new LocalizedText("Biên bản thử tải", "Load-test minutes", "ບົດບັນທຶກທົດສອບ"), Status = Concord.Features.Instruments.InstrumentStatus.Signed,
        Visibility = Visibility.Public, SignedOn = asOf.AddYears(-1), SignedOnPrecision = DatePrecision.Day,
    };
    db.Meetings.Add(meeting);
    db.Instruments.Add(instrument);
    var random = new Random(500);
    for (var i = 0; i < clauses; i++)
    {
        var side = i % 2 == 0 ? Sides.Vietnam : Sides.Laos;
        var lead = side == Sides.Vietnam ? vn[i % vn.Count] : la[i % la.Count];
        var commitment = new Commitment
        {
            Instrument = instrument, Number = (i + 1).ToString(inv), Sequence = i + 1, AreaId = areas[i % areas.Count],
            Text = new LocalizedText($"Điều {i + 1}: hai Bên phối hợp đào tạo nghề, trao đổi kinh nghiệm về bảo hiểm xã hội và quản lý lao động tại vùng biên giới.",
                null, $"ຂໍ້ {i + 1}: ສອງຝ່າຍຮ່ວມມືກັນຝຶກອົບຮົມວິຊາຊີບ, ແລກປ່ຽນປະສົບການກ່ຽວກັບປະກັນສັງຄົມ ແລະ ການຄຸ້ມຄອງແຮງງານຢູ່ເຂດຊາຍແດນ."),
            Period = new Period(asOf.Year - 1, asOf.Year), Status = (CommitmentStatus)(i % 5), Visibility = Visibility.Public,
            Leads = [new CommitmentLead { OrganisationId = lead, Country = side }],
        };
        for (var r = 0; r < reports; r++)
            commitment.Reports.Add(new ProgressReport
            {
                Country = side, OrganisationId = lead, Period = new Period(asOf.Year - 1, asOf.Year), ReportedOn = asOf.AddDays(-30 * (r + 1) - random.Next(20)),
                Status = (CommitmentStatus)((i + r) % 5), Visibility = Visibility.Public,
                Narrative = new LocalizedText($"Báo cáo {r + 1} về điều {i + 1}: đã tổ chức các lớp đào tạo, đang chuẩn bị kế hoạch năm sau.", null,
                    $"ບົດລາຍງານ {r + 1} ກ່ຽວກັບຂໍ້ {i + 1}: ໄດ້ຈັດຊຸດຝຶກອົບຮົມ, ກຳລັງກະກຽມແຜນການປີໜ້າ."),
            });
        db.Commitments.Add(commitment);
    }
    await db.SaveChangesAsync();
    return meeting.Id;
}

async Task<string> CommitmentsPageAsync(ConcordDb db, CommitmentFilter filter, CancellationToken ct)
{
    // A cache of its own per call: what the page costs when its kept filter choices have expired.
    using var choices = new MemoryCache(new MemoryCacheOptions());
    var page = new Concord.Features.Commitments.IndexModel(db, clock, new KeysOnly(), choices) { Filter = filter };
    await page.OnGetAsync(ct);
    return $"{page.Results.Items.Count} rows" + (page.Results.Next is null ? ", no next page" : "");
}

string Describe(SearchResults found) => found.Groups.Count == 0 ? "too short" : string.Join(", ",
    found.Groups.Where(g => g.Count > 0).Select(g => string.Create(inv, $"{g.Type} {g.Count:N0}{(g.CountIsAtLeast ? "+" : "")}"))) is { Length: > 0 } s ? s : "no hits";

static string Ms(double ms) => double.IsNaN(ms) ? "" : ms.ToString(ms < 10 ? "0.0" : "N0", CultureInfo.InvariantCulture);

static double Median(List<double> values)
{
    var sorted = values.Order().ToList();
    return sorted.Count == 0 ? double.NaN : sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}

// Whether each search query read its table's trigram index; the others are named with what they did instead.
// SiteSearch's look at the newest records by id is left out: it is bounded by design.
static string TrigramUse(Measured m)
{
    var searches = m.Plans.Where(p => p.Query.IsSearch && !p.Query.IsRecentWindow).ToList();
    if (searches.Count == 0) return "";
    var without = searches.Where(p => !p.Plan.Reads($"IX_{p.Query.Table}_SearchText"))
        .Select(p => $"{p.Query.Table} {p.Query.Kind}: {string.Join(", ", p.Plan.Access.Where(a => a.Contains(p.Query.Table)))}").ToList();
    return $"{searches.Count - without.Count}/{searches.Count}" + (without.Count == 0 ? "" : $" (not: {string.Join("; ", without)})");
}

string Summary()
{
    var s = new StringBuilder();
    s.AppendLine("| | scenario | result | wall median ms | wall max ms | queries | database ms | slowest query | trigram index read by search queries |");
    s.AppendLine("|---|---|---|---:|---:|---:|---:|---|---|");
    foreach (var m in results)
    {
        var slowest = m.Plans.MaxBy(p => p.Plan.ExecutionMs);
        var slowestText = slowest.Query is null ? "" : string.Join(" ", slowest.Query.Table, slowest.Query.Kind + ",", Ms(slowest.Plan.ExecutionMs), "ms");
        string[] cells = [m.Scenario.Group, m.Scenario.Name, m.Outcome, Ms(Median(m.Wall)), Ms(m.Wall.DefaultIfEmpty(double.NaN).Max()),
            m.Plans.Count.ToString(CultureInfo.InvariantCulture), Ms(m.Plans.Sum(p => p.Plan.ExecutionMs)), slowestText, TrigramUse(m)];
        s.AppendLine("| " + string.Join(" | ", cells) + " |");
    }
    return s.ToString();
}

async Task<string> ReportAsync()
{
    async Task<string> Scalar(string sql)
    {
        await using var command = new NpgsqlCommand(sql, explainConnection) { CommandTimeout = 600 };
        return Convert.ToString(await command.ExecuteScalarAsync(), inv) ?? "";
    }
    var s = new StringBuilder();
    s.AppendLine(string.Create(inv, $"# Benchmark of {DateTime.Now:yyyy-MM-dd HH:mm}"));
    s.AppendLine();
    s.AppendLine("Written by `bench/run.sh` (see bench/README.md). Every scenario runs the app's own code (SiteSearch, the page models of");
    s.AppendLine("/commitments and of the home page) once to warm up, then " + runs + " times; **wall** is the time of the app call (queries and");
    s.AppendLine("mapping, no HTML). Every query it sent is then run once more under `EXPLAIN (ANALYZE, BUFFERS)` with the same parameters:");
    s.AppendLine("**database ms** is the sum of their execution times. The reader is a signed-in reader of the Lao side, in Lao.");
    s.AppendLine();
    s.AppendLine("## Machine and data");
    s.AppendLine();
    var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ')[..3] : [];
    s.AppendLine(string.Create(inv, $"- {Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024:0} GB memory, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}; load average at the end {string.Join(" ", load)}"));
    var settings = new List<string>();
    foreach (var name in new[] { "shared_buffers", "work_mem", "effective_cache_size", "random_page_cost", "max_parallel_workers_per_gather" })
        settings.Add($"{name} {await Scalar($"SHOW {name}")}");
    var version = await Scalar("SHOW server_version");
    s.AppendLine($"- PostgreSQL {version}, the throwaway server of scripts/postgres.sh with its settings: {string.Join(", ", settings)}");
    var bytes = long.Parse(await Scalar("SELECT pg_database_size(current_database())"), inv);
    s.AppendLine(string.Create(inv, $"- database {bytes / 1024.0 / 1024:N0} MB; the data's today {asOf:dd/MM/yyyy}"));
    foreach (var table in new[] { "Commitments", "ProgressReports", "CommitmentLeads", "Instruments", "Meetings", "Activities", "Organisations", "People" })
    {
        var rows = long.Parse(await Scalar($"SELECT count(*) FROM \"{table}\""), inv);
        s.AppendLine(string.Create(inv, $"- {table}: {rows:N0} rows"));
    }
    if (loadLog is not null && File.Exists(loadLog))
    {
        s.AppendLine();
        s.AppendLine("Loaded with the app's generator:");
        s.AppendLine();
        s.AppendLine("```");
        s.AppendLine((await File.ReadAllTextAsync(loadLog)).TrimEnd());
        s.AppendLine("```");
    }
    s.AppendLine();
    s.AppendLine("## Summary");
    s.AppendLine();
    s.Append(Summary());
    s.AppendLine();
    var slow = results.SelectMany(m => m.Plans.Select(p => (m, p))).Where(x => x.p.Plan.ExecutionMs > 200).ToList();
    s.AppendLine("## Queries over 200 ms");
    s.AppendLine();
    s.AppendLine(slow.Count == 0 ? "None." : string.Join("\n", slow.Select(x => string.Create(inv, $"- {x.m.Scenario.Group}, {x.m.Scenario.Name}: {x.p.Query.Table} {x.p.Query.Kind}, {Ms(x.p.Plan.ExecutionMs)} ms"))));
    s.AppendLine();
    s.AppendLine("## Every query");
    s.AppendLine();
    s.AppendLine("Plans are given in full for the search queries on commitments and for every query over 20 ms.");
    foreach (var m in results)
    {
        s.AppendLine();
        s.AppendLine($"### {m.Scenario.Group}: {m.Scenario.Name}");
        s.AppendLine();
        s.AppendLine("| # | table | kind | planner settings | ms | rows | buffers | access |");
        s.AppendLine("|---:|---|---|---|---:|---:|---|---|");
        for (var i = 0; i < m.Plans.Count; i++)
        {
            var (q, p) = m.Plans[i];
            var kind = q.IsRecentWindow ? "newest by id" : q.Kind;
            var planner = Planner(q.Settings);
            s.AppendLine(string.Create(inv, $"| {i + 1} | {q.Table} | {kind} | {planner} | {Ms(p.ExecutionMs)} | {p.Rows:N0} | {p.Buffers} | {string.Join("; ", p.Access)} |"));
        }
        for (var i = 0; i < m.Plans.Count; i++)
        {
            var (q, p) = m.Plans[i];
            if (!(p.ExecutionMs > 20 || (q.IsSearch && q.Table == "Commitments"))) continue;
            s.AppendLine();
            s.AppendLine(string.Create(inv, $"Query {i + 1} ({q.Table} {q.Kind}, {Ms(p.ExecutionMs)} ms):"));
            s.AppendLine();
            s.AppendLine("```");
            s.AppendLine(p.Text);
            s.AppendLine("```");
        }
    }
    return s.ToString();
}

// The planner settings in force for a query, each with its last value ("enable_sort=on"), from SET LOCAL lines or set_config calls.
static string Planner(string? settings)
{
    if (settings is null) return "";
    var values = new Dictionary<string, string>();
    foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(settings, @"set_config\('(\w+)', '(\w+)'|SET LOCAL (\w+) = (\w+)"))
        if (m.Groups[1].Success) values[m.Groups[1].Value] = m.Groups[2].Value;
        else values[m.Groups[3].Value] = m.Groups[4].Value;
    return string.Join(", ", values.Select(v => $"{v.Key}={v.Value}"));
}

sealed record Scenario(string Group, string Name, Func<ConcordDb, CancellationToken, Task<string>> Run, CurrentUser? Viewer = null);

sealed record Measured(Scenario Scenario, string Outcome, List<double> Wall, List<(CapturedQuery Query, Plan Plan)> Plans);

sealed record Arguments(string Connection, DateOnly AsOf, string Out, int Runs, string? LoadLog, string? Only)
{
    public static Arguments? Parse(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        if (Value("--connection") is not { } connection || Value("--out") is not { } output) return null;
        if (!DateOnly.TryParseExact(Value("--as-of"), "dd/MM/yyyy", CultureInfo.InvariantCulture, DateTimeStyles.None, out var asOf)) return null;
        var runs = int.TryParse(Value("--runs"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : 5;
        return new Arguments(connection, asOf, output, runs, Value("--load-log"), Value("--only"));
    }
}

sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now.ToUniversalTime();
}

// The commitments page looks strings up only for filter errors, and the benchmark's filters have none.
sealed class KeysOnly : IStringLocalizer
{
    public LocalizedString this[string name] => new(name, name);
    public LocalizedString this[string name, params object[] arguments] => new(name, name);
    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
}

