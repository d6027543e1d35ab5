using Station.Host.Hosting;

namespace Station.Host.Api;

/// <summary>
/// Read-your-writes for the routes that read the records: this station's records reach the database
/// a few milliseconds after they happen (through the journal), so these routes first wait, at most
/// <see cref="StationOptions.ReadYourWritesTimeout"/>, for what is already recorded to be delivered.
/// If the database is away they answer with what it has.
/// </summary>
internal static class Freshness
{
    public static async Task CatchUpAsync(StationRuntime runtime, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(runtime.Options.ReadYourWritesTimeout);
        try
        {
            await runtime.Writer.WaitForDeliveryAsync(timeout.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            // Not delivered in time (the database is slow or away): answer from what is there.
        }
    }
}
