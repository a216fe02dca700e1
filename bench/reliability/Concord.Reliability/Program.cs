using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Concord.Features.Accounts;
using Concord.Features.Accounts.Tokens;
using Microsoft.Data.Sqlite;
using Npgsql;

// Concord's reliability suite (bench/reliability/README.md). Drives the published app, started here as its
// own process (dotnet Concord.Web.dll), over HTTP with API tokens, and checks the database afterwards:
//   1. 20 editors on one commitment: no acknowledged save lost, none out of order, no 5xx;
//   2. kill -9 of the app during writes, on SQLite and PostgreSQL: every acknowledged write still there, integrity ok;
//   3. a PostgreSQL restart under load: how long until writes succeed again, what clients got meanwhile, no duplicates.
var options = Options.Parse(args);
var report = new Report();
report.Line($"# Reliability, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
report.Line();
report.Line($"Machine: {Environment.ProcessorCount} cores, {Environment.OSVersion}; .NET {Environment.Version}. " +
            $"Editors {options.Editors} for {options.EditSeconds} s; {options.Writers} writers; {options.KillRounds} kills per database. " +
            $"Load average at the start (other work on the machine included): {LoadAverage()}.");
report.Line();
var failures = new List<string>();

foreach (var provider in options.Providers)
{
    var connection = await Database.CreateAsync(provider, options);
    await using var app = new App(options, provider, connection);
    await app.StartAsync();
    var token = await Database.CreateTokenAsync(provider, connection);
    report.Line($"## {provider}");
    report.Line();
    failures.AddRange(await Scenarios.EditorsAsync(options, app, provider, connection, token, report));
    failures.AddRange(await Scenarios.KillDuringWritesAsync(options, app, provider, connection, token, report));
    if (provider == "Postgres") failures.AddRange(await Scenarios.PostgresRestartAsync(options, app, provider, connection, token, report));
    await app.StopAsync();
}

report.Line($"Load average at the end: {LoadAverage()}.");
report.Line();
report.Line("## Verdict");
report.Line();
report.Line(failures.Count == 0 ? "Every check held." : string.Join("\n", failures.Select(f => $"- FAILED: {f}")));
await File.WriteAllTextAsync(options.Out, report.ToString());
Console.WriteLine($"\nWritten to {options.Out}");
return failures.Count == 0 ? 0 : 1;

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

sealed record Options(string AppDll, string Work, string PgServer, string PgData, string PgBin, string Out,
    int Editors, int EditSeconds, int Writers, int WriteSeconds, int KillRounds, string[] Providers)
{
    public static Options Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 0; i + 1 < args.Length; i += 2) values[args[i].TrimStart('-')] = args[i + 1];
        string Get(string name, string? fallback = null) => values.GetValueOrDefault(name) ?? fallback ?? throw new ArgumentException($"--{name} is required");
        int Number(string name, int fallback) => int.Parse(Get(name, fallback.ToString(CultureInfo.InvariantCulture)), CultureInfo.InvariantCulture);
        return new Options(Get("app"), Get("work"), Get("pg"), Get("pg-data"), Get("pg-bin"), Get("out"),
            Number("editors", 20), Number("seconds", 60), Number("writers", 8), Number("write-seconds", 20), Number("kills", 3),
            Get("providers", "Postgres,Sqlite").Split(','));
    }
}

sealed class Report
{
    readonly StringBuilder text = new();
    public void Line(string line = "")
    {
        Console.WriteLine(line);
        text.AppendLine(line);
    }
    public override string ToString() => text.ToString();
}

// The published app as an operator runs it: its own process, its own port, logs to a file.
sealed class App(Options options, string provider, string connection) : IAsyncDisposable
{
    Process? process;
    int starts;
    public Uri Address { get; private set; } = new("http://127.0.0.1");

