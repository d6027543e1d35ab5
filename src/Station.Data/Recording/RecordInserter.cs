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
/// PostgreSQL: a prepared single-row INSERT per record, in sequence order, all in one
/// <see cref="NpgsqlBatch"/>: one round trip for the INSERTs (BEGIN goes with them), one for COMMIT.
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
            tables.Add(entity.ClrType, new Table(tables.Count, $"INSERT INTO {sql.DelimitIdentifier(name, schema)} ({columnList}) VALUES ", columns));
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

    /// <summary>One ledger table: its single-row INSERTs, and how each column's value is read and sent.</summary>
    private sealed class Table
    {
        public Table(int index, string insertInto, Column[] columns)
        {
            Index = index;
            Columns = columns;
            ParameterNames = [.. Enumerable.Range(0, columns.Length).Select(i => "@p" + i.ToString(CultureInfo.InvariantCulture))];
            NamedRowSql = insertInto + "(" + string.Join(", ", ParameterNames) + ")";
            PositionalRowSql = insertInto + "(" + string.Join(", ", Enumerable.Range(1, columns.Length).Select(i => "$" + i.ToString(CultureInfo.InvariantCulture))) + ")";
        }

        /// <summary>0, 1, 2… in model order: an index into per-call arrays.</summary>
        public int Index { get; }

        public Column[] Columns { get; }

        /// <summary>@p0, @p1…: one named parameter per column.</summary>
        public string[] ParameterNames { get; }

        /// <summary><c>INSERT INTO "t" ("c0", …) VALUES (@p0, @p1, …)</c> (SQLite).</summary>
        public string NamedRowSql { get; }

        /// <summary><c>INSERT INTO "t" ("c0", …) VALUES ($1, $2, …)</c> (PostgreSQL).</summary>
        public string PositionalRowSql { get; }
    }

    /// <summary>One column: the property's getter and type mapping (value converter and provider type included).</summary>
    private sealed class Column(string name, IClrPropertyGetter getter, RelationalTypeMapping mapping, bool nullable)
    {
        public string Name { get; } = name;

        /// <summary>A new parameter carrying the record's value, made as SaveChanges makes it.</summary>
        public DbParameter CreateParameter(DbCommand command, string parameterName, LedgerRecord record) =>
            mapping.CreateParameter(command, parameterName, getter.GetClrValueUsingContainingEntity(record), nullable);

        /// <summary>The record's value as the provider takes it (for a parameter made by <see cref="CreateParameter"/> before).</summary>
        public object ProviderValue(LedgerRecord record)
        {
            var value = getter.GetClrValueUsingContainingEntity(record);
            return (mapping.Converter is { } converter ? converter.ConvertToProvider(value) : value) ?? DBNull.Value;
        }
    }
}
