using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Concord.Data;
using Concord.Features.Accounts;
using Concord.Features.Commitments;
using Concord.Features.Import;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Concord.Bench;

// Importing report rows from an XLSX template, as /import does it: the template of N commitments written by the app,
// filled (a status and a narrative on every row), then read (SheetReader, OpenXmlReader events), judged (ImportPlan,
// lookups batched), kept (ReportImports) and saved (one transaction through RecordWrite.StageAsync). Run against a
// database filled by `generate`, as a coordinator of the Vietnamese side made for the run.
//   Concord.Bench import --connection "Host=...;Database=..." --rows 100000 --out results.md [--provider Postgres|Sqlite]
public static class ImportBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        string? Value(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        if (Value("--connection") is not { } connection || Value("--out") is not { } outFile)
        {
            Console.Error.WriteLine("Concord.Bench import --connection CONNECTION --out FILE [--rows 100000] [--provider Postgres]");
            return 2;
        }
        var rows = int.TryParse(Value("--rows"), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : 100_000;
        var provider = Value("--provider") ?? "Postgres";
        var inv = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("vi-VN");

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Configuration["Database:Provider"] = provider;
        builder.Configuration["ConnectionStrings:Concord"] = connection;
        builder.AddConcordDatabase();
        builder.Services.AddSingleton(TimeProvider.System);
        using var host = builder.Build();
        var strings = StringCatalog.FromDirectory(Path.Combine(AppContext.BaseDirectory, "Features"));
        var t = new JsonStringLocalizer(strings);
        var options = new ImportOptions { MaxRows = rows, MaxFileBytes = 100L * 1024 * 1024 };

        using var services = host.Services.CreateScope();
        ConcordDb Db(CurrentUser viewer)
        {
            var scope = services;
            return provider == "Postgres"
                ? new PostgresConcordDb(scope.ServiceProvider.GetRequiredService<DbContextOptions<PostgresConcordDb>>(), TimeProvider.System, viewer)
                : new SqliteConcordDb(scope.ServiceProvider.GetRequiredService<DbContextOptions<SqliteConcordDb>>(), TimeProvider.System, viewer);
        }

        // A coordinator of the Vietnamese side, made for the run: reports and the import are audited under an account.
        CurrentUser user;
        await using (var db = Db(CurrentUser.System))
        {
            var org = await db.Organisations.Where(o => o.Country == Sides.Vietnam).OrderBy(o => o.Id).Select(o => o.Id).FirstAsync();
            var email = $"bench-import-{Guid.NewGuid():N}@bench.example";
            var account = new Account
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                DisplayName = "Bench import", OrganisationId = org, Country = Sides.Vietnam, Role = Role.Coordinator, CreatedAt = DateTime.UtcNow,
                SecurityStamp = Guid.NewGuid().ToString("N"),
            };
            db.Users.Add(account);
            await db.SaveChangesAsync();
            user = new CurrentUser { AccountId = account.Id, Name = email, Role = Role.Coordinator, Country = Sides.Vietnam, OrganisationId = org };
        }

        var peak = new PeakMemory();
        var timings = new List<(string Step, double Ms, string Note)>();
        async Task<T> Step<T>(string name, Func<Task<T>> work, Func<T, string> note)
        {
            GC.Collect();
            var pausedBefore = GC.GetTotalPauseDuration();
            var gen2Before = GC.CollectionCount(2);
            var watch = Stopwatch.StartNew();
            var result = await work();
            // Time the garbage collector held every thread, and its full collections: at this scale much of a step can be that.
            var gc = string.Create(inv, $"GC pauses {(GC.GetTotalPauseDuration() - pausedBefore).TotalMilliseconds:N0} ms, {GC.CollectionCount(2) - gen2Before} full");
            timings.Add((name, watch.Elapsed.TotalMilliseconds, $"{note(result)}; {gc}"));
            Console.Error.WriteLine($"{name}: {watch.Elapsed.TotalMilliseconds:N0} ms, {note(result)}; {gc}");
            return result;
        }

        // The template (not part of the goal, measured for reference), filled: a status and a narrative on every row.
        var lines = await Step("template: query", async () =>
        {
            await using var db = Db(user);
            return await ReportTemplate.LinesAsync(db, user, new CommitmentFilter(), null, rows, t, CancellationToken.None);
        }, l => $"{l.Count:N0} rows");
        var done = t["CommitmentStatus.Done"].Value;
        // The run's time in the narrative: a second run on the same database updates the reports the first created.
        var run = DateTime.UtcNow.ToString("HH:mm:ss", inv);
        // A clause with no period of its own gets one, as the user must give it: the whole file is acceptable, so that the
        // confirmation saves, as /import/{id} would (a refused row stops it).
        var filled = lines.Select((l, i) => l with { Status = done, Period = l.Period ?? "2026-2027", Narrative = $"Đã hoàn thành đợt {i} theo kế hoạch, báo cáo nhập từ bảng tính lúc {run}" }).ToList();
        var file = await Step("template: write XLSX", () =>
        {
            var stream = new MemoryStream();
            ReportTemplate.WriteXlsx(stream, filled, t);
            return Task.FromResult(stream.ToArray());
        }, b => $"{b.Length / 1024.0 / 1024:N1} MB");
        lines = null;
        filled = null;

        peak.Start();
        var total = Stopwatch.StartNew();
        var read = await Step("preview: read the sheet (SAX)", () => Task.FromResult(ImportPlan.FromLines(SheetReader.Read(file, "bench.xlsx", TemplateColumns.Count, options), strings)),
            r => $"{r.Count:N0} rows");
        var judgement = await Step("preview: judge every row", async () =>
        {
            await using var db = Db(user);
            return await ImportPlan.JudgeAsync(db, user, read, strings, CancellationToken.None);
        }, j => $"{j.Rows.Count(r => r.Verdict == RowVerdict.Create):N0} new, {j.Rows.Count(r => r.Verdict == RowVerdict.Update):N0} updates, refused: "
            + string.Join(", ", j.Rows.Where(r => r.Verdict == RowVerdict.Refused).GroupBy(r => r.Reason).Select(g => $"{g.Count():N0} {g.Key}")));
        var importId = await Step("preview: keep the judged rows", async () =>
        {
            await using var db = Db(user);
            var import = new ReportImport
            {
                AccountId = user.AccountId!.Value, FileName = "bench.xlsx", Sha256 = Convert.ToHexStringLower(SHA256.HashData(file)),
                CreatedAt = DateTime.UtcNow, State = ImportState.Previewed,
            };
            import.Judged(judgement.Rows);
            db.ReportImports.Add(import);
            await db.SaveChangesAsync();
            return import.Id;
        }, id => $"import {id}");
        var preview = total.Elapsed.TotalMilliseconds;
        // The confirmation is another request on the page: what the preview read and judged is gone by then, and a save
        // that kept it alive here would pay for it in every full collection (100,000 rows and their inputs).
        var (rowCount, writeCount, fileBytes) = (read.Count, judgement.Writes.Count, file.Length);
        read = null!;
        judgement = null!;
        file = null!;
        var saved = await Step("save: judge again and write in one transaction", async () =>
        {
            await using var db = Db(user);
            var import = await db.ReportImports.AsNoTracking().SingleAsync(i => i.Id == importId);
            var outcome = await ImportPlan.ConfirmAsync(db, user, import, import.TakeRows(), strings, CancellationToken.None);
            return (outcome == ImportPlan.Outcome.Saved, writeCount);
        }, r => r.Item1 ? $"{r.Item2:N0} reports saved" : "refused (stale)");
        var all = total.Elapsed.TotalMilliseconds;
        peak.Stop();

        var report = new StringBuilder();
        report.AppendLine(string.Create(inv, $"# Import benchmark of {DateTime.Now:yyyy-MM-dd HH:mm}"));
        report.AppendLine();
        report.AppendLine("Written by `Concord.Bench import` (see bench/README.md): a template of the first commitments written by the app as XLSX,");
        report.AppendLine("filled with a status and a narrative on every row, then read, judged, kept and saved as /import does it.");
        report.AppendLine();
        var load = File.Exists("/proc/loadavg") ? (await File.ReadAllTextAsync("/proc/loadavg")).Split(' ')[..3] : [];
        report.AppendLine(string.Create(inv, $"- {Environment.ProcessorCount} cores, .NET {Environment.Version}, {provider}; load average at the end {string.Join(" ", load)}"));
        report.AppendLine(string.Create(inv, $"- rows: {rowCount:N0}; file {fileBytes / 1024.0 / 1024:N1} MB"));
        report.AppendLine(string.Create(inv, $"- **preview (read + judge + keep): {preview / 1000:N1} s; preview and save: {all / 1000:N1} s** (goal: under 10 s)"));
        report.AppendLine(string.Create(inv, $"- peak managed heap during preview and save: {peak.ManagedPeak / 1024.0 / 1024:N0} MB; peak working set of the process: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024:N0} MB"));
        report.AppendLine();
        report.AppendLine("| step | ms | |");
        report.AppendLine("|---|---:|---|");
        foreach (var (step, ms, note) in timings) report.AppendLine(string.Create(inv, $"| {step} | {ms:N0} | {note} |"));
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(outFile))!);
        await File.WriteAllTextAsync(outFile, report.ToString());
        Console.WriteLine(report);
        return saved.Item1 ? 0 : 1;
    }

    // The largest managed heap seen, sampled every 20 ms.
    sealed class PeakMemory
    {
        readonly CancellationTokenSource stop = new();
        Task? sampling;
        public long ManagedPeak { get; private set; }
        public void Start() => sampling = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                ManagedPeak = Math.Max(ManagedPeak, GC.GetTotalMemory(false));
                try { await Task.Delay(20, stop.Token); } catch (OperationCanceledException) { }
            }
        });
        public void Stop()
        {
            stop.Cancel();
            sampling?.Wait();
        }
    }
}
