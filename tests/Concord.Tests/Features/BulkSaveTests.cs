using System.Text.Json;
using System.Text.Json.Nodes;
using Concord.Data;
using Concord.Features.Audit;
using Concord.Features.Commitments;
using Concord.Shared;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

// A save of thousands of records (an import) writes its rows by COPY on PostgreSQL (Data/BulkSave.cs) and as usual
// on SQLite. What a reader can see afterwards must not tell the two apart: the same rows, versions, folded search
// text and defaults, the same audit entries, fresh ids after it, and a record saved by someone else in between
// failing the whole save.
public abstract class BulkSaveTests(ConcordFactory factory)
{
    static readonly DateOnly ReportedOn = new(2025, 6, 30);

    // On a new world: one report changed and two reports added, by the save given. Returns the rows and audit entries
    // a reader would see, with what necessarily differs between two worlds (ids, the world's tag, times) taken out.
    async Task<(List<string> Rows, List<string> Audit)> SaveAsync(Func<ConcordDb, Task> save)
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var commitments = await world.AddCommitmentsAsync(3, (_, _) => { }, world.VnDepartment);
        var changed = await world.AddReportAsync(commitments[0], "VN", CommitmentStatus.InProgress, new DateOnly(2025, 3, 1));
        var since = await factory.WithDbAsync(db => db.AuditEntries.MaxAsync(a => a.Id));
        var added = new List<ProgressReport>();
        await factory.WithDbAsync(async db =>
        {
            var report = await db.ProgressReports.SingleAsync(r => r.Id == changed);
            report.Narrative = new LocalizedText("Đã đào tạo 40 giáo viên dạy nghề", "Trained 40 vocational teachers");
            report.Status = CommitmentStatus.PartlyDone;
            report.PeopleCount = 40;
            db.SaveAgainstVersion(report, report.Version);
            foreach (var (commitment, i) in commitments.Skip(1).Select((c, i) => (c, i)))
            {
                var r = new ProgressReport
                {
                    CommitmentId = commitment, Country = "VN", OrganisationId = world.VnDepartment, Period = new Period(2024, 2025),
                    Status = CommitmentStatus.InProgress, ReportedOn = ReportedOn, ValueAmount = 3_900_000_000m + i, ValueCurrency = "VND",
                    Narrative = new LocalizedText($"Bàn giao thiết bị cho Trung tâm Bản Cân, đợt {i + 1}"),
                };
                db.ProgressReports.Add(r);
                added.Add(r);
            }
            await save(db);
        });
        Assert.All(added, r => Assert.True(r.Id > 0, "a new report knows its id after the save"));
        Assert.Equal(added.Count, added.Select(r => r.Id).Distinct().Count());

