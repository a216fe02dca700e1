using System.Collections.Concurrent;
using System.Data.Common;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Concord.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Concord.Shared;

// Names are sorted as the reader's language sorts them: Vietnamese puts Ă and Â after A, Đ after D,
// Ơ after Ô and Ư after U, then orders the tones (a à ả ã á ạ); Lao follows its alphabet (ສ between
// ຈ and ຊ) and sorts "ແຂວງ" by its consonant ຂ, not by the vowel written first; English ignores case.
// Ordinal order gets all of these wrong ("Ảnh" after "Zeta", every Lao name with a pre-posed vowel
// after every other).
//
// ICU does all of it, on both sides of the database: PostgreSQL's ICU collations vi-x-icu, lo-x-icu and
// en-x-icu (created by initdb; ICU's Lao rules contract a pre-posed vowel with its consonant), and in
// SQLite collations of the same names registered on every connection from .NET's CompareInfo, which is
// ICU on Linux. Ties are broken ordinally, as PostgreSQL's deterministic collations do, so a keyset
// cursor finds the same next row on both databases and in memory.
public static class Collation
{
    public static string For(string language) => language switch
    {
        "vi" => "vi-x-icu",
        "lo" => "lo-x-icu",
        _ => "en-x-icu",
    };

    static readonly ConcurrentDictionary<string, ReaderOrder> Orders = new();

    // For lists and dropdowns sorted in memory.
    public static IComparer<string?> Comparer(string language) =>
        Orders.GetOrAdd(language, l => new ReaderOrder(CultureInfo.GetCultureInfo(l == "vi" || l == "lo" ? l : "en").CompareInfo));

    public static IComparer<string?> Current => Comparer(Cultures.Language);

    sealed class ReaderOrder(CompareInfo info) : IComparer<string?>
    {
        public int Compare(string? x, string? y)
        {
            var byReader = info.Compare(x, y, CompareOptions.None);
            return byReader != 0 ? byReader : string.CompareOrdinal(x, y);
        }
    }

    // The name a reader sees, as SQL sorted by their language: their own language's text, else the
    // first that exists in LocalizedText.Best's order ("COALESCE(Name_Lo, Name_Vi, Name_En, '')" for
    // a Lao reader). Never NULL, so that a keyset comparison with it is never unknown.
    public static Expression<Func<T, string>> SortName<T>(this ConcordDb db, Expression<Func<T, LocalizedText>> text, string? language = null)
    {
        language ??= Cultures.Language;
        Expression name = Expression.Constant("");
        foreach (var l in FallbackOrder(language).Reverse())
            name = Expression.Coalesce(Expression.Property(text.Body, LocalizedText.Property(l)), name);
        return Expression.Lambda<Func<T, string>>(Collate(db, name, language), text.Parameters);
    }

    // The same name in memory, exactly as SQL picks it (a blank is not skipped, unlike Best), for a cursor.
    public static string SortText(LocalizedText text, string language) =>
        FallbackOrder(language).Select(text.In).FirstOrDefault(t => t is not null) ?? "";

    // A name held in one form (a person's), sorted by the reader's language.
    public static Expression<Func<T, string>> SortName<T>(this ConcordDb db, Expression<Func<T, string>> name, string? language = null) =>
        Expression.Lambda<Func<T, string>>(Collate(db, name.Body, language ?? Cultures.Language), name.Parameters);

    static IEnumerable<string> FallbackOrder(string language) => LocalizedText.Languages.Where(l => l != language).Prepend(language);


    static readonly MethodInfo CollateMethod = typeof(RelationalDbFunctionsExtensions)
        .GetMethod(nameof(RelationalDbFunctionsExtensions.Collate))!.MakeGenericMethod(typeof(string));

    // EF writes a collation's name into SQL as given on SQLite and quoted on PostgreSQL; "vi-x-icu"
    // unquoted would read as a subtraction, so SQLite is given the quotes.
    static Expression Collate(ConcordDb db, Expression text, string language)
    {
        var name = For(language);
        return Expression.Call(CollateMethod, Expression.Constant(EF.Functions), text,
            Expression.Constant(db.IsPostgres ? name : $"\"{name}\""));
    }

    // Keyset paging by name: the rows after (value, id) in the order (key, id), or for which
    // `orElse` holds (rows of a later group, when the key only orders rows within a group).
    public static Expression<Func<T, bool>> After<T>(Expression<Func<T, string>> key, string value, int afterId,
        Expression<Func<T, bool>>? orElse = null) where T : Record
    {
        var row = key.Parameters[0];
        var cursor = Expression.Constant(new Position(value, afterId));
        var cursorValue = Expression.Property(cursor, nameof(Position.Value));
        var compare = Expression.Call(typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!, key.Body, cursorValue);
        Expression after = Expression.OrElse(
            Expression.GreaterThan(compare, Expression.Constant(0)),
            Expression.AndAlso(
                Expression.Equal(key.Body, cursorValue),
                Expression.GreaterThan(Expression.Property(row, nameof(Record.Id)), Expression.Property(cursor, nameof(Position.Id)))));
        if (orElse is not null)
            after = Expression.OrElse(new Rebind(orElse.Parameters[0], row).Visit(orElse.Body), after);
        return Expression.Lambda<Func<T, bool>>(after, row);
    }

    // Read through a property, the cursor's values are sent as parameters, not written into the SQL.
    sealed record Position(string Value, int Id);

    sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
    }

    // SQLite has no ICU: each connection EF opens gets the three collations from .NET.
    public static DbContextOptionsBuilder UseReaderCollations(this DbContextOptionsBuilder options) =>
        options.AddInterceptors(SqliteCollations.Instance);

    sealed class SqliteCollations : DbConnectionInterceptor
    {
        public static readonly SqliteCollations Instance = new();

        public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Register(connection);

        public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
        {
            Register(connection);
            return Task.CompletedTask;
        }

        static void Register(DbConnection connection)
        {
            if (connection is not SqliteConnection sqlite) return;
            foreach (var language in Cultures.Supported)
                sqlite.CreateCollation(For(language), Comparer(language).Compare);
        }
    }
}
