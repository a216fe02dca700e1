using System.Net;
using Concord.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Concord.Tests.Features;

// What a load balancer asks: is the process up, is the database there and migrated. One word back.
public abstract class HealthTests(ConcordFactory factory)
{
    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    public async Task AnAnonymousProbeGetsHealthyAndNothingMore(string url)
    {
        var response = await factory.NewClient(redirects: false).GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReadinessFailsWhileAMigrationIsMissingWithoutSayingWhich()
    {
        var client = factory.NewClient(redirects: false);
        var (id, version) = await factory.WithDbAsync(async db =>
        {
            var last = await db.Database.SqlQueryRaw<string>("""SELECT "MigrationId" AS "Value" FROM "__ef_migrations" """).OrderByDescending(m => m).FirstAsync();
            var product = await db.Database.SqlQuery<string>($"""SELECT "ProductVersion" AS "Value" FROM "__ef_migrations" WHERE "MigrationId" = {last}""").SingleAsync();
            await db.Database.ExecuteSqlAsync($"""DELETE FROM "__ef_migrations" WHERE "MigrationId" = {last}""");
            return (last, product);
        });
        try
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
            var ready = await client.GetAsync("/health/ready");
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            Assert.Equal("Unhealthy", await ready.Content.ReadAsStringAsync());
        }
        finally
        {
            await factory.WithDbAsync(db => db.Database.ExecuteSqlAsync(
                $"""INSERT INTO "__ef_migrations" ("MigrationId", "ProductVersion") VALUES ({id}, {version})"""));
        }
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);
    }
}

public sealed class HealthOnSqlite(SqliteFactory factory) : HealthTests(factory), IClassFixture<SqliteFactory>;
public sealed class HealthOnPostgres(PostgresFactory factory) : HealthTests(factory), IClassFixture<PostgresFactory>;