    public async Task<TimeSpan> StartAsync()
    {
        var port = FreePort();
        Address = new Uri($"http://127.0.0.1:{port}");
        var log = Path.Combine(options.Work, $"app-{provider.ToLowerInvariant()}-{++starts}.log");
        var start = new ProcessStartInfo("bash", ["-c", $"exec dotnet \"{options.AppDll}\" >> \"{log}\" 2>&1"])
        {
            WorkingDirectory = Path.GetDirectoryName(options.AppDll)!,
        };
        // Staging: Release behaviour (exception handler, no developer page) without Production's refusal of the
        // demo accounts, whose coordinator owns the suite's token. The API limit (300 a minute per account) is
        // lifted: the suite measures what is saved, not the limiter, and all its clients share one account.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        start.Environment["ASPNETCORE_URLS"] = Address.ToString();
        start.Environment["Database__Provider"] = provider;
        start.Environment["ConnectionStrings__Concord"] = connection;
        start.Environment["RateLimits__ApiPerMinute"] = "1000000";
        start.Environment["Logging__LogLevel__Microsoft.EntityFrameworkCore"] = "Warning";
        var started = Stopwatch.StartNew();
        process = Process.Start(start)!;
        using var probe = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(5) };
        while (started.Elapsed < TimeSpan.FromSeconds(180))
        {
            if (process.HasExited) throw new InvalidOperationException($"Concord exited with {process.ExitCode}; see {log}");
            try
            {
                if ((await probe.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK) return started.Elapsed;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            await Task.Delay(200);
        }
        throw new TimeoutException($"Concord not ready after 180 s; see {log}");
    }

    // SIGKILL: no shutdown hooks, no flushing, as a power cut or the OOM killer would.
    public void KillHard()
    {
        process!.Kill();
        process.WaitForExit();
    }

    public async Task StopAsync()
    {
        if (process is { HasExited: false })
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public HttpClient Client(string token)
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 200, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
        {
            BaseAddress = Address,
            Timeout = TimeSpan.FromSeconds(60),
        };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("en");
        return client;
    }
}

static class Database
{
    public static async Task<string> CreateAsync(string provider, Options options)
    {
        var name = $"concord_reliability_{DateTime.UtcNow:HHmmss}";
        if (provider == "Sqlite") return $"Data Source={Path.Combine(options.Work, name + ".db")}";
        await using var server = new NpgsqlConnection(options.PgServer);
        await server.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
        await create.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(options.PgServer) { Database = name }.ConnectionString;
    }

