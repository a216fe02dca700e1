using System.Security.Claims;
using System.Security.Cryptography;
using Concord.Data;
using Concord.Features.Audit;
using Concord.Shared;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OtpNet;

namespace Concord.Features.Accounts;

public enum PasswordStep
{
    // One answer for a wrong password, an unknown address, a disabled or a locked account, so that
    // the sign-in page tells nobody which addresses have accounts.
    Refused,
    NeedsSecondFactor,
    NeedsEnrolment,
    SignedIn,
}

public sealed class SignInService(UserManager<Account> users, ConcordDb db, SecurityLog log, IHttpContextAccessor http, TimeProvider clock)
{
    HttpContext Http => http.HttpContext ?? throw new InvalidOperationException("Signing in needs a request.");

    public async Task<PasswordStep> CheckPasswordAsync(string email, string password)
    {
        var account = await users.FindByEmailAsync(email.Trim());
        if (account is null)
        {
            // Hash anyway, so that an unknown address takes as long as a known one.
            users.PasswordHasher.HashPassword(new Account(), password);
            await log.RecordAsync(SecurityEventKind.SignInFailed, null, email, "unknown address");
            return PasswordStep.Refused;
        }
        if (await users.IsLockedOutAsync(account))
        {
            // The same hash as every other answer: a locked account must not answer faster (SignInWorkTests).
            users.PasswordHasher.HashPassword(new Account(), password);
            await log.RecordAsync(SecurityEventKind.SignInFailed, account.Id, account.Email, "locked out");
            return PasswordStep.Refused;
        }
        if (!await users.CheckPasswordAsync(account, password))
        {
            await users.AccessFailedAsync(account);
            var locked = await users.IsLockedOutAsync(account);
            await log.RecordAsync(locked ? SecurityEventKind.LockedOut : SecurityEventKind.SignInFailed, account.Id, account.Email, "wrong password");
            return PasswordStep.Refused;
        }
        if (account.IsDisabled)
        {
            await log.RecordAsync(SecurityEventKind.SignInFailed, account.Id, account.Email, "disabled");
            return PasswordStep.Refused;
        }
        // The count of failures is reset only once the whole sign-in succeeds (StartSessionAsync): wrong
        // codes after a right password keep counting, however often the password is given again.
        if (account.TwoFactorEnabled)
        {
            await SignInPendingAsync(account, "mfa");
            return PasswordStep.NeedsSecondFactor;
        }
        if (Account.RequiresTwoFactor(account.Role))
        {
            await SignInPendingAsync(account, "enrol");
            return PasswordStep.NeedsEnrolment;
        }
        await StartSessionAsync(account);
        return PasswordStep.SignedIn;
    }

    // The account that passed the password step and has yet to give its second factor. A lockout (wrong
    // codes here, or wrong passwords elsewhere) ends the pending sign-in: the cookie lives 10 minutes, and
    // without this check it kept taking codes after the account was locked.
    public async Task<(Account Account, string Purpose)?> PendingAsync()
    {
        var result = await Http.AuthenticateAsync(AccountsSetup.PendingScheme);
        if (!result.Succeeded) return null;
        var purpose = result.Principal.FindFirstValue(ConcordClaims.Pending);
        var id = result.Principal.FindFirstValue(ClaimTypes.NameIdentifier);
        var account = id is null ? null : await users.FindByIdAsync(id);
        if (account is null || purpose is null || account.IsDisabled || await users.IsLockedOutAsync(account))
        {
            await Http.SignOutAsync(AccountsSetup.PendingScheme);
            return null;
        }
        return (account, purpose);
    }

