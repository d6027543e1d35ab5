using Microsoft.Data.Sqlite;
using Station.Data.Entities;

namespace Station.Data.Recording;

/// <summary>SQLite: one prepared single-row INSERT per table, re-bound for each of its rows.</summary>
internal sealed partial class RecordInserter
{
    /// <summary>
    /// SQLite runs in process: no round trips, so what costs is preparing a statement (once per table
    /// per transaction here) and binding and stepping it (once per row). Synchronous on purpose:
    /// Microsoft.Data.Sqlite's async calls run synchronously anyway.
    /// </summary>
    private void InsertSqlite(SqliteConnection connection, SqliteTransaction transaction, IReadOnlyList<LedgerRecord> records, CancellationToken cancellationToken)
    {
        var commands = new SqliteCommand?[_tables.Count];
        try
        {
            foreach (var record in records)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var table = TableOf(record);
                var command = commands[table.Index];
                if (command is null)
                {
                    command = commands[table.Index] = connection.CreateCommand();
                    command.Transaction = transaction;
                    command.CommandText = table.NamedRowSql;
                    for (var i = 0; i < table.Columns.Length; i++)
                    {
                        command.Parameters.Add(table.Columns[i].CreateParameter(command, table.ParameterNames[i], record));
                    }

                    command.Prepare();
                }
                else
                {
                    // The parameter keeps what its type mapping configured; only the value changes (the
                    // mappings configure nothing from the value: a parameter's size, say, is inferred
                    // from each value, never fixed). RecordInserterTests compare what is stored with
                    // what SaveChanges stores, row by row, shorter values before longer ones.
                    for (var i = 0; i < table.Columns.Length; i++)
                    {
                        command.Parameters[i].Value = table.Columns[i].ProviderValue(record) ?? DBNull.Value;
                    }
                }

                var inserted = command.ExecuteNonQuery();
                if (inserted != 1)
                {
                    throw new InvalidOperationException($"The database inserted {inserted} rows for record {record.Sequence}.");
                }
            }
        }
        finally
        {
            foreach (var command in commands)
            {
                command?.Dispose();
            }
        }
    }
}
