using System.Net;
using Concord.Features.Accounts;
using Concord.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using OtpNet;

namespace Concord.Tests.Features.Accounts;

// The steps of signing in one at a time, for tests that look between them, and what a browser would hold.
public static class SignInSteps
{
    public const string CodeRefused = "Mã không đúng hoặc đã được dùng. Hãy chờ mã mới và nhập lại.";
    public const string RecoveryCodeRefused = "Mã khôi phục không đúng hoặc đã được dùng.";

    // The code an authenticator app shows at `at` for this key.
    public static string Code(string key, DateTime at) => new Totp(Base32Encoding.ToBytes(key)).ComputeTotp(at);

    public static Task<HttpResponseMessage> PasswordStepAsync(this HttpClient client, TestAccount account, string? password = null) =>
        client.SubmitFormAsync("/account/sign-in", new Dictionary<string, string?>
        {
            ["Input.Email"] = account.Email,
            ["Input.Password"] = password ?? account.Password,
        });

    // The password, then this code on the second-factor page (an authenticator code, or a recovery code).
    public static async Task<HttpResponseMessage> SignInWithCodeAsync(this HttpClient client, TestAccount account, string code, bool recovery = false)
    {
        var password = await client.PasswordStepAsync(account);
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        Assert.Equal("/account/two-factor", PathOf(password));
        var page = recovery ? "/account/two-factor?recovery=true&returnUrl=%2F" : password.Headers.Location!.OriginalString;
        return await client.SubmitFormAsync(page, new Dictionary<string, string?> { ["Code"] = code });
    }

    // Where a redirect goes, without its query: "/account/sign-in".
    public static string PathOf(HttpResponseMessage response)
    {
        var location = response.Headers.Location ?? throw new InvalidOperationException($"{(int)response.StatusCode} is not a redirect.");
        return location.IsAbsoluteUri ? location.AbsolutePath : location.OriginalString.Split('?')[0];
    }

    // The value of a cookie this response sets, and the whole Set-Cookie line (for its flags).
    public static string? SetCookie(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values.FirstOrDefault(v => v.StartsWith(name + "=", StringComparison.Ordinal)) : null;

    public static string SessionCookie(HttpResponseMessage response) =>
        SetCookie(response, "__Host-concord.session")?.Split(';')[0]["__Host-concord.session=".Length..]
        ?? throw new InvalidOperationException("No session cookie was set.");

    // A browser that holds only this session cookie (copied by hand, as a thief would).
    public static HttpClient WithSessionCookie(this WebApplicationFactory<Program> factory, string value)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false, HandleCookies = false, BaseAddress = new Uri("https://localhost"),
        });
        client.DefaultRequestHeaders.Add("Cookie", $"__Host-concord.session={value}");
        return client;
    }

    // Asks a signed-in-only page: true when the session is accepted, false when sent to sign in.
    public static async Task<bool> IsSignedInAsync(this HttpClient client)
    {
        var response = await client.GetAsync("/account");
        if (response.StatusCode == HttpStatusCode.OK) return true;
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/account/sign-in", PathOf(response));
        return false;
    }

    public static async Task<IReadOnlyList<string>> RecoveryCodesAsync(this WebApplicationFactory<Program> factory, TestAccount account)
    {
        using var scope = factory.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var stored = await users.FindByIdAsync(account.Id.ToString()) ?? throw new InvalidOperationException("No such account.");
        return [.. await users.GenerateNewTwoFactorRecoveryCodesAsync(stored, 10) ?? []];
    }

    public static Task<T> AccountAsync<T>(this ConcordFactory factory, TestAccount account, System.Linq.Expressions.Expression<Func<Account, T>> select) =>
        factory.WithDbAsync(db => db.Users.Where(a => a.Id == account.Id).Select(select).SingleAsync());
}

// A clock the test moves, for timeouts.
public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;
    public override DateTimeOffset GetUtcNow() => Now;
}
