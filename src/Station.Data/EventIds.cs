namespace Station.Data;

/// <summary>Log event IDs of Station.Data (the 3000–3999 range, STYLE 4.8).</summary>
internal static class EventIds
{
    public const int MigrationApplying = 3000;
    public const int MigrationApplied = 3001;
    public const int MigrationsUpToDate = 3002;
    public const int MigrationLockWaiting = 3003;

    public const int RecorderStarted = 3100;
    public const int JournalTornTail = 3101;
    public const int JournalDamaged = 3102;
    public const int JournalWriteFailed = 3103;
    public const int RecorderOverloaded = 3104;
    public const int RecorderOverloadCleared = 3105;
    public const int DeliveryFailed = 3106;
    public const int DeliveryResumed = 3107;
    public const int HeadFromDatabase = 3108;
    public const int JournalBehindDatabase = 3109;
    public const int ChainFork = 3110;
    public const int RunInterrupted = 3111;
    public const int UnresolvedFuseIntent = 3112;
    public const int RecoveryFailed = 3113;
    public const int HeadUnavailable = 3114;
    public const int RecorderStopping = 3115;
    public const int SegmentDeleted = 3116;
    public const int JournalSetAside = 3117;
    public const int RecordsNotJournaled = 3118;
    public const int WriterFailed = 3119;
}
