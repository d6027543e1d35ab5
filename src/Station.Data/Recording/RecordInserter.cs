using System.Data.Common;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Station.Data.Entities;

namespace Station.Data.Recording;

/// <summary>
/// The INSERTs of one delivery transaction, without EF's change tracker and update pipeline (which
/// cost about twice a plain batch, docs/BENCHMARKS.md "Records"). What is inserted still comes from
/// the EF model, the one <c>SchemaMatchesModelTests</c> holds against the migrated schema: table and
/// column names from its mapping, and every value through the property's type mapping
/// (<see cref="RelationalTypeMapping.CreateParameter"/>: value converter, provider type), the way
/// SaveChanges sends it. So a column added to an entity and its configuration is inserted too.
/// </summary>
/// <remarks>
/// PostgreSQL: per table one prepared <c>INSERT … SELECT * FROM unnest(…)</c> with one array per
/// column, all in one <see cref="NpgsqlBatch"/>: one round trip for the INSERTs (BEGIN goes with
/// them), one for COMMIT.
/// SQLite (in process, so no round trips): per table, one prepared single-row INSERT, bound and
/// stepped again for each of its rows.
/// </remarks>
internal sealed partial class RecordInserter
{
    private readonly Dictionary<Type, Table> _tables;

    private RecordInserter(IModel model, Dictionary<Type, Table> tables)
    {
        Model = model;
        _tables = tables;
    }

    /// <summary>The model this inserter was built from (one per context type; EF caches it).</summary>
    public IModel Model { get; }

    /// <summary>Builds the tables' INSERTs from <paramref name="db"/>'s model (its ledger entity types).</summary>
    public static RecordInserter Create(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var sql = db.GetService<ISqlGenerationHelper>();
        var tables = new Dictionary<Type, Table>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            if (entity.ClrType.IsAbstract || !entity.ClrType.IsAssignableTo(typeof(LedgerRecord)))
            {
                continue;
            }

            var name = entity.GetTableName() ?? throw new InvalidOperationException($"{entity.ClrType.Name} is not mapped to a table.");
            var schema = entity.GetSchema();
            var store = StoreObjectIdentifier.Table(name, schema);
            var columns = entity.GetProperties()
                .Select(p => new Column(
                    p.GetColumnName(store) ?? throw new InvalidOperationException($"{entity.ClrType.Name}.{p.Name} has no column."),
                    p.GetGetter(),
                    p.GetRelationalTypeMapping(),
                    p.IsNullable))
                .ToArray();
            var columnList = string.Join(", ", columns.Select(c => sql.DelimitIdentifier(c.Name)));
            tables.Add(entity.ClrType, new Table(tables.Count, $"INSERT INTO {sql.DelimitIdentifier(name, schema)} ({columnList}) ", columns));
        }

        return new RecordInserter(db.Model, tables);
    }

    /// <summary>Inserts <paramref name="records"/> inside <paramref name="transaction"/> (which the caller commits).</summary>
    /// <exception cref="NotSupportedException">The connection is neither PostgreSQL nor SQLite.</exception>
    public Task InsertAsync(DbConnection connection, DbTransaction transaction, IReadOnlyList<LedgerRecord> records, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        switch (connection)
        {
            case NpgsqlConnection postgres:
                return InsertPostgresAsync(postgres, (NpgsqlTransaction)transaction, records, cancellationToken);
            case SqliteConnection sqlite:
                InsertSqlite(sqlite, (SqliteTransaction)transaction, records, cancellationToken);
                return Task.CompletedTask;
            default:
                throw new NotSupportedException($"Recording into {connection.GetType().Name} is not supported.");
        }
    }

    /// <summary>The table of a record's type.</summary>
    private Table TableOf(LedgerRecord record) => _tables.TryGetValue(record.GetType(), out var table)
        ? table
        : throw new InvalidOperationException($"{record.GetType().Name} is not in the model.");

    /// <summary>One ledger table: its INSERT statements, and how each column's value is read and sent.</summary>
    private sealed class Table
    {
        public Table(int index, string insertInto, Column[] columns)
        {
            Index = index;
            Columns = columns;
            ParameterNames = [.. Enumerable.Range(0, columns.Length).Select(i => "@p" + i.ToString(CultureInfo.InvariantCulture))];
            NamedRowSql = insertInto + "VALUES (" + string.Join(", ", ParameterNames) + ")";
            UnnestSql = insertInto + "SELECT * FROM unnest("
                + string.Join(", ", Enumerable.Range(1, columns.Length).Select(i => "$" + i.ToString(CultureInfo.InvariantCulture))) + ")";
        }

        /// <summary>0, 1, 2… in model order: an index into per-call arrays.</summary>
        public int Index { get; }

        public Column[] Columns { get; }

        /// <summary>@p0, @p1…: one named parameter per column.</summary>
        public string[] ParameterNames { get; }

        /// <summary><c>INSERT INTO "t" ("c0", …) VALUES (@p0, @p1, …)</c>: one row (SQLite).</summary>
        public string NamedRowSql { get; }

        /// <summary><c>INSERT INTO "t" ("c0", …) SELECT * FROM unnest($1, $2, …)</c>: one array per column, any number of rows (PostgreSQL).</summary>
        public string UnnestSql { get; }
    }

    /// <summary>One column: the property's getter and type mapping (value converter and provider type included).</summary>
    private sealed class Column(string name, IClrPropertyGetter getter, RelationalTypeMapping mapping, bool nullable)
    {
        public string Name { get; } = name;

        public RelationalTypeMapping Mapping { get; } = mapping;

        public bool IsNullable { get; } = nullable;

        /// <summary>The type the provider is given (after the value converter), nullable when the column is.</summary>
        public Type ProviderClrType { get; } = ProviderType(mapping, nullable);

        /// <summary>Provider-specific facts about the column, worked out on first use (benign race: the same value).</summary>
        public object? ProviderState { get; set; }

        /// <summary>A new parameter carrying the record's value, made as SaveChanges makes it.</summary>
        public DbParameter CreateParameter(DbCommand command, string parameterName, LedgerRecord record) =>
            Mapping.CreateParameter(command, parameterName, getter.GetClrValueUsingContainingEntity(record), IsNullable);

        /// <summary>The record's value as the provider takes it (what <see cref="CreateParameter"/> puts in), null as null.</summary>
        public object? ProviderValue(LedgerRecord record)
        {
            var value = getter.GetClrValueUsingContainingEntity(record);
            return Mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value;
        }

        private static Type ProviderType(RelationalTypeMapping mapping, bool nullable)
        {
            var type = mapping.Converter?.ProviderClrType ?? mapping.ClrType;
            return nullable && type.IsValueType && Nullable.GetUnderlyingType(type) is null ? typeof(Nullable<>).MakeGenericType(type) : type;
        }
    }
}
