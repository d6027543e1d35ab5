using Microsoft.Extensions.Logging;

namespace Station.Data.Recording;

public sealed partial class RecordWriter
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.RecorderStarted, LogLevel.Information,
            "Recorder for station {StationId} started (session {SessionId}, journal head {Sequence})")]
        public static partial void Started(ILogger logger, string stationId, Guid sessionId, long sequence);

        [LoggerMessage(EventIds.RecorderStopping, LogLevel.Information, "Recorder for station {StationId} stopping ({Queued} records queued)")]
        public static partial void Stopping(ILogger logger, string stationId, int queued);

        [LoggerMessage(EventIds.RecorderOverloaded, LogLevel.Error,
            "Recorder for station {StationId} has {Capacity} records waiting for the journal: recording continues in memory; stop starting units")]
        public static partial void Overloaded(ILogger logger, string stationId, int capacity);

        [LoggerMessage(EventIds.RecorderOverloadCleared, LogLevel.Information, "Recorder for station {StationId} is back under its queue limit")]
        public static partial void OverloadCleared(ILogger logger, string stationId);

        [LoggerMessage(EventIds.JournalWriteFailed, LogLevel.Critical,
            "Recorder for station {StationId} cannot write its journal (failure {Failures}); records wait in memory")]
        public static partial void JournalWriteFailed(ILogger logger, string stationId, int failures, Exception exception);

        [LoggerMessage(EventIds.RecordsNotJournaled, LogLevel.Critical,
            "Recorder for station {StationId} stopped with {Count} records never written to the journal: {Why}")]
        public static partial void RecordsNotJournaled(ILogger logger, string stationId, int count, string why);

        [LoggerMessage(EventIds.WriterFailed, LogLevel.Critical,
            "Recorder for station {StationId}: the writer loop failed; recording has stopped")]
        public static partial void WriterFailed(ILogger logger, string stationId, Exception exception);

        [LoggerMessage(EventIds.DeliveryFailed, LogLevel.Warning,
            "Recorder for station {StationId} cannot deliver to the database ({Kind}, failure {Failures}); retrying in {Delay}; records wait in the journal")]
        public static partial void DeliveryFailed(ILogger logger, string stationId, DatabaseErrorKind kind, int failures, TimeSpan delay, Exception exception);

        [LoggerMessage(EventIds.DeliveryResumed, LogLevel.Information,
            "Recorder for station {StationId} delivers again after {Failures} failures (delivered up to {Sequence})")]
        public static partial void DeliveryResumed(ILogger logger, string stationId, int failures, long sequence);

        [LoggerMessage(EventIds.HeadFromDatabase, LogLevel.Information,
            "Recorder for station {StationId}: empty journal, the chain continues after database record {Sequence}")]
        public static partial void HeadFromDatabase(ILogger logger, string stationId, long sequence);

        [LoggerMessage(EventIds.HeadUnavailable, LogLevel.Warning,
            "Recorder for station {StationId}: empty journal and no database to learn the chain head from; records wait in memory")]
        public static partial void HeadUnavailable(ILogger logger, string stationId, Exception exception);

        [LoggerMessage(EventIds.JournalBehindDatabase, LogLevel.Error,
            "Recorder for station {StationId}: the journal ends at {JournalSequence} but the database at {DatabaseSequence}; continuing after the database (was the journal folder replaced, or does another station use this id?)")]
        public static partial void JournalBehindDatabase(ILogger logger, string stationId, long journalSequence, long databaseSequence);

        [LoggerMessage(EventIds.ChainFork, LogLevel.Critical,
            "Recorder for station {StationId}: journal and database disagree on record {Sequence}; continuing after the database. Another station may use this id")]
        public static partial void ChainFork(ILogger logger, string stationId, long sequence);

        [LoggerMessage(EventIds.RunInterrupted, LogLevel.Warning,
            "Station {StationId}: run {RunId} on slot {Slot} had no end; recorded as interrupted ({Intents} fuse intents without result)")]
        public static partial void RunInterrupted(ILogger logger, string stationId, Guid runId, string slot, int intents);

        [LoggerMessage(EventIds.UnresolvedFuseIntent, LogLevel.Warning,
            "Station {StationId}: unit {ChipUid} fuse word {FuseIndex} {FuseName} has an intent without result ({IntentId}); re-read it before burning")]
        public static partial void UnresolvedFuseIntent(ILogger logger, string stationId, string chipUid, int fuseIndex, string fuseName, Guid intentId);
    }
}
