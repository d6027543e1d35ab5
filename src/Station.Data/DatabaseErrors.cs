using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Station.Data;

/// <summary>Classifies provider exceptions (PostgreSQL SQLSTATE, SQLite result codes) into <see cref="DatabaseErrorKind"/>.</summary>
public static class DatabaseErrors
{
    // SQLite primary result codes (sqlite.org/rescode.html).
    private const int SqliteBusy = 5;
    private const int SqliteLocked = 6;
    private const int SqliteIOError = 10;
    private const int SqliteFull = 13;
    private const int SqliteCantOpen = 14;
    private const int SqliteConstraint = 19;

    // SQLite extended result codes for constraint failures.
    private const int SqliteConstraintPrimaryKey = 1555;
    private const int SqliteConstraintUnique = 2067;

    public static DatabaseErrorKind Classify(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        for (var current = exception; current is not null; current = current.InnerException)
        {
            switch (current)
            {
                case PostgresException postgres:
                    return postgres.SqlState switch
                    {
                        PostgresErrorCodes.UniqueViolation => DatabaseErrorKind.UniqueViolation,
                        PostgresErrorCodes.CheckViolation or PostgresErrorCodes.NotNullViolation
                            or PostgresErrorCodes.StringDataRightTruncation => DatabaseErrorKind.ConstraintViolation,
                        _ => postgres.IsTransient ? DatabaseErrorKind.Transient : DatabaseErrorKind.Other,
                    };
                case NpgsqlException npgsql:
                    return npgsql.IsTransient ? DatabaseErrorKind.Transient : DatabaseErrorKind.Other;
                case SqliteException sqlite:
                    return sqlite.SqliteErrorCode switch
                    {
                        SqliteConstraint => sqlite.SqliteExtendedErrorCode is SqliteConstraintUnique or SqliteConstraintPrimaryKey
                            ? DatabaseErrorKind.UniqueViolation
                            : DatabaseErrorKind.ConstraintViolation,
                        SqliteBusy or SqliteLocked or SqliteIOError or SqliteFull or SqliteCantOpen => DatabaseErrorKind.Transient,
                        _ => DatabaseErrorKind.Other,
                    };
                case TimeoutException or SocketException or IOException:
                    return DatabaseErrorKind.Transient;
                case DbUpdateException:
                    continue;
            }
        }

        return DatabaseErrorKind.Other;
    }
}