    public static DbConnection Open(string provider, string connection)
    {
        // Unpooled: the suite's own connections must not be broken ones left in a pool by the restart it causes.
        DbConnection c = provider == "Sqlite" ? new SqliteConnection(connection) : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Pooling = false }.ConnectionString);
        c.Open();
        return c;
    }

    public static async Task<List<object?[]>> QueryAsync(string provider, string connection, string sql, params object[] parameters)
    {
        await using var c = Open(provider, connection);
        await using var command = c.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < parameters.Length; i++)
        {
            var p = command.CreateParameter();
            p.ParameterName = $"p{i}";
            p.Value = parameters[i];
            command.Parameters.Add(p);
        }
        command.CommandTimeout = 600;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<object?[]>();
        while (await reader.ReadAsync())
        {
            var row = new object?[reader.FieldCount];
            for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
            rows.Add(row);
        }
        return rows;
    }

    // A token for the demo Vietnamese coordinator, made as /account/tokens makes one (a hash stored, the
    // token kept by its owner): the suite's clients are scripts, as the README says scripts should be.
    public static async Task<string> CreateTokenAsync(string provider, string connection)
    {
        var email = DemoAccounts.Email(Role.Coordinator, "VN").ToUpperInvariant();
        var account = Convert.ToInt32((await QueryAsync(provider, connection, "SELECT \"Id\" FROM \"AspNetUsers\" WHERE \"NormalizedEmail\" = @p0", email)).Single()[0], CultureInfo.InvariantCulture);
        var (token, prefix) = PersonalTokens.Generate();
        var now = DateTime.UtcNow;
        await QueryAsync(provider, connection,
            "INSERT INTO \"ApiTokens\" (\"AccountId\", \"Name\", \"Prefix\", \"Hash\", \"Scopes\", \"CreatedAt\", \"ExpiresAt\") VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6)",
            account, "reliability suite", prefix, TokenAuthenticationHandler.Hash(token), $"{TokenScopes.Read} {TokenScopes.Report} {TokenScopes.Edit}", now, now.AddDays(1));
        return token;
    }

    // Rows per marker among the progress reports the suite wrote.
    public static async Task<Dictionary<string, int>> MarkersAsync(string provider, string connection, string run) =>
        (await QueryAsync(provider, connection, "SELECT \"Narrative_En\", COUNT(*) FROM \"ProgressReports\" WHERE \"Narrative_En\" LIKE @p0 GROUP BY \"Narrative_En\"", run + "%"))
            .ToDictionary(r => (string)r[0]!, r => Convert.ToInt32(r[1], CultureInfo.InvariantCulture));

    // SQLite: integrity_check and foreign_key_check. PostgreSQL: amcheck over every B-tree index (with the
    // heap's every tuple looked up in it) and verify_heapam over every table of the database.
    public static async Task<string> IntegrityAsync(string provider, string connection)
    {
        if (provider == "Sqlite")
        {
            var integrity = string.Join("; ", (await QueryAsync(provider, connection, "PRAGMA integrity_check")).Select(r => r[0]));
            var keys = (await QueryAsync(provider, connection, "PRAGMA foreign_key_check")).Count;
            return integrity == "ok" && keys == 0 ? "ok" : $"integrity_check: {integrity}; foreign key violations: {keys}";
        }
        await QueryAsync(provider, connection, "CREATE EXTENSION IF NOT EXISTS amcheck");
        var indexes = await QueryAsync(provider, connection, """
            SELECT COUNT(*) FROM (
              SELECT bt_index_check(c.oid, true) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid
              JOIN pg_am a ON a.oid = c.relam JOIN pg_namespace n ON n.oid = c.relnamespace
              WHERE a.amname = 'btree' AND n.nspname = 'public' AND i.indisvalid) checked
            """);
        var heap = await QueryAsync(provider, connection, """
            SELECT COUNT(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
              LATERAL verify_heapam(c.oid) v
            WHERE c.relkind = 'r' AND n.nspname = 'public'
            """);
        var corrupt = Convert.ToInt64(heap.Single()[0], CultureInfo.InvariantCulture);
        return corrupt == 0 ? $"ok (amcheck: {indexes.Single()[0]} B-tree indexes, every table's heap)" : $"verify_heapam found {corrupt} corrupt tuples";
    }
}

static class Scenarios
{
    // 20 editors save the same commitment as fast as they can, each with the version it read; on 409 it reads
    // again and retries. Every save acknowledged (200) must be in the commitment's audit history, in the order of
    // the versions the API gave, and the record must end as the last acknowledged save left it.
    public static async Task<List<string>> EditorsAsync(Options options, App app, string provider, string connection, string token, Report report)
    {
        using var client = app.Client(token);
        var page = await client.GetFromJsonAsync<JsonObject>("/api/commitments?size=1");
        var id = page!["items"]![0]!["id"]!.GetValue<int>();
        var run = $"rel-edit-{Guid.NewGuid().ToString("N")[..6]}";
        var acknowledged = new List<(int Version, string Marker)>();
        var latencies = new List<double>();
        var statuses = new Dictionary<int, int>();
        var conflicts = 0;
        var otherErrors = new List<string>();
        var until = DateTime.UtcNow.AddSeconds(options.EditSeconds);
        var clock = Stopwatch.StartNew();

        await Task.WhenAll(Enumerable.Range(0, options.Editors).Select(async editor =>
        {
            for (var n = 0; DateTime.UtcNow < until; n++)
            {
                var current = await client.GetFromJsonAsync<JsonObject>($"/api/commitments/{id}");
                var marker = $"{run} e{editor:00} n{n:0000}";
                var started = Stopwatch.GetTimestamp();
                using var response = await client.PutAsJsonAsync($"/api/commitments/{id}", Input(current!, marker));
                var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                lock (statuses)
                {
                    latencies.Add(ms);
                    statuses[(int)response.StatusCode] = statuses.GetValueOrDefault((int)response.StatusCode) + 1;
                    if (response.StatusCode == HttpStatusCode.Conflict) conflicts++;
                }
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    var saved = await response.Content.ReadFromJsonAsync<JsonObject>();
                    lock (acknowledged) acknowledged.Add((saved!["version"]!.GetValue<int>(), marker));
                }
                else if (response.StatusCode != HttpStatusCode.Conflict)
                {
                    var body = await response.Content.ReadAsStringAsync();
                    lock (otherErrors) otherErrors.Add($"{(int)response.StatusCode}: {body[..Math.Min(300, body.Length)]}");
                }
            }
        }));
        var elapsed = clock.Elapsed;

