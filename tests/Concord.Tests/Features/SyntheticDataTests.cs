using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Data;
using Concord.Features.Instruments;
using Concord.Features.ReferenceData;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

// A database with the demo, then a small generator run on top of it, made once per class.
public abstract class GeneratedDatabase : IAsyncLifetime
{
    public const int Commitments = 2000;
    public const int ReportsPerCommitment = 3;
    public static readonly string[] Arguments =
        ["--commitments", $"{Commitments}", "--reports-per-commitment", $"{ReportsPerCommitment}", "--seed", "7", "--as-of", "15/11/2026"];

    public abstract ConcordFactory Factory { get; }
    public int ExitCode { get; private set; }
    public string Output { get; private set; } = "";
    public List<string> SchemaBefore { get; private set; } = [];

    public async Task InitializeAsync()
    {
        await Factory.InitializeAsync();
        SchemaBefore = await Factory.WithDbAsync(Schema.IndexesAndKeysAsync);
        var output = new StringWriter();
        ExitCode = await SyntheticData.RunAsync(Factory.Services, Arguments, output, output);
        Output = output.ToString();
    }

    public Task DisposeAsync() => ((IAsyncLifetime)Factory).DisposeAsync();
}

public sealed class GeneratedSqlite : GeneratedDatabase
{
    public override ConcordFactory Factory { get; } = new SqliteFactory();
}

public sealed class GeneratedPostgres : GeneratedDatabase
{
    public override ConcordFactory Factory { get; } = new PostgresFactory();
}

public static class Schema
{
    // Every index and foreign key by name, to see that a bulk load puts back all it set aside.
    public static async Task<List<string>> IndexesAndKeysAsync(ConcordDb db)
    {
        var sql = db.IsPostgres
            ? """
              SELECT indexname AS "Value" FROM pg_indexes WHERE schemaname = current_schema()
              UNION ALL SELECT conrelid::regclass::text || '.' || conname FROM pg_constraint WHERE contype = 'f'
              """
            : """
              SELECT name AS "Value" FROM sqlite_master WHERE type = 'index'
              UNION ALL SELECT m.name || '.' || f."from" || '->' || f."table" FROM sqlite_master m, pragma_foreign_key_list(m.name) f WHERE m.type = 'table'
              """;
        return (await db.Database.SqlQueryRaw<string>(sql).ToListAsync()).Order().ToList();
    }
}

public abstract class SyntheticDataTests(GeneratedDatabase generated)
{
    readonly ConcordFactory factory = generated.Factory;

    [Fact]
    public async Task SmallRunCreatesExactlyTheCommitmentsAndReportsAskedFor()
    {
        Assert.True(generated.ExitCode == 0, generated.Output);
        await factory.WithDbAsync(async db =>
        {
            Assert.Equal(GeneratedDatabase.Commitments, await db.Commitments.CountAsync(c => c.Instrument.Key!.StartsWith("syn-")));
            Assert.Equal(GeneratedDatabase.Commitments * GeneratedDatabase.ReportsPerCommitment,
                await db.ProgressReports.CountAsync(r => r.Commitment.Instrument.Key!.StartsWith("syn-")));
            Assert.InRange(await db.Organisations.CountAsync(o => o.Key!.StartsWith("syn-")), 30, 200);
            Assert.InRange(await db.Instruments.CountAsync(i => i.Key!.StartsWith("syn-")), 20, 100);
            Assert.True(await db.Meetings.CountAsync(m => m.Key!.StartsWith("syn-")) >= 10);
            Assert.True(await db.Activities.CountAsync(a => a.Sources!.StartsWith("dữ liệu tổng hợp")) >= 100);

            // The demo stays as it was, and everything synthetic wears the illustrative badge.
            var demo = DemoHistory.Read(DemoHistory.HistoryFile).Commitments.Count + DemoHistory.Read(DemoHistory.IllustrativeFile).Commitments.Count;
            Assert.Equal(demo, await db.Commitments.CountAsync(c => !c.Instrument.Key!.StartsWith("syn-")));
            Assert.False(await db.Commitments.AnyAsync(c => c.Instrument.Key!.StartsWith("syn-") && !c.IsIllustrative));
            Assert.Equal(DemoHistory.Read(DemoHistory.HistoryFile).Reports.Count, await db.ProgressReports.CountAsync(r => !r.IsIllustrative));
        });
    }