    async Task SignInPendingAsync(Account account, string purpose)
    {
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, account.Id.ToString()), new Claim(ConcordClaims.Pending, purpose)],
            AccountsSetup.PendingScheme);
        await Http.SignInAsync(AccountsSetup.PendingScheme, new ClaimsPrincipal(identity));
    }

    // A six-digit code from the authenticator, accepted once: a code already used (or an older one)
    // is refused even inside its 30 seconds, so a code seen over a shoulder cannot be replayed.
    public async Task<bool> VerifyAuthenticatorCodeAsync(Account account, string code)
    {
        var key = await users.GetAuthenticatorKeyAsync(account);
        if (await users.IsLockedOutAsync(account)) return false;
        if (!TotpCode.Verify(key, code, clock.GetUtcNow().UtcDateTime, account.LastTotpStep, out var step))
        {
            await SecondFactorFailedAsync(account, "authenticator code");
            return false;
        }
        account.LastTotpStep = step;
        await users.UpdateAsync(account);
        return true;
    }

    public async Task<bool> RedeemRecoveryCodeAsync(Account account, string code)
    {
        if (await users.IsLockedOutAsync(account)) return false;
        var result = await users.RedeemTwoFactorRecoveryCodeAsync(account, RecoveryCode.Normalise(code));
        if (!result.Succeeded)
        {
            await SecondFactorFailedAsync(account, "recovery code");
            return false;
        }
        await log.RecordAsync(SecurityEventKind.RecoveryCodeUsed, account.Id, account.Email);
        return true;
    }

    // A wrong code counts towards the lockout like a wrong password; the failure that locks the account
    // also ends the pending sign-in, so the page goes back to the password.
    async Task SecondFactorFailedAsync(Account account, string what)
    {
        await users.AccessFailedAsync(account);
        var locked = await users.IsLockedOutAsync(account);
        await log.RecordAsync(locked ? SecurityEventKind.LockedOut : SecurityEventKind.SecondFactorFailed, account.Id, account.Email, what);
        if (locked) await Http.SignOutAsync(AccountsSetup.PendingScheme);
    }

    // After a refused code: whether the pending sign-in is still open (false once the account locked).
    public async Task<bool> IsLockedOutAsync(Account account) => await users.IsLockedOutAsync(account);

    // A new session, with a new id, at every sign-in; the cookie carries its id, the database its state.
    public async Task StartSessionAsync(Account account)
    {
        await Http.SignOutAsync(AccountsSetup.PendingScheme);
        await users.ResetAccessFailedCountAsync(account);
        var now = clock.GetUtcNow().UtcDateTime;
        // A browser holds one session: signing in again, as the same official or another, ends the one it had.
        if (Http.User.FindFirstValue(ConcordClaims.Session) is { } replaced)
            await db.AccountSessions.Where(s => s.Id == replaced && s.EndedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, "replaced"));
        var session = new AccountSession
        {
            Id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)),
            AccountId = account.Id,
            StartedAt = now,
            LastSeenAt = now,
            IpAddress = Http.Connection.RemoteIpAddress?.ToString(),
            UserAgent = Http.Request.Headers.UserAgent.ToString() is { Length: > 300 } ua ? ua[..300] : Http.Request.Headers.UserAgent.ToString(),
        };
        db.AccountSessions.Add(session);
        await db.SaveChangesAsync();
        await db.Users.Where(a => a.Id == account.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.LastSignInAt, now));
        await Http.SignInAsync(AccountsSetup.SessionScheme, new ClaimsPrincipal(Identity(account, AccountsSetup.SessionScheme, session.Id)));
        await log.RecordAsync(SecurityEventKind.SignIn, account.Id, account.Email);
    }

    public static ClaimsIdentity Identity(Account account, string scheme, string? sessionId = null)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.NameIdentifier, account.Id.ToString()),
            new(ClaimTypes.Name, account.DisplayName.Length > 0 ? account.DisplayName : account.Email ?? ""),
            new(ClaimTypes.Role, account.Role.ToString()),
            new(ConcordClaims.Country, account.Country),
            new(ConcordClaims.Organisation, account.OrganisationId.ToString()),
        };
        if (sessionId is not null) claims.Add(new Claim(ConcordClaims.Session, sessionId));
        if (!string.IsNullOrEmpty(account.Language)) claims.Add(new Claim(ConcordClaims.Language, account.Language));
        return new ClaimsIdentity(claims, scheme);
    }

    public async Task SignOutAsync()
    {
        var user = CurrentUser.From(Http.User);
        var sessionId = Http.User.FindFirstValue(ConcordClaims.Session);
        if (sessionId is not null)
        {
            var now = clock.GetUtcNow().UtcDateTime;
            await db.AccountSessions.Where(s => s.Id == sessionId && s.EndedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, "signed out"));
        }
        await Http.SignOutAsync(AccountsSetup.SessionScheme);
        if (user.AccountId is not null) await log.RecordAsync(SecurityEventKind.SignOut, user.AccountId, null);
    }

    public const int RecoveryCodeCount = 10;

    // Turns the second factor on, once a code from the new key was accepted. The recovery codes are
    // returned to be shown once; only their hashes are kept.
    public async Task<IReadOnlyList<string>> EnableTwoFactorAsync(Account account)
    {
        await users.SetTwoFactorEnabledAsync(account, true);
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(account, RecoveryCodeCount);
        await log.RecordAsync(SecurityEventKind.TwoFactorEnabled, account.Id, account.Email);
        return [.. codes ?? []];
    }

    // New recovery codes replace the old ones, which stop working at once.
    public async Task<IReadOnlyList<string>> RegenerateRecoveryCodesAsync(Account account)
    {
        var codes = await users.GenerateNewTwoFactorRecoveryCodesAsync(account, RecoveryCodeCount);
        await log.RecordAsync(SecurityEventKind.AccountChanged, account.Id, account.Email, "new recovery codes");
        return [.. codes ?? []];
    }

    public Task<int> RecoveryCodesLeftAsync(Account account) => users.CountRecoveryCodesAsync(account);

    // Only for the roles that may go without a second factor. The key is replaced and the recovery codes
    // dropped, so that turning it on again starts from a key nobody has seen.
    public async Task DisableTwoFactorAsync(Account account)
    {
        if (Account.RequiresTwoFactor(account.Role))
            throw new InvalidOperationException($"A {account.Role} must keep two-step verification.");
        await users.SetTwoFactorEnabledAsync(account, false);
        await users.ResetAuthenticatorKeyAsync(account);
        await users.RemoveAuthenticationTokenAsync(account, "[AspNetUserStore]", "RecoveryCodes");
        await log.RecordAsync(SecurityEventKind.AccountChanged, account.Id, account.Email, "two-step verification turned off");
    }

    // Changing how an account signs in asks for its password again: a session left open on a shared
    // computer must not be enough to turn the second factor off, or to take it over.
    public async Task<bool> ConfirmPasswordAsync(Account account, string? password)
    {
        // Guesses count towards the lockout, and a locked account cannot confirm, as at sign-in.
        if (await users.IsLockedOutAsync(account)) return false;
        if (!string.IsNullOrEmpty(password) && await users.CheckPasswordAsync(account, password)) return true;
        await users.AccessFailedAsync(account);
        await log.RecordAsync(SecurityEventKind.SignInFailed, account.Id, account.Email, "password confirmation on the account page");
        return false;
    }

    // "Sign out everywhere else": every session of the account but the one asking.
    public async Task<int> EndOtherSessionsAsync(int accountId)
    {
        var current = Http.User.FindFirstValue(ConcordClaims.Session) ?? "";
        var now = clock.GetUtcNow().UtcDateTime;
        var ended = await db.AccountSessions.Where(s => s.AccountId == accountId && s.EndedAt == null && s.Id != current)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, "signed out elsewhere"));
        await log.RecordAsync(SecurityEventKind.SessionEnded, accountId, null, $"{ended} other session(s) ended by the account's owner");
        return ended;
    }

    // Disabling an account or an administrator's "end sessions" ends every session at once.
    public static Task EndSessionsAsync(ConcordDb db, int accountId, DateTime now, string reason) =>
        db.AccountSessions.Where(s => s.AccountId == accountId && s.EndedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.EndedAt, now).SetProperty(x => x.EndReason, reason));
}

public static class RecoveryCode
{
    // Identity makes codes like "B7KXM-2QHR9" and compares them exactly. Typed codes come with spaces,
    // in lower case or without the hyphen.
    public static string Normalise(string code)
    {
        var compact = new string([.. code.Where(c => !char.IsWhiteSpace(c) && c != '-')]).ToUpperInvariant();
        return compact.Length == 10 ? $"{compact[..5]}-{compact[5..]}" : compact;
    }
}

public static class TotpCode
{
    // One step either side of now, for clocks that drift; never a step at or before the last one used.
    public static bool Verify(string? base32Key, string code, DateTime utcNow, long lastStep, out long step)
    {
        step = 0;
        code = code.Replace(" ", "").Trim();
        if (string.IsNullOrEmpty(base32Key) || code.Length != 6 || !code.All(char.IsAsciiDigit)) return false;
        var totp = new Totp(Base32Encoding.ToBytes(base32Key));
        return totp.VerifyTotp(utcNow, code, out step, new VerificationWindow(previous: 1, future: 1)) && step > lastStep;
    }
}
