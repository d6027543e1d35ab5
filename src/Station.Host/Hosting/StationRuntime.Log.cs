namespace Station.Host.Hosting;

internal sealed partial class StationRuntime
{
    private static partial class Log
    {
        [LoggerMessage(HostEventIds.Starting, LogLevel.Information, "Station {StationId} starting: devices {DeviceMode}, database {Provider}, data in {DataDirectory}")]
        public static partial void Starting(ILogger logger, string stationId, string deviceMode, string provider, string dataDirectory);

        [LoggerMessage(HostEventIds.Migrated, LogLevel.Information, "Database migrated at start-up (Database:MigrateOnStartup): {Applied} script(s) applied, now at version {Version}")]
        public static partial void Migrated(ILogger logger, int applied, int version);

        [LoggerMessage(HostEventIds.MigrationSkipped, LogLevel.Information, "Database at schema version {Version}; start-up migration is off")]
        public static partial void MigrationSkipped(ILogger logger, int version);

        [LoggerMessage(HostEventIds.RecoveryReport, LogLevel.Information, "Recovery: {Runs} run(s) left open by an earlier start were ended as interrupted; {Intents} fuse intent(s) without a result will be re-read on their unit's next run")]
        public static partial void Recovery(ILogger logger, int runs, int intents);

        [LoggerMessage(HostEventIds.RecoveryInterruptedRun, LogLevel.Warning, "Recovery: run {RunId} on {Slot} (unit {ChipUid}) was interrupted; {Intents} fuse word(s) may or may not be burned")]
        public static partial void InterruptedRun(ILogger logger, Guid runId, string slot, string chipUid, int intents);

        [LoggerMessage(HostEventIds.RecoveryFailed, LogLevel.Error, "Recovery of runs left open by an earlier start failed")]
        public static partial void RecoveryFailed(ILogger logger, Exception exception);

        [LoggerMessage(HostEventIds.DefaultRecipeImported, LogLevel.Information, "Default recipe {Recipe} v{Version} stored from {File}")]
        public static partial void DefaultRecipeImported(ILogger logger, string recipe, int version, string file);

        [LoggerMessage(HostEventIds.DefaultRecipeRejected, LogLevel.Error, "The default recipe {File} was not stored: {Reason}")]
        public static partial void DefaultRecipeRejected(ILogger logger, string file, string reason);

        [LoggerMessage(HostEventIds.ActiveRecipeUnusable, LogLevel.Error, "The active recipe {Recipe} v{Version} cannot be used, so auto mode has no recipe: {Reason}")]
        public static partial void ActiveRecipeUnusable(ILogger logger, string recipe, int version, string reason);

        [LoggerMessage(HostEventIds.RunRequestNotStored, LogLevel.Warning, "Who started run {RunId} could not be stored")]
        public static partial void RunRequestNotStored(ILogger logger, Guid runId, Exception exception);

        [LoggerMessage(HostEventIds.RunRequestWaiting, LogLevel.Debug, "{Count} run requests (the first for run {RunId}) are not stored yet (the database is away: {Problem}); retrying")]
        public static partial void RunRequestWaiting(ILogger logger, Guid runId, int count, string problem);

        [LoggerMessage(HostEventIds.DeviceMonitorFailed, LogLevel.Critical, "The device monitor stopped: no board arrivals or removals are seen any more")]
        public static partial void DeviceMonitorFailed(ILogger logger, Exception exception);

        [LoggerMessage(HostEventIds.Stopping, LogLevel.Information, "Station {StationId} stopping: cancelling runs in progress and draining the records")]
        public static partial void Stopping(ILogger logger, string stationId);
    }
}
