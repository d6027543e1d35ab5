using Microsoft.Extensions.Logging;

namespace Station.Data.Migrations;

public sealed partial class DatabaseMigrator
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.MigrationApplying, LogLevel.Information, "Applying migration {Version} {Name}")]
        public static partial void Applying(ILogger logger, int version, string name);

        [LoggerMessage(EventIds.MigrationApplied, LogLevel.Information, "Applied migration {Version} {Name}")]
        public static partial void Applied(ILogger logger, int version, string name);

        [LoggerMessage(EventIds.MigrationsUpToDate, LogLevel.Debug, "Database schema is up to date at version {Version}")]
        public static partial void UpToDate(ILogger logger, int version);

        [LoggerMessage(EventIds.MigrationLockWaiting, LogLevel.Information, "Another station is migrating the database; waiting for its advisory lock")]
        public static partial void WaitingForLock(ILogger logger);
    }
}
