namespace Station.Benchmarks.Database;

/// <summary>
/// Delivery batches so far: how many, how long they took in all, how many records they carried,
/// and how much of the time went to the INSERTs (building, sending, executing), COMMITs and opening connections.
/// </summary>
internal sealed record DeliverySnapshot(long Batches, TimeSpan Time, long Records, TimeSpan Inserts, TimeSpan Commits, TimeSpan Opens)
{
    public static DeliverySnapshot operator -(DeliverySnapshot after, DeliverySnapshot before) =>
        new(
            after.Batches - before.Batches,
            after.Time - before.Time,
            after.Records - before.Records,
            after.Inserts - before.Inserts,
            after.Commits - before.Commits,
            after.Opens - before.Opens);
}