        // The audit rows of this commitment, oldest first; the first row in which each marker appears is its save.
        var audit = (await Database.QueryAsync(provider, connection,
                "SELECT \"Changes\" FROM \"AuditEntries\" WHERE \"RecordType\" = 'Commitment' AND \"RecordId\" = @p0 ORDER BY \"Id\"", id))
            .Select(r => (string)r[0]!).ToList();
        var ordered = acknowledged.OrderBy(a => a.Version).ToList();
        var positions = ordered.Select(a => audit.FindIndex(row => row.Contains(a.Marker, StringComparison.Ordinal))).ToList();
        var missing = positions.Count(p => p < 0);
        var outOfOrder = positions.Where(p => p >= 0).Zip(positions.Where(p => p >= 0).Skip(1)).Count(pair => pair.First >= pair.Second);
        var duplicateVersions = ordered.Count - ordered.Select(a => a.Version).Distinct().Count();
        var final = await client.GetFromJsonAsync<JsonObject>($"/api/commitments/{id}");
        var last = ordered.LastOrDefault();
        var finalMatches = final!["sources"]?.GetValue<string>() == last.Marker && final["version"]!.GetValue<int>() == last.Version;
        var fiveHundreds = statuses.Where(s => s.Key >= 500).Sum(s => s.Value);
        latencies.Sort();

        report.Line($"### {options.Editors} concurrent editors on one commitment (id {id}), {elapsed.TotalSeconds:0} s");
        report.Line();
        report.Line("| figure | value |");
        report.Line("|---|---|");
        report.Line($"| PUTs sent | {latencies.Count} |");
        report.Line($"| saves acknowledged (200) | {acknowledged.Count} ({acknowledged.Count / elapsed.TotalSeconds:0.0}/s) |");
        report.Line($"| conflicts (409, re-read and retried) | {conflicts} |");
        report.Line($"| 5xx | {fiveHundreds} |");
        var others = string.Join(", ", statuses.Where(s => s.Key is not (200 or 409) && s.Key < 500).Select(s => $"{s.Key}: {s.Value}"));
        report.Line($"| other answers | {(others.Length == 0 ? "none" : others)} |");
        report.Line($"| PUT latency p50 / p95 / max | {Percentile(latencies, 0.50):0} / {Percentile(latencies, 0.95):0} / {latencies.LastOrDefault():0} ms |");
        report.Line($"| acknowledged saves missing from the audit history | {missing} |");
        report.Line($"| acknowledged saves out of order in the audit history | {outOfOrder} |");
        report.Line($"| two acknowledged saves with the same version | {duplicateVersions} |");
        report.Line($"| final record = last acknowledged save (text and version {last.Version}) | {(finalMatches ? "yes" : "NO")} |");
        report.Line();
        foreach (var e in otherErrors.Take(3)) report.Line($"    {e}");

