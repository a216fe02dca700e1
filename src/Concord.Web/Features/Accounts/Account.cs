using Concord.Features.Organisations;
using Microsoft.AspNetCore.Identity;

namespace Concord.Features.Accounts;

// What an account may do. One role per account: an official who both coordinates and administers
// holds two accounts, so that the powerful one is used only when needed.
public enum Role
{
    // Leadership and other departments: reads what their side may see.
    Reader,
    // A technical department's focal point: progress reports on the commitments their department leads.
    FocalPoint,
    // A side's international cooperation department: the record (instruments, meetings, commitments,
    // activities) and every progress report of their own side.
    Coordinator,
    // Accounts, roles and reference data; not the record itself.
    Administrator,
}

// An official's account. The side follows from the organisation (its Country: VN, LA, or another
// country for a third party), copied here when the account is saved so that every request can carry it.
public sealed class Account : IdentityUser<int>
{
    public string DisplayName { get; set; } = "";
    public int OrganisationId { get; set; }
    public Organisation Organisation { get; set; } = null!;
    public string Country { get; set; } = "";
    public Role Role { get; set; }
    // The interface language chosen by the account (vi, en, lo); null follows the browser.
    public string? Language { get; set; }
    // A disabled account cannot sign in; disabling ends its sessions at once.
    public bool IsDisabled { get; set; }
    // Seeded by the embedded demo; Production refuses to start while any exists.
    public bool IsDemo { get; set; }
    // The last TOTP time step accepted, so that a code cannot be used twice.
    public long LastTotpStep { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }

    public static bool RequiresTwoFactor(Role role) => role is Role.Administrator or Role.Coordinator;
}

// A signed-in session, held on the server so that signing out or disabling an account ends it at once,
// whatever cookie a browser still holds. The cookie carries only the session's id.
public sealed class AccountSession
{
    public string Id { get; set; } = "";
    public int AccountId { get; set; }
    public Account Account { get; set; } = null!;
    public DateTime StartedAt { get; set; }
    public DateTime LastSeenAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? EndReason { get; set; }
    public string? IpAddress { get; set; }
    public string? UserAgent { get; set; }
}

// A personal access token for scripts. Only its SHA-256 hash is kept; the token itself is shown once.
public sealed class ApiToken
{
    public int Id { get; set; }
    public int AccountId { get; set; }
    public Account Account { get; set; } = null!;
    public string Name { get; set; } = "";
    // The first characters, shown in lists so that an owner can tell tokens apart.
    public string Prefix { get; set; } = "";
    public string Hash { get; set; } = "";
    // Space-separated: read, report, edit (see TokenScopes).
    public string Scopes { get; set; } = "";
    public DateTime CreatedAt { get; set; }
    public DateTime ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public DateTime? LastUsedAt { get; set; }
}

public static class TokenScopes
{
    // Reads what the owner may read.
    public const string Read = "read";
    // Writes progress reports the owner may write.
    public const string Report = "report";
    // Edits the record as the owner may (coordinators).
    public const string Edit = "edit";
    public static readonly string[] All = [Read, Report, Edit];
}

// The ASP.NET Data Protection keys (cookies, invitation and reset links) live in the database, so that
// every instance and every restart reads the same keys.
public sealed class DataProtectionKey
{
    public int Id { get; set; }
    public string FriendlyName { get; set; } = "";
    public string Xml { get; set; } = "";
}
