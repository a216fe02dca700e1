using Concord.Data;
using Microsoft.EntityFrameworkCore;

namespace Concord.Features.Audit;

// The audit is append-only in the database too, not only in Concord's code: an UPDATE or DELETE of an
// audit row or a security event fails, whoever sends it (a script, a console, a bug). Applied at every
// start with the migrations (DatabaseSetup), idempotently, so it survives their regeneration. Whoever
// may alter the tables can still drop a trigger: that is a deliberate act, not a slip.
public static class AppendOnly
{
    static readonly string[] Tables = ["AuditEntries", "SecurityEvents"];

    public static string[] Sql(bool postgres) => postgres ? Postgres() : Sqlite();

    public static async Task ApplyAsync(ConcordDb db, CancellationToken ct = default)
    {
        foreach (var sql in Sql(db.IsPostgres))
            await db.Database.ExecuteSqlRawAsync(sql, ct);
    }

    static string[] Sqlite() =>
    [
        .. Tables.SelectMany(table => new[]
        {
            $"""CREATE TRIGGER IF NOT EXISTS "{table}_no_update" BEFORE UPDATE ON "{table}" BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END;""",
            $"""CREATE TRIGGER IF NOT EXISTS "{table}_no_delete" BEFORE DELETE ON "{table}" BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END;""",
        }),
    ];

    static string Once(string name, string table, string when, string each) => $"""
        DO $$ BEGIN
            IF NOT EXISTS (SELECT 1 FROM pg_trigger WHERE tgname = '{name}' AND tgrelid = '"{table}"'::regclass) THEN
                CREATE TRIGGER "{name}" {when} ON "{table}" {each} EXECUTE FUNCTION concord_append_only();
            END IF;
        END $$;
        """;

    static string[] Postgres() =>
    [
        """
        CREATE OR REPLACE FUNCTION concord_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            RAISE EXCEPTION '% are append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
        END
        $$;
        """,
        // Created only when missing, never dropped and re-created: no moment at start-up leaves the table open.
        .. Tables.SelectMany(table => new[]
        {
            Once($"{table}_append_only", table, "BEFORE UPDATE OR DELETE", "FOR EACH ROW"),
            // TRUNCATE skips row triggers.
            Once($"{table}_no_truncate", table, "BEFORE TRUNCATE", "FOR EACH STATEMENT"),
        }),
    ];
}
