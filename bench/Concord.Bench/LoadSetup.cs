using System.Net;
using System.Text.RegularExpressions;
using Concord.Data;
using Concord.Features.Accounts;
using Concord.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OtpNet;

namespace Concord.Bench;

// What bench/load.sh needs to load Concord as its users do: a reader and a coordinator of the Lao side,
// signed in through the real sign-in pages (the coordinator with a second factor), and a personal access
// token of the reader's. Writes the Cookie headers and the token into files of DIR.
//   Concord.Bench load-setup --connection CONNECTION --url http://127.0.0.1:PORT --out DIR
public static partial class LoadSetup
{
    const string Organisation = "la-mlsw";

    public static async Task<int> RunAsync(string[] args)
    {
        string? Arg(string name) => Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? args[i + 1] : null;
        if (Arg("--connection") is not { } connection || Arg("--url") is not { } url || Arg("--out") is not { } dir)
        {
            Console.Error.WriteLine("Concord.Bench load-setup --connection CONNECTION --url URL --out DIR");
            return 2;
        }
        var builder = WebApplication.CreateBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Error);
        builder.Configuration["Database:Provider"] = "Postgres";
        builder.Configuration["ConnectionStrings:Concord"] = connection;
        builder.AddConcordDatabase();
        builder.Services.AddConcordWeb();
        builder.Services.AddConcordAccounts(builder.Configuration);
        await using var app = builder.Build();

        var reader = await AccountAsync(app.Services, "bench-reader@bench.example", Role.Reader);
        var coordinator = await AccountAsync(app.Services, "bench-coordinator@bench.example", Role.Coordinator);
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, "reader.cookie"), await SignInAsync(url, reader));
        await File.WriteAllTextAsync(Path.Combine(dir, "coordinator.cookie"), await SignInAsync(url, coordinator));
        await File.WriteAllTextAsync(Path.Combine(dir, "reader.token"), await TokenAsync(app.Services, reader.Id));
        Console.WriteLine($"signed in {reader.Email} and {coordinator.Email}; token made");
        return 0;
    }

    sealed record BenchAccount(int Id, string Email, string Password, string? Key);

    // Made once per database; a second run gives the same account a new password and key.
    static async Task<BenchAccount> AccountAsync(IServiceProvider services, string email, Role role)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var organisation = await db.Organisations.AsNoTracking().Where(o => o.Key == Organisation).Select(o => new { o.Id, o.Country }).SingleAsync();
        var password = "bench passphrase " + Guid.NewGuid().ToString("N");
        var account = await users.FindByEmailAsync(email);
        if (account is null)
        {
            account = new Account
            {
                UserName = email, Email = email, EmailConfirmed = true, DisplayName = $"Bench {role}",
                OrganisationId = organisation.Id, Country = organisation.Country ?? Sides.Laos, Role = role, CreatedAt = DateTime.UtcNow,
            };
            Check(await users.CreateAsync(account, password));
        }
        else
        {
            Check(await users.RemovePasswordAsync(account));
            Check(await users.AddPasswordAsync(account, password));
        }
        string? key = null;
        if (Account.RequiresTwoFactor(role))
        {
            await users.ResetAuthenticatorKeyAsync(account);
            key = await users.GetAuthenticatorKeyAsync(account);
            await users.SetTwoFactorEnabledAsync(account, true);
        }
        return new BenchAccount(account.Id, email, password, key);
    }

    static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
    }

    static async Task<string> TokenAsync(IServiceProvider services, int accountId)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        var (token, prefix) = Concord.Features.Accounts.Tokens.PersonalTokens.Generate();
        db.ApiTokens.Add(new ApiToken
        {
            AccountId = accountId, Name = "bench", Prefix = prefix, Hash = TokenAuthenticationHandler.Hash(token),
            Scopes = TokenScopes.Read, CreatedAt = DateTime.UtcNow, ExpiresAt = DateTime.UtcNow.AddDays(1),
        });
        await db.SaveChangesAsync();
        return token;
    }

    // Through the pages, as a browser does. The cookies are Secure and the server speaks plain HTTP here,
    // so they are kept by hand rather than by a CookieContainer (which would not send them back).
    static async Task<string> SignInAsync(string url, BenchAccount account)
    {
        var cookies = new Dictionary<string, string>();
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = new Uri(url) };

        async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, Dictionary<string, string>? form = null)
        {
            var request = new HttpRequestMessage(method, path);
            if (cookies.Count > 0) request.Headers.Add("Cookie", string.Join("; ", cookies.Select(c => $"{c.Key}={c.Value}")));
            if (form is not null) request.Content = new FormUrlEncodedContent(form);
            var response = await http.SendAsync(request);
            if (response.Headers.TryGetValues("Set-Cookie", out var set))
                foreach (var line in set)
                {
                    var pair = line.Split(';')[0];
                    var eq = pair.IndexOf('=');
                    var (name, value) = (pair[..eq], pair[(eq + 1)..]);
                    if (value.Length == 0 || line.Contains("expires=Thu, 01 Jan 1970", StringComparison.OrdinalIgnoreCase)) cookies.Remove(name);
                    else cookies[name] = value;
                }
            return response;
        }

        async Task<HttpResponseMessage> PostFormAsync(string path, Dictionary<string, string> fields)
        {
            var page = await (await SendAsync(HttpMethod.Get, path)).Content.ReadAsStringAsync();
            fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(Antiforgery().Match(page).Groups[1].Value);
            return await SendAsync(HttpMethod.Post, path, fields);
        }

        var response = await PostFormAsync("/account/sign-in", new() { ["Input.Email"] = account.Email, ["Input.Password"] = account.Password });
        if (response.Headers.Location?.OriginalString is { } next && next.Contains("two-factor", StringComparison.Ordinal))
        {
            // A code is accepted once: when this step's was used (a run a moment ago), the next step's is accepted too.
            var totp = new Totp(Base32Encoding.ToBytes(account.Key!));
            response = await PostFormAsync(next, new() { ["Code"] = totp.ComputeTotp(DateTime.UtcNow) });
            if (!cookies.ContainsKey(AccountsSetup.SessionCookie))
                response = await PostFormAsync(next, new() { ["Code"] = totp.ComputeTotp(DateTime.UtcNow.AddSeconds(30)) });
        }
        if (!cookies.ContainsKey(AccountsSetup.SessionCookie))
            throw new InvalidOperationException($"Signing in {account.Email} gave no session ({(int)response.StatusCode} {response.Headers.Location}).");
        return $"{AccountsSetup.SessionCookie}={cookies[AccountsSetup.SessionCookie]}";
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Antiforgery();
}
