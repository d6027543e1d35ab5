namespace Station.Data.Recording;

/// <summary>A snapshot of the recorder, for health checks and the dashboard.</summary>
/// <param name="Queued">Records handed over but not yet in the journal.</param>
/// <param name="IsOverloaded">The queue is past its high-water mark: stop starting new units.</param>
/// <param name="DurableSequence">The newest record in the journal (0 before the first).</param>
/// <param name="DeliveredSequence">The newest record known to be in the database.</param>
/// <param name="IsDatabaseReachable">The last delivery attempt succeeded.</param>
/// <param name="LastDeliveryError">Why the last delivery failed, while it keeps failing.</param>
public sealed record RecorderStatus(
    int Queued,
    bool IsOverloaded,
    long DurableSequence,
    long DeliveredSequence,
    bool IsDatabaseReachable,
    string? LastDeliveryError)
{
    /// <summary>Records in the journal waiting for the database.</summary>
    public long Undelivered => Math.Max(0, DurableSequence - DeliveredSequence);
}
