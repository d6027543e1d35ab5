namespace Station.Core.Runs;

/// <summary>
/// Where a run's events go. Implementations must return quickly and never throw: they are called
/// on the run's path between device commands (the recorder queues, the hub throttles).
/// </summary>
public interface IRunEvents
{
    /// <summary>Takes one event.</summary>
    void Publish(RunEvent runEvent);
}