    [Fact]
    public async Task SearchTextIsFoldedExactlyAsASaveWouldFoldIt()
    {
        await factory.WithDbAsync(async db =>
        {
            var commitments = await db.Commitments.AsNoTracking().Where(c => c.Instrument.Key!.StartsWith("syn-")).OrderBy(c => c.Id).Take(300).ToListAsync();
            var reports = await db.ProgressReports.AsNoTracking().Where(r => r.Commitment.Instrument.Key!.StartsWith("syn-")).OrderByDescending(r => r.Id).Take(300).ToListAsync();
            var organisations = await db.Organisations.AsNoTracking().Where(o => o.Key!.StartsWith("syn-")).ToListAsync();
            var instruments = await db.Instruments.AsNoTracking().Where(i => i.Key!.StartsWith("syn-")).ToListAsync();
            var meetings = await db.Meetings.AsNoTracking().Where(m => m.Key!.StartsWith("syn-")).ToListAsync();
            var activities = await db.Activities.AsNoTracking().Where(a => a.Sources!.StartsWith("dữ liệu tổng hợp")).Take(300).ToListAsync();
            var people = await db.People.AsNoTracking().Where(p => p.Organisation!.Key!.StartsWith("syn-")).ToListAsync();
            ISearchable[] all = [.. commitments, .. reports, .. organisations, .. instruments, .. meetings, .. activities, .. people];
            Assert.All(all, record => Assert.Equal(TextFolding.FoldAll(record.SearchableTexts()), record.SearchText));

            // Real Vietnamese, so that folding has work to do: "Đào tạo" is found as "dao tao".
            Assert.Contains(commitments, c => c.Text.Vi != TextFolding.Fold(c.Text.Vi) && c.SearchText.Contains(TextFolding.Fold(c.Text.Vi)));
            Assert.True(await db.Commitments.AnyAsync(c => c.SearchText.Contains("dao tao")));
        });
    }

    [Fact]
    public async Task TheTranslationQueueCountsWhatTheGeneratorWrote()
    {
        Assert.Contains("translation counts made in", generated.Output);
        await factory.WithDbAsync(async db =>
        {
            Assert.Empty(await Concord.Features.Translations.TranslationCounts.CheckAsync(db, default));
            // The generated clauses have no Lao: each is counted as missing it.
            var missingLao = await db.TranslationCounts.IgnoreQueryFilters()
                .Where(c => c.Kind == Concord.Features.Translations.TranslatableKind.Commitment && c.Language == "lo" && c.Status == TranslationStatus.Missing)
                .SumAsync(c => c.Count);
            Assert.True(missingLao >= GeneratedDatabase.Commitments, $"{missingLao} clauses counted as missing Lao");
        });
    }

