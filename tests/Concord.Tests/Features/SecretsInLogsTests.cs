using System.Net;
using Concord.Features.Accounts;
using Concord.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Concord.Tests.Features;

// ASVS 16.2.5, 14.2.1: what people type to prove who they are never reaches the log, whatever the level:
// a wrong password, the right one, the authenticator key behind the second-factor codes.
public abstract class SecretsInLogsTests(ConcordFactory factory)
{
    [Fact]
    public async Task NoPasswordOrCodeTypedAtSignInReachesTheLog()
    {
        var logs = new LogCapture();
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<ILoggerProvider>(logs)));
        var account = await app.CreateAccountAsync(Role.Coordinator, twoFactor: true);
        var wrong = $"not my password {Guid.NewGuid():N}";
        var client = app.NewClient();
        var refused = await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string?> { ["Input.Email"] = account.Email, ["Input.Password"] = wrong });
        Assert.NotEqual(HttpStatusCode.InternalServerError, refused.StatusCode);
        await client.SignInAsync(account);

        Assert.NotEmpty(logs.Entries);
        var all = string.Join("\n", logs.Entries.Select(e => $"{e.Message} {e.Exception}"));
        Assert.DoesNotContain(wrong, all);
        Assert.DoesNotContain(account.Password, all);
        Assert.DoesNotContain(account.AuthenticatorKey!, all);
    }
}

public sealed class SecretsInLogsOnSqlite(SqliteFactory factory) : SecretsInLogsTests(factory), IClassFixture<SqliteFactory>;
public sealed class SecretsInLogsOnPostgres(PostgresFactory factory) : SecretsInLogsTests(factory), IClassFixture<PostgresFactory>;
