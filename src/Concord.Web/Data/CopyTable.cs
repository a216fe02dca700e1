using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using NpgsqlTypes;

namespace Concord.Data;

// An entity type's table as the EF model maps it, for writing rows with PostgreSQL's binary COPY: its scalar
// properties and the columns of its complex properties (Title_Vi, Title_En, ...), each read straight from the
// entity and put through EF's value converter (enums to text or numbers). The bulk load (BulkLoad) and a save of
// thousands of records (BulkSave) write through it, so both follow the entities as they change.
public sealed class CopyTable
{
    public sealed record Column(string Name, IProperty Property, IComplexProperty? Complex, Func<object, object?> Get, Action<NpgsqlBinaryImporter, object> Copy);

    public string Name { get; }
    public IEntityType Entity { get; }
    public IReadOnlyList<Column> Columns { get; }

    CopyTable(string name, IEntityType entity, IReadOnlyList<Column> columns) => (Name, Entity, Columns) = (name, entity, columns);

    public string ColumnList => string.Join(", ", Columns.Select(c => $"\"{c.Name}\""));

    // Each model once (the two providers' models differ): compiling the readers costs more than a small save.
    static readonly ConditionalWeakTable<IModel, ConcurrentDictionary<Type, CopyTable>> Known = [];

    public static CopyTable For(IModel model, Type clrType) =>
        Known.GetOrCreateValue(model).GetOrAdd(clrType, t => Map(model, t));

    static CopyTable Map(IModel model, Type clrType)
    {
        var entity = model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
        var name = entity.GetTableName()!;
        var store = StoreObjectIdentifier.Table(name, entity.GetSchema());
        var row = Expression.Parameter(typeof(object), "row");
        var typed = Expression.Convert(row, clrType);
        var columns = new List<Column>();
        foreach (var property in entity.GetProperties())
            columns.Add(ColumnFor(property, null, store, row, Expression.Property(typed, property.PropertyInfo!)));
        foreach (var complex in entity.GetComplexProperties())
        {
            if (complex.ComplexType.GetComplexProperties().Any())
                throw new NotSupportedException($"{clrType.Name}.{complex.Name} nests complex properties, which a COPY does not write.");
            var owner = Expression.Property(typed, complex.PropertyInfo!);
            foreach (var property in complex.ComplexType.GetProperties())
            {
                var value = Expression.Property(owner, property.PropertyInfo!);
                var guarded = Expression.Condition(Expression.Equal(owner, Expression.Constant(null, owner.Type)),
                    Expression.Constant(null, typeof(object)), Expression.Convert(value, typeof(object)));
                columns.Add(ColumnFor(property, complex, store, row, guarded));
            }
        }
        return new CopyTable(name, entity, columns);
    }

    // The same table without the key the database generates (an identity), for rows whose ids PostgreSQL gives as
    // they are copied (the audit's).
    public CopyTable WithoutGeneratedKey()
    {
        var key = Entity.FindPrimaryKey()?.Properties.Where(p => p.ValueGenerated == ValueGenerated.OnAdd).ToHashSet() ?? [];
        return new CopyTable(Name, Entity, [.. Columns.Where(c => c.Complex is not null || !key.Contains(c.Property))]);
    }

    public void WriteRow(NpgsqlBinaryImporter importer, object row)
    {
        importer.StartRow();
        foreach (var column in Columns)
        {
            if (column.Get(row) is { } value) column.Copy(importer, value);
            else importer.WriteNull();
        }
    }

    static Column ColumnFor(IProperty property, IComplexProperty? complex, StoreObjectIdentifier store, ParameterExpression row, Expression value)
    {
        var get = Expression.Lambda<Func<object, object?>>(Expression.Convert(value, typeof(object)), row).Compile();
        var converter = property.GetTypeMapping().Converter;
        Func<object, object?> read = converter is null ? get : r => get(r) is { } v ? converter.ConvertToProvider(v) : null;
        var clrType = converter?.ProviderClrType ?? property.ClrType;
        var providerType = Nullable.GetUnderlyingType(clrType) ?? clrType;
        var dbType = providerType switch
        {
            _ when providerType == typeof(int) => NpgsqlDbType.Integer,
            _ when providerType == typeof(long) => NpgsqlDbType.Bigint,
            _ when providerType == typeof(short) => NpgsqlDbType.Smallint,
            _ when providerType == typeof(bool) => NpgsqlDbType.Boolean,
            _ when providerType == typeof(string) => NpgsqlDbType.Text,
            _ when providerType == typeof(decimal) => NpgsqlDbType.Numeric,
            _ when providerType == typeof(double) => NpgsqlDbType.Double,
            _ when providerType == typeof(DateOnly) => NpgsqlDbType.Date,
            _ when providerType == typeof(DateTime) => (property.GetColumnType(store) ?? "").Contains("without") ? NpgsqlDbType.Timestamp : NpgsqlDbType.TimestampTz,
            _ when providerType == typeof(Guid) => NpgsqlDbType.Uuid,
            _ when providerType == typeof(byte[]) => NpgsqlDbType.Bytea,
            _ => throw new NotSupportedException($"COPY cannot write {providerType.Name} ({property.DeclaringType.DisplayName()}.{property.Name})."),
        };
        var write = typeof(CopyTable).GetMethod(nameof(Write), BindingFlags.NonPublic | BindingFlags.Static)!
            .MakeGenericMethod(providerType).CreateDelegate<Action<NpgsqlBinaryImporter, object, NpgsqlDbType>>();
        return new Column(property.GetColumnName(store)!, property, complex, read, (importer, v) => write(importer, v, dbType));
    }

    static void Write<TValue>(NpgsqlBinaryImporter importer, object value, NpgsqlDbType type) => importer.Write((TValue)value, type);
}
