using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Concord.Features.Accounts.Mail;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Concord.Features.Accounts;

public sealed class AccountLinkOptions
{
    // An invitation waits a week for its invitee; a reset link is used at once or not at all.
    public TimeSpan InvitationLifespan { get; set; } = TimeSpan.FromDays(7);
    public TimeSpan PasswordResetLifespan { get; set; } = TimeSpan.FromHours(2);
    // Where Concord is reached, e.g. https://concord.example.gov.vn: the start of every link in an e-mail.
    // Required in Production. Elsewhere, without it, links start with the address the server was told to
    // listen on (ASPNETCORE_URLS), never with the request's Host header, which anyone can forge on the
    // anonymous "forgot password" page to send a victim a reset link to their own site.
    public string? PublicUrl { get; set; }
}

public sealed class InvitationTokenOptions : DataProtectionTokenProviderOptions
{
    public InvitationTokenOptions() => Name = AccountLinks.InvitationProvider;
}

public sealed class PasswordResetTokenOptions : DataProtectionTokenProviderOptions
{
    public PasswordResetTokenOptions() => Name = AccountLinks.PasswordResetProvider;
}

// Identity's token is its creation time, the account, the purpose and the account's security stamp,
// encrypted with Data Protection. Setting a password changes the stamp, so a link works once. The base
// class only says "invalid"; reading the token lets the page say "expired" or "already used" when that is why.
public abstract class LinkTokenProvider(IDataProtectionProvider protection, IOptions<DataProtectionTokenProviderOptions> options, ILogger<DataProtectorTokenProvider<Account>> logger)
    : DataProtectorTokenProvider<Account>(protection, options, logger)
{
    // Why a token this provider refused was refused: Expired, Used (made for this account, whose
    // password has changed since), or Invalid (not one of ours, or for another account).
    public LinkState Explain(string token, int accountId)
    {
        try
        {
            using var reader = new BinaryReader(new MemoryStream(Protector.Unprotect(Convert.FromBase64String(token))), new UTF8Encoding(false, true));
            // As DataProtectorTokenProvider wrote it: DateTimeOffset.UtcTicks, then the account's id.
            var created = new DateTimeOffset(reader.ReadInt64(), TimeSpan.Zero);
            if (reader.ReadString() != accountId.ToString(CultureInfo.InvariantCulture)) return LinkState.Invalid;
            return created + Options.TokenLifespan < DateTimeOffset.UtcNow ? LinkState.Expired : LinkState.Used;
        }
        catch (Exception e) when (e is FormatException or CryptographicException or ArgumentException or IOException)
        {
            return LinkState.Invalid;
        }
    }
}

public sealed class InvitationTokenProvider(IDataProtectionProvider protection, IOptions<InvitationTokenOptions> options, ILogger<DataProtectorTokenProvider<Account>> logger)
    : LinkTokenProvider(protection, options, logger);

public sealed class PasswordResetTokenProvider(IDataProtectionProvider protection, IOptions<PasswordResetTokenOptions> options, ILogger<DataProtectorTokenProvider<Account>> logger)
    : LinkTokenProvider(protection, options, logger);

public enum LinkState
{
    Valid,
    Expired,
    // The password was set with it (or the link was replaced by a newer one).
    Used,
    Invalid,
}

// How a link reached its account: e-mailed, or (no e-mail server, or it failed) given to the administrator
// to pass on, in which case Link is set.
public sealed record LinkDelivery(int AccountId, string Email, bool Invitation, string? Link, bool Emailed, bool MailFailed);

