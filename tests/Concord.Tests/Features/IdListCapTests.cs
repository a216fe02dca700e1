using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Concord.Features.ReferenceData;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

// Lists of chosen ids are capped with a message beside the field before anything is looked up: 40,000 ids
// in one list used to reach SQLite's 32,766-parameter limit and answer 500.
public abstract class IdListCapTests(ConcordFactory factory)
{
    static readonly int[] TooMany = Enumerable.Range(1, 40_000).ToArray();

    async Task<int> KindAsync(string vocabulary) =>
        await factory.WithDbAsync(db => db.Terms.Where(t => t.Vocabulary == vocabulary && t.IsActive).Select(t => t.Id).FirstAsync());

    async Task AssertRefusedAsync(string url, object body, string field)
    {
        var client = await factory.CoordinatorAsync();
        var response = await client.PostAsJsonAsync(url, body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url}: {(int)response.StatusCode} {text[..Math.Min(300, text.Length)]}");
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty(field, out _), $"{url}: no error for {field}: {text}");
    }

    [Fact]
    public async Task AMeetingWithFortyThousandChairsOrParticipantsIsRefusedBesideTheField()
    {
        var kind = await KindAsync(Vocabularies.MeetingKind);
        await AssertRefusedAsync("/api/meetings", new { kindId = kind, titleVi = "Họp", chairIds = TooMany }, "chairIds");
        await AssertRefusedAsync("/api/meetings", new { kindId = kind, titleVi = "Họp", participantIds = TooMany }, "participantIds");
    }

    [Fact]
    public async Task AnInstrumentWithFortyThousandPartiesSignatoriesOrLinksIsRefusedBesideTheField()
    {
        var kind = await KindAsync(Vocabularies.InstrumentKind);
        foreach (var field in new[] { "partyIds", "signatoryIds", "implementsIds", "supersedesIds", "amendsIds" })
            await AssertRefusedAsync("/api/instruments", new Dictionary<string, object> { ["kindId"] = kind, ["titleVi"] = "Văn kiện", ["status"] = "Draft", [field] = TooMany }, field);
    }

    [Fact]
    public async Task ACommitmentWithFortyThousandLeadsIsRefusedBesideTheField()
    {
        var area = await KindAsync(Vocabularies.Area);
        var instrument = await factory.WithDbAsync(db => db.Instruments.Select(i => i.Id).FirstAsync());
        await AssertRefusedAsync("/api/commitments", new { instrumentId = instrument, textVi = "Cam kết", areaId = area, period = "2026-2027", status = "NotStarted", leadIds = TooMany }, "leadIds");
    }

    [Fact]
    public async Task AnActivityWithFortyThousandCommitmentsIsRefusedBesideTheField()
    {
        var kind = await KindAsync(Vocabularies.ActivityKind);
        await AssertRefusedAsync("/api/activities", new { kindId = kind, titleVi = "Hoạt động", commitmentIds = TooMany }, "commitmentIds");
    }
}

public sealed class IdListCapOnSqlite(SqliteFactory factory) : IdListCapTests(factory), IClassFixture<SqliteFactory>;
public sealed class IdListCapOnPostgres(PostgresFactory factory) : IdListCapTests(factory), IClassFixture<PostgresFactory>;
