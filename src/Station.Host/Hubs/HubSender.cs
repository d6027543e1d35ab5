using Microsoft.AspNetCore.SignalR;
using Station.Host.Runs;

namespace Station.Host.Hubs;

/// <summary>
/// Sends <see cref="HubOutbox"/>'s messages to the hub's groups in order, and releases throttled
/// progress every <see cref="FlushInterval"/>. A failed send is logged and skipped (a client
/// that misses something resyncs on its next reconnect).
/// </summary>
internal sealed partial class HubSender(HubOutbox outbox, SlotBoard board, IHubContext<StationHub> hub, TimeProvider time, ILogger<HubSender> logger)
    : BackgroundService
{
    private static readonly TimeSpan FlushInterval = TimeSpan.FromMilliseconds(25);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var flushing = FlushLoopAsync(stoppingToken);
        try
        {
            await foreach (var message in outbox.Reader.ReadAllAsync(stoppingToken))
            {
                try
                {
                    var clients = message.Slot is null
                        ? hub.Clients.All
                        : hub.Clients.Groups(StationHub.AllSlotsGroup, StationHub.SlotGroup(message.Slot));
                    await clients.SendAsync(message.Method, message.Payload, stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    Log.SendFailed(logger, message.Method, exception);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        await flushing;
    }

    private async Task FlushLoopAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(FlushInterval, time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                board.FlushProgress();
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