        var ids = added.Select(r => r.Id).Prepend(changed).ToArray();
        var rows = await factory.WithDbAsync(db => db.ProgressReports.AsNoTracking().Where(r => ids.Contains(r.Id)).OrderBy(r => r.Id).ToListAsync());
        Assert.Equal(3, rows.Count);
        Assert.All(rows, r => Assert.NotEqual(default, r.CreatedAt));
        var audit = await factory.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.Id > since && a.RecordType == nameof(ProgressReport)).OrderBy(a => a.RecordId).ToListAsync());
        Assert.Equal(ids.Order(), audit.Select(a => a.RecordId));
        return (
            [.. rows.Select(r => Without(JsonSerializer.SerializeToNode(r)!.AsObject(), world.Tag, "Id", "CommitmentId", "Commitment", "Organisation", "OrganisationId", "CreatedAt", "UpdatedAt"))],
            [.. audit.Select(a => $"{a.Action} " + Without(JsonNode.Parse(a.Changes)!.AsObject(), world.Tag, "Id", "CommitmentId", "OrganisationId"))]);
    }

    static string Without(JsonObject json, string tag, params string[] names)
    {
        foreach (var name in names) json.Remove(name);
        if (json["fields"] is JsonObject fields) foreach (var name in names) fields.Remove(name);
        return json.ToJsonString().Replace(tag, "TAG");
    }

    [Fact]
    public async Task ABulkSaveLeavesWhatAnOrdinarySaveLeaves()
    {
        var ordinary = await SaveAsync(db => db.SaveChangesAsync());
        var bulk = await SaveAsync(db => db.SaveChangesInBulkAsync(default));
        Assert.Equal(string.Join("\n", ordinary.Rows), string.Join("\n", bulk.Rows));
        Assert.Equal(string.Join("\n", ordinary.Audit), string.Join("\n", bulk.Audit));
        // Version 2 for the changed report, 1 for the new ones; the folded text search reads.
        Assert.Contains("\"Version\":2", bulk.Rows[0]);
        Assert.Contains("ban giao thiet bi cho trung tam ban can", bulk.Rows[1]);
        Assert.StartsWith("Updated ", bulk.Audit[0]);
        Assert.Contains("PeopleCount", bulk.Audit[0]);
        Assert.All(bulk.Audit.Skip(1), a => Assert.StartsWith("Created ", a));

        // An ordinary save afterwards takes a fresh id: the bulk save took its ids from the table's own sequence.
        var world = await CommitmentsWorld.CreateAsync(factory);
        var commitment = await world.AddCommitmentAsync(null, world.VnDepartment);
        var later = await world.AddReportAsync(commitment, "VN", CommitmentStatus.InProgress, ReportedOn);
        var highest = await factory.WithDbAsync(db => db.ProgressReports.IgnoreQueryFilters().Where(r => r.Id != later).MaxAsync(r => r.Id));
        Assert.True(later > highest);
    }

    [Fact]
    public async Task AReportSavedBySomeoneElseMeanwhileFailsTheWholeBulkSave()
    {
        var world = await CommitmentsWorld.CreateAsync(factory);
        var commitments = await world.AddCommitmentsAsync(2, (_, _) => { }, world.VnDepartment);
        var report = await world.AddReportAsync(commitments[0], "VN", CommitmentStatus.InProgress, new DateOnly(2025, 3, 1));
        var since = await factory.WithDbAsync(db => db.AuditEntries.MaxAsync(a => a.Id));

        await factory.WithDbAsync(async db =>
        {
            var mine = await db.ProgressReports.SingleAsync(r => r.Id == report);
            var loaded = mine.Version;
            // Someone else saves the report after it was read here.
            await factory.WithDbAsync(async other =>
            {
                var theirs = await other.ProgressReports.SingleAsync(r => r.Id == report);
                theirs.PeopleCount = 12;
                await other.SaveChangesAsync();
            });
            mine.PeopleCount = 40;
            db.SaveAgainstVersion(mine, loaded);
            db.ProgressReports.Add(new ProgressReport
            {
                CommitmentId = commitments[1], Country = "VN", Period = new Period(2024, 2025), Status = CommitmentStatus.InProgress,
                ReportedOn = ReportedOn, Narrative = new LocalizedText("Báo cáo mới"),
            });
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveChangesInBulkAsync(default));
        });

        // Nothing of the failed save: the other editor's value stands, no new report, and no audit entry beyond theirs.
        var saved = await factory.WithDbAsync(db => db.ProgressReports.AsNoTracking().Where(r => commitments.Contains(r.CommitmentId)).ToListAsync());
        Assert.Equal(12, Assert.Single(saved).PeopleCount);
        var audited = await factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Id > since && a.RecordType == nameof(ProgressReport)).Select(a => a.RecordId).ToListAsync());
        Assert.Equal([report], audited);
    }
}

public sealed class BulkSaveOnSqlite(SqliteFactory factory) : BulkSaveTests(factory), IClassFixture<SqliteFactory>;
public sealed class BulkSaveOnPostgres(PostgresFactory factory) : BulkSaveTests(factory), IClassFixture<PostgresFactory>;
