namespace Station.Core.Runs;

/// <summary>
/// Where a run's events go: the records (database), the live dashboard, the CLI's summary.
/// <see cref="Publish"/> must return at once and never throw: it is called on the run's path
/// between device commands. The two events that must be on durable storage before the run goes on
/// (a fuse intent before its burn, and the run's end) go through <see cref="PublishDurablyAsync"/>.
/// </summary>
public interface IRunEvents
{
    /// <summary>Takes one event without waiting.</summary>
    void Publish(RunEvent runEvent);

    /// <summary>Takes one event and returns once it is stored durably (for sinks that store nothing: at once).</summary>
    ValueTask PublishDurablyAsync(RunEvent runEvent, CancellationToken cancellationToken);
}
