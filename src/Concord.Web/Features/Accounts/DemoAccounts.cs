using System.Security.Cryptography;
using System.Text;
using Concord.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Accounts;

// The embedded demo's accounts: one per role and side, so that anyone trying Concord can see it as each
// kind of official sees it. Made at the first start of a database with no accounts, with random
// passphrases printed once to the log and never again (only their hashes are kept). Never made in
// Production, and Production refuses to start while any exists (RefuseInProductionAsync).
public static class DemoAccounts
{
    public const string EmailDomain = "demo.concord.example";

    // Where each account sits: coordinators in the international cooperation departments, the Lao focal
    // point in the Ban Kan centre (which leads an illustrative commitment), the Vietnamese one in the
    // illustrative Department of Employment (Data/Demo/illustrative.json), readers and administrators in
    // the ministries.
    static readonly (Role Role, string Side, string Organisation)[] Seats =
    [
        (Role.Administrator, "VN", "vn-moha"),
        (Role.Coordinator, "VN", "vn-molisa-icd"),
        (Role.FocalPoint, "VN", "vn-moha-doe"),
        (Role.Reader, "VN", "vn-moha"),
        (Role.Administrator, "LA", "la-mlsw"),
        (Role.Coordinator, "LA", "la-mlsw-dpic"),
        (Role.FocalPoint, "LA", "la-bankan"),
        (Role.Reader, "LA", "la-mlsw"),
    ];

    public static string Email(Role role, string side) => $"{Slug(role)}.{side.ToLowerInvariant()}@{EmailDomain}";

    static string Slug(Role role) => role switch
    {
        Role.FocalPoint => "focal-point",
        _ => role.ToString().ToLowerInvariant(),
    };

    static string SideName(string side) => side == "VN" ? "Vietnam" : "Laos";

    public static async Task CreateIfNoAccountsAsync(IServiceProvider services, CancellationToken ct = default)
    {
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Concord.DemoAccounts");
        if (services.GetRequiredService<IHostEnvironment>().IsProduction())
        {
            logger.LogInformation("Demo accounts are never made in Production.");
            return;
        }
        var db = services.GetRequiredService<ConcordDb>();
        if (await db.Users.AnyAsync(ct)) return;
        var users = services.GetRequiredService<UserManager<Account>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        var keys = Seats.Select(s => s.Organisation).Distinct().ToArray();
        var organisations = await db.Organisations.AsNoTracking()
            .Where(o => keys.Contains(o.Key!))
            .ToDictionaryAsync(o => o.Key!, o => (o.Id, o.Country), ct);

        var made = new List<(Role Role, string Side, string Email, string Password)>();
        foreach (var (role, side, organisationKey) in Seats)
        {
            if (!organisations.TryGetValue(organisationKey, out var organisation))
                throw new InvalidDataException($"Demo accounts: the demo has no organisation '{organisationKey}'.");
            var email = Email(role, side);
            var password = Passphrase();
            var account = new Account
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = $"Demo {Slug(role).Replace('-', ' ')} ({SideName(side)})",
                OrganisationId = organisation.Id,
                Country = organisation.Country ?? side,
                Role = role,
                IsDemo = true,
                CreatedAt = now,
            };
            var created = await users.CreateAsync(account, password);
            // Another instance starting on the same empty database made it first: its log has the password.
            if (!created.Succeeded)
            {
                logger.LogWarning("Demo account {Email} not made: {Errors}", email, string.Join("; ", created.Errors.Select(e => e.Description)));
                continue;
            }
            made.Add((role, SideName(side), email, password));
        }
        if (made.Count == 0) return;

        var table = new StringBuilder();
        table.AppendLine("Demo accounts made for this database. Their passwords are shown this once and never again:");
        table.AppendLine();
        table.AppendLine($"  {"role",-15}{"side",-9}{"e-mail",-40}password");
        foreach (var (role, side, email, password) in made)
            table.AppendLine($"  {Slug(role),-15}{side,-9}{email,-40}{password}");
        table.AppendLine();
        table.Append("Administrators and coordinators set up two-step verification (an authenticator app) at their first sign-in. ");
        table.Append("Production refuses to start while demo accounts exist.");
        logger.LogWarning("{DemoAccounts}", table.ToString());
    }

    // Concord holding the demo's accounts, whose passwords were printed in a log, must not serve real work.
    public static async Task RefuseInProductionAsync(IServiceProvider services, CancellationToken ct = default)
    {
        if (!services.GetRequiredService<IHostEnvironment>().IsProduction()) return;
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        var count = await db.Users.CountAsync(a => a.IsDemo, ct);
        if (count > 0)
            throw new InvalidOperationException(
                $"Concord refuses to start in Production while demo accounts exist ({count} in this database, e-mail addresses ending in @{EmailDomain}; " +
                "their passwords were printed in a log). Delete them with the command `delete-demo-accounts` " +
                "(dotnet Concord.Web.dll delete-demo-accounts), then start again.");
    }

    // The command-line verb `delete-demo-accounts`. Their sessions, tokens and keys go with them; the
    // audit keeps what they did, under their names.
    public static async Task<int> DeleteAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ConcordDb>();
        var demo = await db.Users.Where(a => a.IsDemo).ToListAsync(ct);
        db.Users.RemoveRange(demo);
        await db.SaveChangesAsync(ct);
        Console.WriteLine($"Deleted {demo.Count} demo account(s).");
        return 0;
    }

    // Four words and a number, e.g. "harbour-mango-lantern-violet-47": easy to type from a log, and
    // random enough for an account that exists only in a demonstration.
    static string Passphrase()
    {
        while (true)
        {
            var words = Enumerable.Range(0, 4).Select(_ => Words[RandomNumberGenerator.GetInt32(Words.Length)]);
            var passphrase = $"{string.Join('-', words)}-{RandomNumberGenerator.GetInt32(10, 100)}";
            if (passphrase.Length >= 20 && !PasswordRules.IsCommon(passphrase)) return passphrase;
        }
    }

    static readonly string[] Words =
    ("acorn amber anchor apple apron arrow autumn badge bamboo banana basket beacon berry bicycle blanket blossom " +
     "bottle breeze bridge bucket butter button cabin cactus camera candle canoe canvas carpet carrot castle cedar " +
     "cherry chess cider circle citrus cliff clock cloud clover cobalt coconut comet copper coral cotton crayon " +
     "cricket crystal cypress daisy dawn desert diamond dolphin dragon drum eagle echo ember falcon feather fern " +
     "fiddle finch forest fossil fountain garden garlic ginger glacier globe granite grape guitar hammock harbour " +
     "harvest hazel helmet heron honey horizon island ivory jacket jasmine jungle kettle kite ladder lantern lemon " +
     "lily lotus magnet mango maple marble meadow melon meteor mint mirror monsoon moss mountain mustard needle " +
     "nutmeg oasis ocean olive orbit orchid otter paddle palm panda paper parrot peach pearl pebble pepper piano " +
     "pigeon pillow planet plum pocket pond poppy puzzle quartz quill rabbit radish rainbow raven reef ribbon river " +
     "rocket saddle saffron salmon sandal scarf shadow shell silver sketch sparrow spice spruce squirrel stone " +
     "summit sunrise swallow tamarind teapot thunder tiger timber tomato topaz tulip turtle umbrella valley velvet " +
     "violet volcano walnut willow window winter wren yarn zebra").Split(' ');
}
