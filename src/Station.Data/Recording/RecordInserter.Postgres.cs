using Npgsql;
using NpgsqlTypes;
using Station.Data.Entities;

namespace Station.Data.Recording;

/// <summary>PostgreSQL: per table one prepared INSERT from arrays (one per column), all sent as one <see cref="NpgsqlBatch"/>.</summary>
internal sealed partial class RecordInserter
{
    /// <remarks>
    /// <c>INSERT INTO t (c1, c2, …) SELECT * FROM unnest($1, $2, …)</c>: the SQL is the same for any
    /// number of rows, so the statement is prepared (the server parses and plans it once per
    /// connection; Npgsql keeps prepared statements across pooled connections, and preparing one it
    /// has prepared before sends nothing), and the server runs one INSERT per table instead of one
    /// per row. Measured on the benchmark machine against one prepared single-row INSERT per record:
    /// about 10-20 % less per unit delivered alone, 2-3 times less per record in 1000-record batches;
    /// against unprepared statements (single- or multi-row) about 40 % less per unit
    /// (docs/BENCHMARKS.md, "Records").
    /// </remarks>
    private async Task InsertPostgresAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<LedgerRecord> records, CancellationToken cancellationToken)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        foreach (var (table, rows) in GroupByTable(records))
        {
            var command = new NpgsqlBatchCommand(table.UnnestSql);
            foreach (var column in table.Columns)
            {
                command.Parameters.Add(ArrayParameter(column, rows));
            }

            batch.BatchCommands.Add(command);
        }

        await batch.PrepareAsync(cancellationToken);
        var inserted = await batch.ExecuteNonQueryAsync(cancellationToken);
        if (inserted != records.Count)
        {
            throw new InvalidOperationException($"The database inserted {inserted} of {records.Count} records.");
        }
    }

    /// <summary>The records per table, each table's rows in sequence order.</summary>
    private List<(Table Table, List<LedgerRecord> Rows)> GroupByTable(IReadOnlyList<LedgerRecord> records)
    {
        var rows = new List<LedgerRecord>?[_tables.Count];
        var groups = new List<(Table, List<LedgerRecord>)>();
        foreach (var record in records)
        {
            var table = TableOf(record);
            if (rows[table.Index] is not { } tableRows)
            {
                rows[table.Index] = tableRows = [];
                groups.Add((table, tableRows));
            }

            tableRows.Add(record);
        }

        return groups;
    }

    /// <summary>
    /// One column's values for <paramref name="rows"/> as a typed array (uuid[], bigint[] with nulls,
    /// bytea[]…) whose element type is what the column's type mapping sends for one value: the
    /// mapping's own parameter, made once per column, gives the NpgsqlDbType.
    /// </summary>
    private static NpgsqlParameter ArrayParameter(Column column, List<LedgerRecord> rows)
    {
        if (column.ProviderState is not NpgsqlDbType elementType)
        {
            using var factory = new NpgsqlCommand();
            elementType = ((NpgsqlParameter)column.Mapping.CreateParameter(factory, "", null, column.IsNullable)).NpgsqlDbType;
            column.ProviderState = elementType;
        }

        var values = Array.CreateInstance(column.ProviderClrType, rows.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            values.SetValue(column.ProviderValue(rows[i]), i);
        }

        return new NpgsqlParameter { NpgsqlDbType = NpgsqlDbType.Array | elementType, Value = values };
    }
}
