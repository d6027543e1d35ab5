namespace Station.Host.Runs;

internal sealed partial class RunStarter
{
    private static partial class Log
    {
        [LoggerMessage(HostEventIds.RunRequested, LogLevel.Information, "Run {RunId} started on {Slot} by {RequestedBy} with {Recipe} for unit {SerialNumber}")]
        public static partial void Requested(ILogger logger, Guid runId, string slot, string requestedBy, string recipe, string serialNumber);

        [LoggerMessage(HostEventIds.RunRequestNotStored, LogLevel.Error, "Run {RunId} started, but who asked for it could not be stored (an Idempotency-Key retry would be refused as busy)")]
        public static partial void NotStored(ILogger logger, Guid runId, Exception exception);
    }
}
