using Concord.Features.Accounts;
using Concord.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Concord.Tests.Features.Accounts;

// Issue 10, finding 2: how long the sign-in page takes must not tell which addresses have accounts. The
// expensive part is the password hash, so every refusal computes one, as a right password does. Counted,
// not timed: wall time on a shared machine says nothing reliable.
public abstract class SignInWorkTests(ConcordFactory factory)
{
    sealed class CountingHasher : IPasswordHasher<Account>
    {
        readonly PasswordHasher<Account> inner = new(Options.Create(new PasswordHasherOptions { IterationCount = 1000 }));
        int calls;
        public int Take() => Interlocked.Exchange(ref calls, 0);

        public string HashPassword(Account user, string password)
        {
            Interlocked.Increment(ref calls);
            return inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(Account user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref calls);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }

    [Fact]
    public async Task EverySignInAttemptHashesThePasswordOnceWhateverTheAccount()
    {
        var hasher = new CountingHasher();
        await using var app = factory.WithWebHostBuilder(b => b.ConfigureServices(s => s.AddSingleton<IPasswordHasher<Account>>(hasher)));
        var reader = await app.CreateAccountAsync(Role.Reader);
        var locked = await app.CreateAccountAsync(Role.Reader);
        var disabled = await app.CreateAccountAsync(Role.Reader);
        using (var scope = app.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
            await users.SetLockoutEndDateAsync((await users.FindByIdAsync(locked.Id.ToString()))!, DateTimeOffset.UtcNow.AddMinutes(15));
            var db = scope.ServiceProvider.GetRequiredService<Concord.Data.ConcordDb>();
            await db.Users.Where(a => a.Id == disabled.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.IsDisabled, true));
        }

        var attempts = new (string Name, string Email, string Password)[]
        {
            ("unknown address", $"nobody-{Guid.NewGuid():N}@test.example", "some password or other"),
            ("wrong password", reader.Email, "not the password at all"),
            ("locked account", locked.Email, locked.Password),
            ("disabled account", disabled.Email, disabled.Password),
            ("right password", reader.Email, reader.Password),
        };
        var counts = new List<string>();
        foreach (var (name, email, password) in attempts)
        {
            var client = app.NewClient(redirects: false);
            await client.GetAsync("/account/sign-in");
            hasher.Take();
            await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string?> { ["Input.Email"] = email, ["Input.Password"] = password });
            counts.Add($"{name}: {hasher.Take()}");
        }
        Assert.Equal(attempts.Select(a => $"{a.Name}: 1"), counts);
    }
}

public sealed class SignInWorkOnSqlite(SqliteFactory factory) : SignInWorkTests(factory), IClassFixture<SqliteFactory>;
public sealed class SignInWorkOnPostgres(PostgresFactory factory) : SignInWorkTests(factory), IClassFixture<PostgresFactory>;
