using System.Globalization;
using Concord.Features.Activities;
using Concord.Features.Commitments;
using Concord.Features.Instruments;
using Concord.Features.Meetings;
using Concord.Features.Organisations;
using Concord.Shared;
using Microsoft.EntityFrameworkCore;

namespace Concord.Data;

// `dotnet run --project src/Concord.Web -- generate ...`: fills the configured database with a
// ministry's international cooperation over twenty years (SyntheticWorld), written in bulk
// (BulkLoad). See docs/synthetic-data.md for the scale, the timings and the database sizes.
public static class SyntheticData
{
    const string Usage =
        """
        Fills the configured database with synthetic data at a ministry's scale.
          generate [--commitments 500000] [--reports-per-commitment 10] [--seed 42] [--as-of DD/MM/YYYY] [--force]
        --commitments               commitments to create; partners, instruments, meetings and activities scale with it
        --reports-per-commitment    progress reports per commitment on average (the total is exact)
        --seed                      the same seed and options give the same data
        --as-of                     the data's "today" (default: today); twenty years of history end there
        --force                     add synthetic data to a database that holds records of its own
        The database comes from Database:Provider and ConnectionStrings:Concord, as for the app.
        """;

    static readonly Type[] Tables =
    [
        typeof(Organisation), typeof(Person), typeof(Meeting), typeof(MeetingChair), typeof(MeetingParticipant),
        typeof(Instrument), typeof(InstrumentParty), typeof(InstrumentSignatory), typeof(InstrumentLink),
        typeof(Commitment), typeof(CommitmentLead), typeof(ProgressReport),
        typeof(Activity), typeof(ActivityOrganisation), typeof(ActivityCommitment),
    ];

    public static Task<int> RunAsync(IServiceProvider services, string[] args) => RunAsync(services, args, Console.Out, Console.Error);