    [Fact]
    public async Task EveryForeignKeyPointsAtARecordAndEveryIndexIsBack()
    {
        Assert.Equal(generated.SchemaBefore, await factory.WithDbAsync(Schema.IndexesAndKeysAsync));
        await factory.WithDbAsync(async db =>
        {
            Assert.Equal(0, await db.Commitments.CountAsync(c => !db.Instruments.Any(i => i.Id == c.InstrumentId) || !db.Terms.Any(t => t.Id == c.AreaId)
                || (c.CarriedOverFromId != null && !db.Commitments.Any(o => o.Id == c.CarriedOverFromId))));
            Assert.Equal(0, await db.CommitmentLeads.CountAsync(l => !db.Commitments.Any(c => c.Id == l.CommitmentId) || !db.Organisations.Any(o => o.Id == l.OrganisationId)));
            Assert.Equal(0, await db.ProgressReports.CountAsync(r => !db.Commitments.Any(c => c.Id == r.CommitmentId)
                || (r.OrganisationId != null && !db.Organisations.Any(o => o.Id == r.OrganisationId))));
            Assert.Equal(0, await db.Instruments.CountAsync(i => i.MeetingId != null && !db.Meetings.Any(m => m.Id == i.MeetingId)));
            Assert.Equal(0, await db.InstrumentParties.CountAsync(p => !db.Instruments.Any(i => i.Id == p.InstrumentId) || !db.Organisations.Any(o => o.Id == p.OrganisationId)));
            Assert.Equal(0, await db.InstrumentSignatories.CountAsync(s => !db.People.Any(p => p.Id == s.PersonId)));
            Assert.Equal(0, await db.InstrumentLinks.CountAsync(l => !db.Instruments.Any(i => i.Id == l.FromId) || !db.Instruments.Any(i => i.Id == l.ToId)));
            Assert.Equal(0, await db.Meetings.CountAsync(m => m.PreparesId != null && !db.Meetings.Any(o => o.Id == m.PreparesId)));
            Assert.Equal(0, await db.MeetingChairs.CountAsync(c => !db.Meetings.Any(m => m.Id == c.MeetingId) || !db.People.Any(p => p.Id == c.PersonId)));
            Assert.Equal(0, await db.MeetingParticipants.CountAsync(p => !db.Organisations.Any(o => o.Id == p.OrganisationId)));
            Assert.Equal(0, await db.Organisations.CountAsync(o => (o.ParentId != null && !db.Organisations.Any(p => p.Id == o.ParentId))
                || (o.SuccessorId != null && !db.Organisations.Any(p => p.Id == o.SuccessorId))));
            Assert.Equal(0, await db.People.CountAsync(p => p.OrganisationId != null && !db.Organisations.Any(o => o.Id == p.OrganisationId)));
            Assert.Equal(0, await db.Activities.CountAsync(a => a.MeetingId != null && !db.Meetings.Any(m => m.Id == a.MeetingId)));
            Assert.Equal(0, await db.ActivityOrganisations.CountAsync(a => !db.Activities.Any(x => x.Id == a.ActivityId) || !db.Organisations.Any(o => o.Id == a.OrganisationId)));
            Assert.Equal(0, await db.ActivityCommitments.CountAsync(a => !db.Activities.Any(x => x.Id == a.ActivityId) || !db.Commitments.Any(c => c.Id == a.CommitmentId)));
        });
    }

