using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Station.Testing;

namespace Station.Data.Tests.Migrations;

/// <summary>
/// The schema's source of truth is db/ (dotnet ef is not available): these tests migrate an empty
/// database and compare what the catalog holds (tables, columns, types, nullability, keys,
/// indexes) with what the EF model expects, on both providers. Either side changing alone fails.
/// </summary>
public sealed partial class SchemaMatchesModelTests(PostgresDatabase postgres) : IClassFixture<PostgresDatabase>
{
    [Fact]
    public async Task MigratedSchema_Sqlite_MatchesTheEfModel()
    {
        await using var database = await TestDatabase.Sqlite().MigratedAsync();
        Assert.Equal(ModelSchema(database), await SqliteSchemaAsync(database));
    }

    [PostgresFact]
    public async Task MigratedSchema_Postgres_MatchesTheEfModel()
    {
        await using var database = await (await TestDatabase.PostgresAsync(postgres)).MigratedAsync();
        Assert.Equal(ModelSchema(database), await PostgresSchemaAsync(database));
    }

    [Fact]
    public async Task Model_HasEveryLedgerAndServiceTable()
    {
        await using var database = TestDatabase.Sqlite();
        Assert.Equal(
            [
                "api_keys", "fuse_intents", "fuse_results", "image_writes", "log_lines", "recipe_activations", "recipe_approvals", "recipes",
                "run_ends", "run_requests", "run_starts", "station_sessions", "step_attempts", "unit_identifications", "users",
            ],
            ModelTables(database).Select(t => t.Name).Order());
    }

    /// <summary>One line per column, key and index, as the EF model sees the schema.</summary>
    private static List<string> ModelSchema(TestDatabase database)
    {
        var lines = new List<string>();
        foreach (var table in ModelTables(database))
        {
            foreach (var column in table.Columns)
            {
                lines.Add(ColumnLine(table.Name, column.Name, column.StoreType, column.IsNullable));
            }

            var key = table.PrimaryKey!;
            lines.Add(KeyLine(table.Name, key.Name, key.Columns.Select(c => c.Name)));
            foreach (var index in table.Indexes)
            {
                lines.Add(IndexLine(table.Name, index.Name, index.IsUnique, index.Columns.Select(c => c.Name)));
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static List<ITable> ModelTables(TestDatabase database)
    {
        using var db = database.Factory.CreateDbContext();
        return db.GetService<IDesignTimeModel>().Model.GetRelationalModel().Tables.ToList();
    }

    private static async Task<List<string>> PostgresSchemaAsync(TestDatabase database)
    {
        var lines = new List<string>();
        foreach (var row in await database.RowsAsync("""
            SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), NOT a.attnotnull
            FROM pg_attribute a
            JOIN pg_class c ON c.oid = a.attrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            WHERE n.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
              AND c.relname <> 'schema_migrations'
            """))
        {
            lines.Add(ColumnLine((string)row[0]!, (string)row[1]!, (string)row[2]!, (bool)row[3]!));
        }

        foreach (var key in (await database.RowsAsync("""
            SELECT c.relname, con.conname, a.attname, k.ord
            FROM pg_constraint con
            JOIN pg_class c ON c.oid = con.conrelid
            JOIN pg_namespace n ON n.oid = c.relnamespace
            CROSS JOIN LATERAL unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
            WHERE con.contype = 'p' AND n.nspname = 'public' AND c.relname <> 'schema_migrations'
            """)).GroupBy(r => ((string)r[0]!, (string)r[1]!)))
        {
            lines.Add(KeyLine(key.Key.Item1, key.Key.Item2, key.OrderBy(r => (long)r[3]!).Select(r => (string)r[2]!)));
        }

        foreach (var index in (await database.RowsAsync("""
            SELECT t.relname, i.relname, ix.indisunique, a.attname, k.ord
            FROM pg_index ix
            JOIN pg_class i ON i.oid = ix.indexrelid
            JOIN pg_class t ON t.oid = ix.indrelid
            JOIN pg_namespace n ON n.oid = t.relnamespace
            CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
            JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
            WHERE n.nspname = 'public' AND NOT ix.indisprimary AND t.relname <> 'schema_migrations'
            """)).GroupBy(r => ((string)r[0]!, (string)r[1]!, (bool)r[2]!)))
        {
            lines.Add(IndexLine(index.Key.Item1, index.Key.Item2, index.Key.Item3, index.OrderBy(r => (long)r[4]!).Select(r => (string)r[3]!)));
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static async Task<List<string>> SqliteSchemaAsync(TestDatabase database)
    {
        var lines = new List<string>();
        var tables = await database.RowsAsync(
            "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations'");
        foreach (var table in tables)
        {
            var name = (string)table[0]!;
            var columns = await database.RowsAsync($"SELECT name, type, \"notnull\", pk FROM pragma_table_info('{name}')");
            foreach (var column in columns)
            {
                lines.Add(ColumnLine(name, (string)column[0]!, (string)column[1]!, (long)column[2]! == 0));
            }

            // SQLite keeps a constraint's name only in the table's SQL text.
            var keyName = PrimaryKeyName().Match((string)table[1]!) is { Success: true } match ? match.Groups[1].Value : "(unnamed)";
            lines.Add(KeyLine(name, keyName, columns.Where(c => (long)c[3]! > 0).OrderBy(c => (long)c[3]!).Select(c => (string)c[0]!)));

            foreach (var index in await database.RowsAsync($"SELECT name, \"unique\" FROM pragma_index_list('{name}') WHERE origin = 'c'"))
            {
                var indexColumns = await database.RowsAsync($"SELECT name FROM pragma_index_info('{(string)index[0]!}') ORDER BY seqno");
                lines.Add(IndexLine(name, (string)index[0]!, (long)index[1]! != 0, indexColumns.Select(c => (string)c[0]!)));
            }
        }

        lines.Sort(StringComparer.Ordinal);
        return lines;
    }

    private static string ColumnLine(string table, string column, string type, bool nullable) =>
        $"{table}.{column} {type.ToUpperInvariant()} {(nullable ? "NULL" : "NOT NULL")}";

    private static string KeyLine(string table, string name, IEnumerable<string> columns) =>
        $"{table} PRIMARY KEY {name} ({string.Join(", ", columns)})";

    private static string IndexLine(string table, string name, bool unique, IEnumerable<string> columns) =>
        $"{table} {(unique ? "UNIQUE INDEX" : "INDEX")} {name} ({string.Join(", ", columns)})";

    [GeneratedRegex(@"CONSTRAINT\s+(\w+)\s+PRIMARY\s+KEY", RegexOptions.IgnoreCase)]
    private static partial Regex PrimaryKeyName();
}
