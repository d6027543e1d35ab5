using System.Globalization;
using System.Text;
using Npgsql;
using Station.Data.Entities;

namespace Station.Data.Recording;

/// <summary>PostgreSQL: multi-row INSERTs per table, all sent as one <see cref="NpgsqlBatch"/>.</summary>
internal sealed partial class RecordInserter
{
    /// <summary>Parameters per INSERT statement (PostgreSQL allows 65 535); a 1000-record batch makes a handful of statements.</summary>
    internal const int MaxPostgresParameters = 4096;

    private async Task InsertPostgresAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<LedgerRecord> records, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        using var parameters = new NpgsqlCommand(); // never executed: hands out NpgsqlParameters for the type mappings
        var sql = new StringBuilder();
        foreach (var (table, rows) in GroupByTable(records))
        {
            var perStatement = Math.Max(1, MaxPostgresParameters / table.Columns.Length);
            for (var first = 0; first < rows.Count; first += perStatement)
            {
                var count = Math.Min(perStatement, rows.Count - first);
                var command = new NpgsqlBatchCommand(ValuesSql(sql, table, count));
                for (var row = first; row < first + count; row++)
                {
                    foreach (var column in table.Columns)
                    {
                        // Positional ($1, $2…): no name, so Npgsql sends the SQL as it is, without rewriting it.
                        command.Parameters.Add((NpgsqlParameter)column.CreateParameter(parameters, "", rows[row]));
                    }
                }

                batch.BatchCommands.Add(command);
            }
        }

        var inserted = await batch.ExecuteNonQueryAsync(cancellationToken);
        if (inserted != records.Count)
        {
            throw new InvalidOperationException($"The database inserted {inserted} of {records.Count} records.");
        }
    }

    /// <summary>The records per table (tables in model order, rows in sequence order), for tables that have any.</summary>
    private List<(Table Table, List<LedgerRecord> Rows)> GroupByTable(IReadOnlyList<LedgerRecord> records)
    {
        var rows = new List<LedgerRecord>?[_tables.Count];
        var tables = new Table?[_tables.Count];
        foreach (var record in records)
        {
            var table = TableOf(record);
            tables[table.Index] = table;
            (rows[table.Index] ??= []).Add(record);
        }

        var groups = new List<(Table, List<LedgerRecord>)>(_tables.Count);
        for (var i = 0; i < rows.Length; i++)
        {
            if (rows[i] is { } tableRows)
            {
                groups.Add((tables[i]!, tableRows));
            }
        }

        return groups;
    }

    /// <summary><c>INSERT INTO t (…) VALUES ($1, $2, …), ($n+1, …), …</c> for <paramref name="rows"/> rows.</summary>
    private static string ValuesSql(StringBuilder sql, Table table, int rows)
    {
        sql.Clear().Append(table.InsertInto);
        var parameter = 0;
        for (var row = 0; row < rows; row++)
        {
            sql.Append(row == 0 ? "(" : ", (");
            for (var column = 0; column < table.Columns.Length; column++)
            {
                sql.Append(CultureInfo.InvariantCulture, $"{(column == 0 ? "" : ", ")}${++parameter}");
            }

            sql.Append(')');
        }

        return sql.ToString();
    }
}
