using Microsoft.Extensions.Logging;

namespace Station.Data.Recording;

internal sealed partial class RecordJournal
{
    private static partial class Log
    {
        [LoggerMessage(EventIds.JournalTornTail, LogLevel.Warning,
            "Record journal {Path}: cut a torn tail at byte {Offset} ({Bytes} bytes of an unfinished write)")]
        public static partial void TornTail(ILogger logger, string path, long offset, long bytes);

        [LoggerMessage(EventIds.JournalDamaged, LogLevel.Error,
            "Record journal {Path} is damaged at byte {Offset} ({Bytes} bytes after it are unreadable); the records before it are kept")]
        public static partial void Damaged(ILogger logger, string path, long offset, long bytes);

        [LoggerMessage(EventIds.JournalSetAside, LogLevel.Error, "Record journal {Path} set aside as {Aside}: {Why}")]
        public static partial void SetAside(ILogger logger, string path, string aside, string why);

        [LoggerMessage(EventIds.SegmentDeleted, LogLevel.Debug, "Record journal segment {Path} delivered up to {Sequence}; deleted")]
        public static partial void SegmentDeleted(ILogger logger, string path, long sequence);
    }
}
