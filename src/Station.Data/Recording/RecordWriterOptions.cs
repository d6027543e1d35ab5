namespace Station.Data.Recording;

/// <summary>How a station's <see cref="RecordWriter"/> runs.</summary>
public sealed class RecordWriterOptions
{
    private static readonly TimeSpan MaxDeliveryLinger = TimeSpan.FromMinutes(1);

    /// <summary>This station's name: its ledger chain's key (at most 64 characters). One writer per station.</summary>
    public required string StationId { get; init; }

    /// <summary>The folder of the durable queue (on a local disk; one folder per station).</summary>
    public required string JournalDirectory { get; init; }

    /// <summary>The station software's version, recorded with each session and run.</summary>
    public string ToolVersion { get; init; } = "unknown";

    public string HostName { get; init; } = Environment.MachineName;

    /// <summary>
    /// The queue's high-water mark: past it <see cref="RecorderStatus.IsOverloaded"/> is set (Core
    /// should stop starting units), but recording still neither blocks nor drops (docs/DATA.md).
    /// </summary>
    public int QueueCapacity { get; init; } = 65_536;

    /// <summary>Records per journal append (one write and one fsync each).</summary>
    public int MaxJournalBatch { get; init; } = 1_024;

    /// <summary>Records per database transaction.</summary>
    public int MaxDeliveryBatch { get; init; } = 1_000;

    /// <summary>
    /// How long a record may wait in the journal for others before delivery starts a transaction
    /// that is not full: records recorded within this time of the oldest undelivered one go to the
    /// database together (a unit recorded in a burst: one transaction, not one per durable call).
    /// Measured from the oldest record's <c>recorded_at</c>; a full batch, a backlog,
    /// <see cref="RecordWriter.WaitForDeliveryAsync"/> and shutdown do not wait. Zero delivers at once.
    /// Durable calls never wait for it: they wait for the journal only.
    /// </summary>
    public TimeSpan DeliveryLinger { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A journal segment is closed and a new one begun past this size.</summary>
    public long MaxSegmentBytes { get; init; } = 8L << 20;

    /// <summary>First wait after a failed delivery; doubles up to <see cref="RetryDelayMax"/>.</summary>
    public TimeSpan RetryDelayMin { get; init; } = TimeSpan.FromMilliseconds(250);

    public TimeSpan RetryDelayMax { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>How long <see cref="RecordWriter.DisposeAsync"/> lets delivery catch up (the journal keeps the rest).</summary>
    public TimeSpan ShutdownDeliveryTimeout { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Test seam: runs inside each delivery transaction with its records, after the inserts, before COMMIT.</summary>
    internal Func<IReadOnlyList<Entities.LedgerRecord>, CancellationToken, Task>? BeforeDeliveryCommitAsync { get; init; }

    internal void Validate()
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(StationId) || StationId.Length > Configurations.LedgerRecordMapping.StationIdLength)
        {
            errors.Add($"StationId must be 1 to {Configurations.LedgerRecordMapping.StationIdLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(ToolVersion) || ToolVersion.Length > Configurations.LedgerRecordMapping.NameLength)
        {
            errors.Add($"ToolVersion must be 1 to {Configurations.LedgerRecordMapping.NameLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(HostName) || HostName.Length > Configurations.LedgerRecordMapping.LongNameLength)
        {
            errors.Add($"HostName must be 1 to {Configurations.LedgerRecordMapping.LongNameLength} characters.");
        }

        if (string.IsNullOrWhiteSpace(JournalDirectory))
        {
            errors.Add("JournalDirectory is required.");
        }

        if (QueueCapacity < 1 || MaxJournalBatch < 1 || MaxDeliveryBatch < 1)
        {
            errors.Add("QueueCapacity, MaxJournalBatch and MaxDeliveryBatch must be positive.");
        }

        if (MaxSegmentBytes < 4096)
        {
            errors.Add("MaxSegmentBytes must be at least 4096.");
        }

        if (RetryDelayMin <= TimeSpan.Zero || RetryDelayMax < RetryDelayMin)
        {
            errors.Add("RetryDelayMin must be positive and RetryDelayMax at least RetryDelayMin.");
        }

        if (DeliveryLinger < TimeSpan.Zero || DeliveryLinger > MaxDeliveryLinger)
        {
            errors.Add("DeliveryLinger must be between zero and one minute.");
        }

        if (errors.Count > 0)
        {
            throw new ArgumentException("Invalid recorder options: " + string.Join(" ", errors));
        }
    }
}
