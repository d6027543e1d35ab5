using System.Threading.Channels;
using Station.Data;
using Station.Data.Entities;

namespace Station.Host.Hosting;

internal sealed partial class StationRuntime
{
    private static readonly TimeSpan RequestRetryMin = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RequestRetryMax = TimeSpan.FromSeconds(15);

    // Who started each auto-mode run (table run_requests), stored in order by one loop.
    private readonly Channel<RunRequestRecord> _autoRequests = Channel.CreateUnbounded<RunRequestRecord>(new UnboundedChannelOptions { SingleReader = true });

    /// <summary>
    /// Stores the requests of auto-mode runs, one after the other. While the database is away (a
    /// transient error) the request is retried with backoff, as the recorder retries its delivery,
    /// and the runs go on meanwhile: issue 8's outage test found every request of a 60 s outage
    /// lost when each was tried once. A request the database refuses for good is logged and
    /// dropped. Requests still waiting when the station stops are logged as not stored.
    /// </summary>
    private async Task StoreAutoRequestsAsync()
    {
        var delay = RequestRetryMin;
        try
        {
            await foreach (var request in _autoRequests.Reader.ReadAllAsync(_stopping.Token))
            {
                while (!await TryStoreAsync(request))
                {
                    await Task.Delay(delay, time, _stopping.Token);
                    delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, RequestRetryMax.Ticks));
                }

                delay = RequestRetryMin;
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            while (_autoRequests.Reader.TryRead(out var request))
            {
                Log.RunRequestNotStored(_logger, request.RunId, new OperationCanceledException("The station stopped before the database took the request."));
            }
        }
    }

    /// <summary>True when stored (or refused for good, logged); false on a transient error (retry).</summary>
    private async Task<bool> TryStoreAsync(RunRequestRecord request)
    {
        try
        {
            await using var db = await databases.CreateDbContextAsync(_stopping.Token);
            db.RunRequests.Add(request);
            await db.SaveChangesAsync(_stopping.Token);
            return true;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            if (DatabaseErrors.Classify(exception) == DatabaseErrorKind.Transient)
            {
                Log.RunRequestWaiting(_logger, request.RunId, exception.Message);
                return false;
            }

            Log.RunRequestNotStored(_logger, request.RunId, exception);
            return true;
        }
    }
}
