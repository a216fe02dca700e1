using System.Net;
using Concord.Data;
using Concord.Features.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Concord.Tests.Infrastructure;

// An account made for one test, with what its owner would know: the password and the authenticator key.
public sealed class TestAccount(int id, string email, string password, string? authenticatorKey, string country, int organisationId, Role role)
{
    public int Id { get; } = id;
    public string Email { get; } = email;
    public string Password { get; } = password;
    public string? AuthenticatorKey { get; } = authenticatorKey;
    public string Country { get; } = country;
    public int OrganisationId { get; } = organisationId;
    public Role Role { get; } = role;
    long lastStep;

    // The code the authenticator app shows now; the next one when now's was already used (a code is
    // accepted once, and the server accepts one step ahead for clock drift).
    public string NextCode()
    {
        var totp = new Totp(Base32Encoding.ToBytes(AuthenticatorKey ?? throw new InvalidOperationException("No second factor.")));
        var now = DateTime.UtcNow;
        var step = (long)(now - DateTime.UnixEpoch).TotalSeconds / 30;
        if (step <= lastStep) { step = lastStep + 1; now = now.AddSeconds(30); }
        lastStep = step;
        return totp.ComputeTotp(now);
    }
}

public static class TestAccounts
{
    public const string VietnamCooperation = "vn-molisa-icd";
    public const string LaoCooperation = "la-mlsw-dpic";
    static int counter;

    // A client over HTTPS (session cookies are Secure), signed in through the real pages, for a new
    // account of this role in this organisation (by demo key). A new account each time: no test
    // inherits another's cookies (a language chosen, a session ended).
    public static async Task<HttpClient> ClientAsync(this WebApplicationFactory<Program> factory, Role role, string organisationKey = VietnamCooperation, bool redirects = true)
    {
        var account = await factory.CreateAccountAsync(role, organisationKey);
        var client = factory.NewClient(redirects);
        await client.SignInAsync(account);
        return client;
    }

    public static Task<HttpClient> CoordinatorAsync(this WebApplicationFactory<Program> factory, string organisationKey = VietnamCooperation, bool redirects = true) =>
        factory.ClientAsync(Role.Coordinator, organisationKey, redirects);

    public static HttpClient NewClient(this WebApplicationFactory<Program> factory, bool redirects = true) =>
        factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = redirects, BaseAddress = new Uri("https://localhost") });

    public static async Task<TestAccount> CreateAccountAsync(this WebApplicationFactory<Program> factory, Role role, string organisationKey = VietnamCooperation, bool? twoFactor = null, string? email = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Key == organisationKey).Select(o => new { o.Id, o.Country }).SingleAsync();
        return await CreateAccountAsync(factory, role, organisation.Id, twoFactor, email);
    }

    public static async Task<TestAccount> CreateAccountAsync(this WebApplicationFactory<Program> factory, Role role, int organisationId, bool? twoFactor = null, string? email = null)
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var country = await db.Organisations.Where(o => o.Id == organisationId).Select(o => o.Country ?? "").SingleAsync();
        var n = Interlocked.Increment(ref counter);
        // Unique across the factories that share a PostgreSQL server and across runs.
        email ??= $"{role.ToString().ToLowerInvariant()}{n}-{Guid.NewGuid().ToString("N")[..8]}@test.example";
        var password = $"correct horse battery staple {n}";
        var account = new Account
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = $"Test {role} {n}",
            OrganisationId = organisationId,
            Country = country,
            Role = role,
            CreatedAt = DateTime.UtcNow,
        };
        var created = await users.CreateAsync(account, password);
        Assert.True(created.Succeeded, string.Join("; ", created.Errors.Select(e => e.Description)));
        string? key = null;
        if (twoFactor ?? Account.RequiresTwoFactor(role))
        {
            await users.ResetAuthenticatorKeyAsync(account);
            key = await users.GetAuthenticatorKeyAsync(account);
            await users.SetTwoFactorEnabledAsync(account, true);
        }
        return new TestAccount(account.Id, email, password, key, country, organisationId, role);
    }

    // Signs in through the sign-in page and, when the account has one, the second-factor page.
    // Works with clients that follow redirects and with those that do not.
    public static async Task SignInAsync(this HttpClient client, TestAccount account)
    {
        var response = await FollowAsync(client, await client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string?>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = account.Password,
        }));
        if (account.AuthenticatorKey is not null)
        {
            Assert.EndsWith("/account/two-factor", response.RequestMessage!.RequestUri!.AbsolutePath);
            response = await FollowAsync(client, await client.SubmitFormAsync(response.RequestMessage.RequestUri.PathAndQuery,
                new Dictionary<string, string?> { ["Code"] = account.NextCode() }));
        }
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("/account/", response.RequestMessage!.RequestUri!.AbsolutePath);
    }

    public static async Task<HttpResponseMessage> FollowAsync(HttpClient client, HttpResponseMessage response)
    {
        for (var hops = 0; hops < 5 && (int)response.StatusCode is >= 300 and < 400 && response.Headers.Location is { } location; hops++)
            response = await client.GetAsync(location);
        return response;
    }
}