        var failed = new List<string>();
        if (acknowledged.Count == 0) failed.Add($"{provider} editors: no save acknowledged");
        if (missing + outOfOrder + duplicateVersions > 0 || !finalMatches) failed.Add($"{provider} editors: lost or reordered updates");
        if (fiveHundreds > 0) failed.Add($"{provider} editors: {fiveHundreds} answers 5xx");
        return failed;
    }

    // The commitment's input as the API's GET shows it, with the editor's marker in its sources.
    static JsonObject Input(JsonObject c, string marker) => new()
    {
        ["instrumentId"] = c["instrumentId"]!.GetValue<int>(),
        ["number"] = c["number"]?.GetValue<string>(),
        ["textVi"] = c["text"]?["vi"]?.GetValue<string>(),
        ["textEn"] = c["text"]?["en"]?.GetValue<string>(),
        ["textLo"] = c["text"]?["lo"]?.GetValue<string>(),
        ["areaId"] = c["areaId"]!.GetValue<int>(),
        ["period"] = c["period"]?.GetValue<string>(),
        ["dueOn"] = c["dueOn"]?.GetValue<string>(),
        ["status"] = c["status"]!.GetValue<string>(),
        ["leadIds"] = new JsonArray(c["leads"]!.AsArray().Select(l => (JsonNode)l!["organisationId"]!.GetValue<int>()).ToArray()),
        ["sources"] = marker,
        ["visibility"] = c["visibility"]!.GetValue<string>(),
        ["originalLanguage"] = c["original"]?.GetValue<string>(),
        ["version"] = c["version"]!.GetValue<int>(),
    };

    static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(p * sorted.Count) - 1)];

    // Writers record progress reports, each with its own marker; the app is killed with SIGKILL in the middle,
    // restarted, and every report whose 201 a writer received must be there once.
    public static async Task<List<string>> KillDuringWritesAsync(Options options, App app, string provider, string connection, string token, Report report)
    {
        var failed = new List<string>();
        report.Line($"### kill -9 of the app during writes ({options.Writers} writers, {options.KillRounds} kills)");
        report.Line();
        report.Line("| kill | acknowledged before the kill | in flight | of those, saved anyway | acknowledged missing after restart | duplicates | restart until ready | integrity |");
        report.Line("|---|---|---|---|---|---|---|---|");
        var target = await ReportTargetAsync(app, provider, connection, token);
        for (var round = 1; round <= options.KillRounds; round++)
        {
            var run = $"rel-kill-{provider[..2].ToLowerInvariant()}{round}-{Guid.NewGuid().ToString("N")[..6]}";
            using var client = app.Client(token);
            var acknowledged = new List<string>();
            var attempted = new List<string>();
            var stop = new CancellationTokenSource();
            var writers = Enumerable.Range(0, options.Writers).Select(async w =>
            {
                for (var n = 0; !stop.IsCancellationRequested; n++)
                {
                    var marker = $"{run}-w{w:00}-{n:00000}";
                    lock (attempted) attempted.Add(marker);
                    try
                    {
                        using var response = await client.PostAsJsonAsync($"/api/commitments/{target.Commitment}/reports", ReportInput(target, marker));
                        if (response.StatusCode == HttpStatusCode.Created) lock (acknowledged) acknowledged.Add(marker);
                        else if ((int)response.StatusCode < 500) throw new InvalidOperationException($"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                    }
                    catch (HttpRequestException) { await Task.Delay(50); }
                    catch (TaskCanceledException) { }
                }
            }).ToList();
            // A random moment between 3 and 8 seconds into the writes.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(3000, 8000)));
            app.KillHard();
            stop.Cancel();
            await Task.WhenAll(writers);
            List<string> acked;
            lock (acknowledged) acked = [.. acknowledged];
            var inFlight = attempted.Except(acked).ToList();
            var ready = await app.StartAsync();
            var saved = await Database.MarkersAsync(provider, connection, run);
            var missing = acked.Count(m => !saved.ContainsKey(m));
            var duplicates = saved.Values.Sum(v => v - 1);
            var savedAnyway = inFlight.Count(saved.ContainsKey);
            var integrity = await Database.IntegrityAsync(provider, connection);
            report.Line($"| {round} | {acked.Count} | {inFlight.Count} | {savedAnyway} | {missing} | {duplicates} | {ready.TotalSeconds:0.0} s | {integrity} |");
            if (acked.Count == 0) failed.Add($"{provider} kill {round}: nothing acknowledged before the kill");
            if (missing > 0) failed.Add($"{provider} kill {round}: {missing} acknowledged writes missing");
            if (duplicates > 0) failed.Add($"{provider} kill {round}: {duplicates} duplicates");
            if (!integrity.StartsWith("ok", StringComparison.Ordinal)) failed.Add($"{provider} kill {round}: {integrity}");
        }
        report.Line();
        return failed;
    }

    sealed record Target(int Commitment, string Period, int Organisation);

    static JsonObject ReportInput(Target target, string marker) => new()
    {
        ["country"] = "VN",
        ["organisationId"] = target.Organisation,
        ["period"] = target.Period,
        ["status"] = "InProgress",
        ["narrativeEn"] = marker,
        ["reportedOn"] = DateTime.UtcNow.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
    };

    // A commitment with a period, reported on by the Vietnamese coordinator's own department.
    static async Task<Target> ReportTargetAsync(App app, string provider, string connection, string token)
    {
        using var client = app.Client(token);
        var page = await client.GetFromJsonAsync<JsonObject>("/api/commitments?size=50");
        var commitment = page!["items"]!.AsArray().First(c => c!["periodStart"] is not null)!;
        var organisation = Convert.ToInt32((await Database.QueryAsync(provider, connection, "SELECT \"Id\" FROM \"Organisations\" WHERE \"Key\" = @p0", "vn-molisa-icd")).Single()[0], CultureInfo.InvariantCulture);
        var target = new Target(commitment["id"]!.GetValue<int>(), commitment["period"]!.GetValue<string>(), organisation);
        using var probe = await client.PostAsJsonAsync($"/api/commitments/{target.Commitment}/reports", ReportInput(target, "rel-probe"));
        if (probe.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"A progress report is refused: {(int)probe.StatusCode} {await probe.Content.ReadAsStringAsync()}");
        return target;
    }

    // PostgreSQL restarted (pg_ctl restart -m fast) while writers record reports. A writer whose request fails
    // (any 5xx, or no answer) sends the same marker again until it is acknowledged, as a careful client does;
    // afterwards each marker must be in the database exactly once.
    public static async Task<List<string>> PostgresRestartAsync(Options options, App app, string provider, string connection, string token, Report report)
    {
        var target = await ReportTargetAsync(app, provider, connection, token);
        var run = $"rel-restart-{Guid.NewGuid().ToString("N")[..6]}";
        using var client = app.Client(token);
        var events = new List<(double At, int Status, double Started)>();
        var acknowledged = new List<string>();
        var clock = Stopwatch.StartNew();
        double restartAt = -1, restartDone = -1;
        var stop = new CancellationTokenSource();
        var writers = Enumerable.Range(0, options.Writers).Select(async w =>
        {
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var marker = $"{run}-w{w:00}-{n:00000}";
                while (true)
                {
                    var started = clock.Elapsed.TotalSeconds;
                    int status;
                    TimeSpan? retryAfter = null;
                    try
                    {
                        using var response = await client.PostAsJsonAsync($"/api/commitments/{target.Commitment}/reports", ReportInput(target, marker));
                        status = (int)response.StatusCode;
                        retryAfter = response.Headers.RetryAfter?.Delta;
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { status = 0; }
                    lock (events) events.Add((clock.Elapsed.TotalSeconds, status, started));
                    if (status == 201)
                    {
                        lock (acknowledged) acknowledged.Add(marker);
                        break;
                    }
                    if (status is > 0 and < 500) throw new InvalidOperationException($"unexpected {status}");
                    // Retry-After says 5 s; a client in a hurry waits less, and still must not make a duplicate.
                    await Task.Delay(retryAfter is { } wait ? TimeSpan.FromMilliseconds(Math.Min(wait.TotalMilliseconds, 1000)) : TimeSpan.FromMilliseconds(500));
                }
            }
        }).ToList();

        await Task.Delay(TimeSpan.FromSeconds(5));
        restartAt = clock.Elapsed.TotalSeconds;
        var pgctl = await RestartPostgresAsync(options);
        restartDone = clock.Elapsed.TotalSeconds;
        await Task.Delay(TimeSpan.FromSeconds(options.WriteSeconds));
        stop.Cancel();
        await Task.WhenAll(writers);

        var saved = await Database.MarkersAsync(provider, connection, run);
        var missing = acknowledged.Count(m => !saved.ContainsKey(m));
        var duplicates = saved.Values.Sum(v => v - 1);
        var window = events.Where(e => e.Started >= restartAt - 0.001 || e.At >= restartAt).ToList();
        var firstOk = window.Where(e => e.Status == 201 && e.Started >= restartAt).Select(e => e.At).DefaultIfEmpty(double.NaN).Min();
        var lastFailure = events.Where(e => e.Status != 201).Select(e => e.At).DefaultIfEmpty(double.NaN).Max();
        var answers = events.Where(e => e.At >= restartAt).GroupBy(e => e.Status).OrderBy(g => g.Key)
            .Select(g => $"{(g.Key == 0 ? "no answer" : g.Key.ToString(CultureInfo.InvariantCulture))}: {g.Count()}");
        var failuresDuring = events.Count(e => e.Status != 201);
        var slowest = events.Where(e => e.At >= restartAt && e.Status == 201).Select(e => e.At - e.Started).DefaultIfEmpty(0).Max();
        var integrity = await Database.IntegrityAsync(provider, connection);

        report.Line($"### PostgreSQL restarted under load (pg_ctl restart -m fast, {options.Writers} writers)");
        report.Line();
        report.Line("| figure | value |");
        report.Line("|---|---|");
        report.Line($"| pg_ctl restart took | {restartDone - restartAt:0.00} s ({pgctl}) |");
        report.Line($"| from the restart to the first acknowledged write sent after it | {firstOk - restartAt:0.00} s |");
        report.Line($"| slowest acknowledged write after the restart (EF Core's retries inside) | {slowest:0.00} s |");
        report.Line($"| failed answers clients saw | {failuresDuring}{(failuresDuring > 0 ? $" (last {lastFailure - restartAt:0.00} s after the restart)" : "")} |");
        report.Line($"| answers from the restart on | {string.Join(", ", answers)} |");
        report.Line($"| writes acknowledged | {acknowledged.Count} |");
        report.Line($"| acknowledged writes missing | {missing} |");
        report.Line($"| duplicates (a marker saved more than once) | {duplicates} |");
        report.Line($"| integrity after | {integrity} |");
        report.Line();

        var failed = new List<string>();
        if (missing > 0) failed.Add($"restart: {missing} acknowledged writes missing");
        if (duplicates > 0) failed.Add($"restart: {duplicates} duplicates");
        if (events.Any(e => e.Status is 500)) failed.Add($"restart: {events.Count(e => e.Status == 500)} answers 500 (503 expected while the database is away)");
        if (double.IsNaN(firstOk)) failed.Add("restart: no write succeeded after the restart");
        if (!integrity.StartsWith("ok", StringComparison.Ordinal)) failed.Add($"restart: {integrity}");
        return failed;
    }

    static async Task<string> RestartPostgresAsync(Options options)
    {
        // The same options as the first start (pg_ctl keeps them in postmaster.opts); its log where postgres.sh keeps it.
        var pgctl = Path.Combine(options.PgBin, "pg_ctl");
        string[] restart = [pgctl, "restart", "-D", options.PgData, "-l", Path.Combine(Path.GetDirectoryName(options.PgData)!, "server.log"), "-m", "fast", "-w", "-t", "60"];
        string[] command = Environment.UserName == "root" ? ["runuser", "-u", "postgres", "--", .. restart] : restart;
        var start = new ProcessStartInfo(command[0], command[1..]) { RedirectStandardOutput = true, RedirectStandardError = true };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0) throw new InvalidOperationException($"pg_ctl restart failed: {output}");
        return "exit 0";
    }
}