// The two links Concord sends: an invitation (/account/accept, 7 days) and a password reset
// (/account/reset-password, 2 hours). Both are one-time: setting the password changes the security stamp.
public sealed class AccountLinks(UserManager<Account> users, InvitationTokenProvider invitations, PasswordResetTokenProvider resets,
    Mailer mailer, IOptions<AccountLinkOptions> options, Microsoft.AspNetCore.Hosting.Server.IServer server, IConfiguration configuration)
{
    public const string InvitationProvider = "ConcordInvitation";
    public const string InvitationPurpose = "invitation";
    public const string PasswordResetProvider = "ConcordPasswordReset";

    public async Task<string> InvitationUrlAsync(Account account) =>
        Url("/account/accept", account.Id, await users.GenerateUserTokenAsync(account, InvitationProvider, InvitationPurpose));

    public async Task<string> PasswordResetUrlAsync(Account account) =>
        Url("/account/reset-password", account.Id, await users.GeneratePasswordResetTokenAsync(account));

    public int InvitationDays => (int)Math.Ceiling(options.Value.InvitationLifespan.TotalDays);
    public int PasswordResetHours => (int)Math.Ceiling(options.Value.PasswordResetLifespan.TotalHours);

    public async Task<LinkDelivery> SendInvitationAsync(Account account, string inviter) =>
        await DeliverAsync(account, invitation: true, await InvitationUrlAsync(account), InvitationDays, inviter);

    public async Task<LinkDelivery> SendPasswordResetAsync(Account account) =>
        await DeliverAsync(account, invitation: false, await PasswordResetUrlAsync(account), PasswordResetHours);

    // For the anonymous "forgot password" page: sent after the answer (see Mailer.Queue).
    public async Task QueuePasswordResetAsync(Account account) =>
        mailer.Queue(mailer.Compose(account.Email!, account.Language, "AccountAdmin.Mail.Reset", account.DisplayName, await PasswordResetUrlAsync(account), PasswordResetHours));

    async Task<LinkDelivery> DeliverAsync(Account account, bool invitation, string url, params object[] more)
    {
        if (!mailer.IsConfigured) return new(account.Id, account.Email!, invitation, url, Emailed: false, MailFailed: false);
        var mail = mailer.Compose(account.Email!, account.Language, invitation ? "AccountAdmin.Mail.Invitation" : "AccountAdmin.Mail.Reset",
            [account.DisplayName, url, .. more]);
        return await mailer.TrySendAsync(mail)
            ? new(account.Id, account.Email!, invitation, null, Emailed: true, MailFailed: false)
            : new(account.Id, account.Email!, invitation, url, Emailed: false, MailFailed: true);
    }

    public async Task<LinkState> CheckInvitationAsync(Account? account, string? token)
    {
        if (account is null || string.IsNullOrEmpty(token) || account.IsDisabled) return LinkState.Invalid;
        if (account.PasswordHash is not null) return LinkState.Used;
        return await users.VerifyUserTokenAsync(account, InvitationProvider, InvitationPurpose, token) ? LinkState.Valid : invitations.Explain(token, account.Id);
    }

    public async Task<LinkState> CheckPasswordResetAsync(Account? account, string? token)
    {
        if (account is null || string.IsNullOrEmpty(token) || account.IsDisabled) return LinkState.Invalid;
        return await users.VerifyUserTokenAsync(account, PasswordResetProvider, UserManager<Account>.ResetPasswordTokenPurpose, token) ? LinkState.Valid : resets.Explain(token, account.Id);
    }

    string Url(string path, int id, string token)
    {
        var root = options.Value.PublicUrl is { Length: > 0 } configured ? configured.TrimEnd('/') : ServerRoot(server, configuration);
        return $"{root}{path}?id={id}&token={Uri.EscapeDataString(token)}";
    }

    // The address the server listens on (HTTPS first), as bound or as configured; a wildcard host
    // ("http://*:5080", "http://+:80", "[::]") is read as localhost, the only host that address names for sure.
    public static string ServerRoot(Microsoft.AspNetCore.Hosting.Server.IServer server, IConfiguration configuration)
    {
        var bound = server.Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
        var configured = (configuration["urls"] ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var addresses = bound.Concat(configured).ToList();
        var chosen = addresses.FirstOrDefault(a => a.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault() ?? "http://localhost:5080";
        foreach (var wildcard in new[] { "://*", "://+", "://[::]", "://0.0.0.0" })
            chosen = chosen.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        return chosen.TrimEnd('/');
    }
}

public static class AccountLinksSetup
{
    // Production refuses to start without Accounts:PublicUrl: every e-mailed link starts with it, and no
    // request's Host header is trusted for that.
    public static string? PublicUrlProblem(IHostApplicationBuilder builder) =>
        builder.Environment.IsProduction() && string.IsNullOrWhiteSpace(builder.Configuration["Accounts:PublicUrl"])
            ? "Accounts__PublicUrl (Accounts:PublicUrl) is not set. In Production Concord needs the address people reach it at, "
              + "e.g. Accounts__PublicUrl=https://concord.example.gov.vn: invitation and password reset links start with it."
            : null;

    public static IServiceCollection AddConcordAccountLinks(this IServiceCollection services)
    {
        services.AddOptions<AccountLinkOptions>().BindConfiguration("Accounts");
        services.AddOptions<InvitationTokenOptions>().Configure<IOptions<AccountLinkOptions>>((o, links) => o.TokenLifespan = links.Value.InvitationLifespan);
        services.AddOptions<PasswordResetTokenOptions>().Configure<IOptions<AccountLinkOptions>>((o, links) => o.TokenLifespan = links.Value.PasswordResetLifespan);
        services.AddTransient<InvitationTokenProvider>();
        services.AddTransient<PasswordResetTokenProvider>();
        // What IdentityBuilder.AddTokenProvider does; UserManager finds the providers by these names.
        services.Configure<IdentityOptions>(o =>
        {
            o.Tokens.ProviderMap[AccountLinks.InvitationProvider] = new TokenProviderDescriptor(typeof(InvitationTokenProvider));
            o.Tokens.ProviderMap[AccountLinks.PasswordResetProvider] = new TokenProviderDescriptor(typeof(PasswordResetTokenProvider));
            o.Tokens.PasswordResetTokenProvider = AccountLinks.PasswordResetProvider;
        });
        services.AddScoped<AccountLinks>();
        services.AddConcordMail();
        return services;
    }
}