    [Fact]
    public async Task TheAppWorksOnTheGeneratedDataAndNewRecordsGetFreshIds()
    {
        var client = await factory.CoordinatorAsync();
        var kind = await factory.WithDbAsync(db => db.Terms.Where(t => t.Vocabulary == Vocabularies.InstrumentKind && t.Code == "memorandum").Select(t => t.Id).SingleAsync());
        var created = await client.PostAsJsonAsync("/api/instruments", new { kindId = kind, titleVi = "Bản ghi nhớ sau khi sinh dữ liệu", status = "Signed", signed = "2026" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        var page = await client.GetFromJsonAsync<JsonElement>("/api/instruments?size=5");
        Assert.Equal(5, page.GetProperty("items").GetArrayLength());
        var synthetic = await factory.WithDbAsync(db => db.Instruments.Where(i => i.Key!.StartsWith("syn-")).Select(i => i.Id).FirstAsync());
        var details = await client.GetPageAsync($"/instruments/{synthetic}");
        Assert.NotNull(details.QuerySelector(".badge-illustrative"));
    }

    [Fact]
    public async Task ASecondRunIsRefusedAndAddsNothing()
    {
        var before = await factory.WithDbAsync(db => db.Commitments.CountAsync());
        var output = new StringWriter();
        Assert.Equal(1, await SyntheticData.RunAsync(factory.Services, GeneratedDatabase.Arguments, output, output));
        Assert.Contains("already holds synthetic data", output.ToString());
        Assert.Equal(before, await factory.WithDbAsync(db => db.Commitments.CountAsync()));
    }

    [Fact]
    public async Task TheSameSeedGivesTheSameDataAndAnotherSeedDoesNot()
    {
        var terms = await factory.WithDbAsync(db => db.Terms.AsNoTracking().ToListAsync());
        var ids = new FirstIds(1, 1, 1, 1, 1, 1, 1, 1);
        SyntheticWorld World(int seed) => new(new SyntheticOptions(500, 4, seed, new DateOnly(2026, 11, 15), false), ids, terms);
        static string Fingerprint(SyntheticWorld w) => string.Join("\n",
            w.Organisations.Select(o => o.Name.En).Concat(w.Instruments.Select(i => $"{i.Title.Vi} {i.SignedOn} {i.Status}"))
                .Concat(w.Commitments.Select(c => $"{c.Text.Vi} {c.Period} {c.Status} {c.DueOn}"))
                .Concat(w.Reports().Select(r => $"{r.CommitmentId} {r.Country} {r.ReportedOn} {r.Status} {r.Narrative.Vi}")));
        var first = Fingerprint(World(11));
        Assert.Equal(first, Fingerprint(World(11)));
        Assert.NotEqual(first, Fingerprint(World(12)));
    }
}

public sealed class SyntheticDataOnSqlite(GeneratedSqlite generated) : SyntheticDataTests(generated), IClassFixture<GeneratedSqlite>;
public sealed class SyntheticDataOnPostgres(GeneratedPostgres generated) : SyntheticDataTests(generated), IClassFixture<GeneratedPostgres>;

// On a database where someone has recorded something of their own.
public abstract class SyntheticDataRefusalTests(ConcordFactory factory)
{
    [Fact]
    public async Task GeneratorRefusesADatabaseWithRealRecordsUnlessForced()
    {
        var client = await factory.CoordinatorAsync();
        var kind = await factory.WithDbAsync(db => db.Terms.Where(t => t.Vocabulary == Vocabularies.InstrumentKind && t.Code == "agreement").Select(t => t.Id).SingleAsync());
        (await client.PostAsJsonAsync("/api/instruments", new { kindId = kind, titleVi = "Hiệp định thật của Bộ", status = "Signed", signed = "2024" })).EnsureSuccessStatusCode();
        string[] arguments = ["--commitments", "300", "--reports-per-commitment", "2", "--seed", "3"];

        var output = new StringWriter();
        Assert.Equal(1, await SyntheticData.RunAsync(factory.Services, arguments, output, output));
        Assert.Contains("instruments", output.ToString());
        Assert.Contains("--force", output.ToString());
        Assert.False(await factory.WithDbAsync(db => db.Organisations.AnyAsync(o => o.Key!.StartsWith("syn-"))));

        Assert.Equal(0, await SyntheticData.RunAsync(factory.Services, [.. arguments, "--force"], output, output));
        Assert.Equal(300, await factory.WithDbAsync(db => db.Commitments.CountAsync(c => c.Instrument.Key!.StartsWith("syn-"))));
        Assert.True(await factory.WithDbAsync(db => db.Instruments.AnyAsync(i => i.Title.Vi == "Hiệp định thật của Bộ" && i.Status == InstrumentStatus.Signed)));
    }
}

public sealed class SyntheticDataRefusalOnSqlite(SqliteFactory factory) : SyntheticDataRefusalTests(factory), IClassFixture<SqliteFactory>;
public sealed class SyntheticDataRefusalOnPostgres(PostgresFactory factory) : SyntheticDataRefusalTests(factory), IClassFixture<PostgresFactory>;