    internal static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter errors)
    {
        var clock = services.GetRequiredService<TimeProvider>();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!TryParse(args, DateOnly.FromDateTime(now), out var options, out var error))
        {
            if (error is not null) errors.WriteLine(error);
            errors.WriteLine(Usage);
            return error is null ? 0 : 2;
        }
        using var cancel = new CancellationTokenSource();
        ConsoleCancelEventHandler stop = (_, e) => { e.Cancel = true; cancel.Cancel(); };
        Console.CancelKeyPress += stop;
        try
        {
            return await GenerateAsync(services, options, now, output, errors, cancel.Token);
        }
        catch (OperationCanceledException)
        {
            errors.WriteLine("Stopped; nothing was written.");
            return 130;
        }
        finally
        {
            Console.CancelKeyPress -= stop;
        }
    }

    static async Task<int> GenerateAsync(IServiceProvider services, SyntheticOptions options, DateTime now, TextWriter output, TextWriter errors, CancellationToken ct)
    {
        var inv = CultureInfo.InvariantCulture;
        output.WriteLine(string.Create(inv, $"generate --commitments {options.Commitments} --reports-per-commitment {options.ReportsPerCommitment} --seed {options.Seed} --as-of {options.AsOf:dd/MM/yyyy}"));
        var total = System.Diagnostics.Stopwatch.StartNew();
        await services.PrepareDatabaseAsync(ct);
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        var connection = db.Database.GetDbConnection();
        output.WriteLine(db.IsPostgres ? $"Database: PostgreSQL {connection.Database} on {connection.DataSource}" : $"Database: SQLite {connection.DataSource}");
        if (await RefusalAsync(db, options.Force, ct) is { } refusal)
        {
            errors.WriteLine(refusal);
            return 1;
        }

        var step = System.Diagnostics.Stopwatch.StartNew();
        var first = new FirstIds(
            await NextIdAsync(db.Organisations.Select(x => (int?)x.Id), ct), await NextIdAsync(db.People.Select(x => (int?)x.Id), ct),
            await NextIdAsync(db.Meetings.Select(x => (int?)x.Id), ct), await NextIdAsync(db.Instruments.Select(x => (int?)x.Id), ct),
            await NextIdAsync(db.InstrumentLinks.Select(x => (int?)x.Id), ct), await NextIdAsync(db.Commitments.Select(x => (int?)x.Id), ct),
            await NextIdAsync(db.ProgressReports.Select(x => (int?)x.Id), ct), await NextIdAsync(db.Activities.Select(x => (int?)x.Id), ct));
        var world = new SyntheticWorld(options, first, await db.Terms.AsNoTracking().ToListAsync(ct));
        output.WriteLine(string.Create(inv, $"Planned {world.Organisations.Count:N0} organisations, {world.Instruments.Count:N0} instruments, {world.Meetings.Count:N0} meetings, {world.Commitments.Count:N0} commitments, {world.Activities.Count:N0} activities in {step.Elapsed.TotalSeconds:0.0} s"));

        await using (var load = await BulkLoad.BeginAsync(db, Tables, now, ct))
        {
            async Task Write<T>(string label, IEnumerable<T> rows, long expected) where T : class
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                var written = await load.WriteAsync(rows, n =>
                {
                    if (n % 500_000 == 0) output.WriteLine(string.Create(inv, $"  {label}: {n:N0} of {expected:N0} ({watch.Elapsed.TotalSeconds:0} s)"));
                }, ct);
                output.WriteLine(string.Create(inv, $"{label,-24}{written,12:N0} rows {watch.Elapsed.TotalSeconds,8:0.0} s"));
            }
            await Write("organisations", world.Organisations, world.Organisations.Count);
            await Write("people", world.People, world.People.Count);
            await Write("meetings", world.Meetings, world.Meetings.Count);
            await Write("meeting chairs", world.MeetingChairs, world.MeetingChairs.Count);
            await Write("meeting participants", world.MeetingParticipants, world.MeetingParticipants.Count);
            await Write("instruments", world.Instruments, world.Instruments.Count);
            await Write("instrument parties", world.InstrumentParties, world.InstrumentParties.Count);
            await Write("instrument signatories", world.InstrumentSignatories, world.InstrumentSignatories.Count);
            await Write("instrument links", world.InstrumentLinks, world.InstrumentLinks.Count);
            await Write("commitments", world.Commitments, world.Commitments.Count);
            await Write("commitment leads", world.CommitmentLeads, world.CommitmentLeads.Count);
            await Write("progress reports", world.Reports(), world.ReportCount);
            await Write("activities", world.Activities, world.Activities.Count);
            await Write("activity organisations", world.ActivityOrganisations, world.ActivityOrganisations.Count);
            await Write("activity commitments", world.ActivityCommitments, world.ActivityCommitments.Count);
            await load.CommitAsync(output.WriteLine, ct);
            var bytes = await load.DatabaseBytesAsync(ct);
            output.WriteLine(string.Create(inv, $"Done in {total.Elapsed:h\\:mm\\:ss}; the database now takes {bytes / 1024.0 / 1024.0:N1} MB."));
        }
        return 0;
    }

    // Synthetic data must never mix unnoticed with a ministry's records. Allowed without --force: an
    // empty database, or one holding only the demo as loaded (the demo's keys and counts, nothing
    // edited). Synthetic records are told apart by the "syn-" prefix of their organisations' keys.
    internal static async Task<string?> RefusalAsync(ConcordDb db, bool force, CancellationToken ct)
    {
        if (await db.Organisations.AnyAsync(o => o.Key != null && o.Key.StartsWith(SyntheticWorld.KeyPrefix), ct))
            return "The database already holds synthetic data. Generate into a new database: delete the SQLite file, or create a new PostgreSQL database.";
        if (force) return null;

        DemoDocument[] demo = [DemoHistory.Read(DemoHistory.HistoryFile), DemoHistory.Read(DemoHistory.IllustrativeFile)];
        var organisationKeys = demo.SelectMany(d => d.Organisations).Select(o => o.Key).ToArray();
        var meetingKeys = demo.SelectMany(d => d.Meetings).Select(m => m.Key).ToArray();
        var instrumentKeys = demo.SelectMany(d => d.Instruments).Select(i => i.Key).ToArray();
        var found = new List<string>();
        if (await db.Organisations.AnyAsync(o => o.Key == null || !organisationKeys.Contains(o.Key), ct)) found.Add("organisations");
        if (await db.Meetings.AnyAsync(m => m.Key == null || !meetingKeys.Contains(m.Key), ct)) found.Add("meetings");
        if (await db.Instruments.AnyAsync(i => i.Key == null || !instrumentKeys.Contains(i.Key), ct)) found.Add("instruments");
        if (await db.People.CountAsync(ct) > demo.Sum(d => d.People.Count)) found.Add("people");
        if (await db.Commitments.CountAsync(ct) > demo.Sum(d => d.Commitments.Count)) found.Add("commitments");
        if (await db.ProgressReports.CountAsync(ct) > demo.Sum(d => d.Reports.Count)) found.Add("progress reports");
        if (await db.Activities.CountAsync(ct) > demo.Sum(d => d.Activities.Count)) found.Add("activities");
        if (await db.Organisations.AnyAsync(x => x.Version > 1, ct) || await db.People.AnyAsync(x => x.Version > 1, ct)
            || await db.Meetings.AnyAsync(x => x.Version > 1, ct) || await db.Instruments.AnyAsync(x => x.Version > 1, ct)
            || await db.Commitments.AnyAsync(x => x.Version > 1, ct) || await db.ProgressReports.AnyAsync(x => x.Version > 1, ct)
            || await db.Activities.AnyAsync(x => x.Version > 1, ct))
            found.Add("edited records");
        return found.Count == 0 ? null
            : $"The database holds records of its own ({string.Join(", ", found)} beyond the demo). Synthetic data would mix with them: generate into a new database, or pass --force to add it anyway.";
    }

    static async Task<int> NextIdAsync(IQueryable<int?> ids, CancellationToken ct) => (await ids.MaxAsync(ct) ?? 0) + 1;

    // Null options and null error: --help was asked for.
    internal static bool TryParse(string[] args, DateOnly today, out SyntheticOptions options, out string? error)
    {
        options = new SyntheticOptions(500_000, 10, 42, today, false);
        string? problem = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name is "--help" or "-h")
            {
                error = null;
                return false;
            }
            if (name == "--force")
            {
                options = options with { Force = true };
                continue;
            }
            var value = i + 1 < args.Length ? args[++i] : null;
            int Number(int min, int max)
            {
                if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= min && n <= max) return n;
                problem ??= $"{name} takes a whole number from {min:N0} to {max:N0}, not '{value}'.";
                return min;
            }
            switch (name)
            {
                case "--commitments": options = options with { Commitments = Number(1, 50_000_000) }; break;
                case "--reports-per-commitment": options = options with { ReportsPerCommitment = Number(0, 1000) }; break;
                case "--seed": options = options with { Seed = Number(0, int.MaxValue) }; break;
                case "--as-of":
                    if (PartialDate.TryParse(value, out var asOf) && asOf.Precision == DatePrecision.Day && asOf.Date.Year >= 1950) options = options with { AsOf = asOf.Date };
                    else problem ??= $"--as-of takes a day, like 31/12/2026, not '{value}'.";
                    break;
                default:
                    problem ??= $"Unknown option '{name}'.";
                    break;
            }
        }
        error = problem;
        return problem is null;
    }
}
