namespace Station.Core.Runs;

/// <summary>Sends every run event to several sinks (the records, the hub, a CLI summary), in order.</summary>
public sealed class RunEventFanOut(params IReadOnlyList<IRunEvents> sinks) : IRunEvents
{
    /// <inheritdoc />
    public void Publish(RunEvent runEvent)
    {
        foreach (var sink in sinks)
        {
            sink.Publish(runEvent);
        }
    }

    /// <inheritdoc />
    public async ValueTask PublishDurablyAsync(RunEvent runEvent, CancellationToken cancellationToken)
    {
        foreach (var sink in sinks)
        {
            await sink.PublishDurablyAsync(runEvent, cancellationToken);
        }
    }
}
