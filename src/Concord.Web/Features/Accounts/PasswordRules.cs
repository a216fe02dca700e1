using System.Reflection;
using Microsoft.AspNetCore.Identity;

namespace Concord.Features.Accounts;

// NIST SP 800-63B: at least 12 characters, long passphrases welcome, no composition rules, and no
// password that is known to attackers (a shipped list of common passwords) or that is built from the
// words of this context (the programme, the ministries, their cities, the user's own name or e-mail),
// with digits and symbols stripped from the end, so that "Password123" and "vientiane2025" both fail.
public sealed class PasswordRules : IPasswordValidator<Account>
{
    public const int MinimumLength = 12;
    public const int MaximumLength = 256;

    static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    static readonly string[] ContextWords =
    [
        "concord", "vietnam", "viet nam", "laos", "lao", "hanoi", "ha noi", "vientiane", "viengchan",
        "molisa", "mlsw", "ministry", "labour", "labor", "welfare", "cooperation", "hoptac", "laodong",
    ];

    public Task<IdentityResult> ValidateAsync(UserManager<Account> manager, Account user, string? password)
    {
        var errors = new List<IdentityError>();
        password ??= "";
        if (password.Length > MaximumLength)
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = "Password is too long." });
        if (IsCommon(password) || IsContextual(password, user))
            errors.Add(new IdentityError { Code = "PasswordCommon", Description = "This password is too easy to guess." });
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    // "Password123!" -> "password": the part an attacker's list already has.
    public static string Core(string password) =>
        new string(password.Trim().ToLowerInvariant().TrimEnd("0123456789!@#$%^&*()-_=+.,;:?~ ".ToCharArray()).ToArray());

    public static bool IsCommon(string password)
    {
        var lower = password.Trim().ToLowerInvariant();
        return Common.Value.Contains(lower) || Common.Value.Contains(Core(password));
    }

    static bool IsContextual(string password, Account user)
    {
        var core = Core(password).Replace(" ", "");
        if (core.Length == 0) return true;
        var words = ContextWords.Select(w => w.Replace(" ", ""))
            .Concat(Personal(user.Email)).Concat(Personal(user.DisplayName))
            .Where(w => w.Length >= 3);
        // The whole password is one of the context's words, or that word repeated ("laoslaoslaos").
        return words.Any(w => core == w || (core.Length % w.Length == 0 && core == string.Concat(Enumerable.Repeat(w, core.Length / w.Length))));
    }

    static IEnumerable<string> Personal(string? text) => string.IsNullOrWhiteSpace(text) ? [] :
        text.ToLowerInvariant().Split([' ', '@', '.', '-', '_'], StringSplitOptions.RemoveEmptyEntries).Append(text.ToLowerInvariant().Replace(" ", ""));

    static HashSet<string> LoadCommon()
    {
        var assembly = typeof(PasswordRules).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith("common-passwords.txt", StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(name)!);
        var set = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
            if (line.Length > 0 && line[0] != '#') set.Add(line.Trim().ToLowerInvariant());
        return set;
    }
}
