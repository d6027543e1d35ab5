namespace Station.Host.Hosting;

/// <summary>Starts the station before the server listens, and stops it (runs cancelled, records drained) after.</summary>
internal sealed class StationWorker(StationRuntime runtime) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => runtime.StartAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => runtime.StopAsync(cancellationToken);
}
