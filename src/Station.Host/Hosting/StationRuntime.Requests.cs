using System.Threading.Channels;
using Station.Data;
using Station.Data.Entities;

namespace Station.Host.Hosting;

internal sealed partial class StationRuntime
{
    private const int RequestBatchMax = 500;
    private static readonly TimeSpan RequestRetryMin = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan RequestRetryMax = TimeSpan.FromSeconds(5);

    // Who started each auto-mode run (table run_requests), stored in order by one loop.
    private readonly Channel<RunRequestRecord> _autoRequests = Channel.CreateUnbounded<RunRequestRecord>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _requestGate = new();
    private int _requestsPending;
    private TaskCompletionSource _requestsStored = CompletedSource();

    /// <summary>Completes when every auto-mode request queued so far is stored (or refused for good and logged).</summary>
    internal Task WaitForRunRequestsAsync(CancellationToken cancellationToken)
    {
        lock (_requestGate)
        {
            return _requestsPending == 0 ? Task.CompletedTask : _requestsStored.Task.WaitAsync(cancellationToken);
        }
    }

    private void QueueRunRequest(RunRequestRecord request)
    {
        lock (_requestGate)
        {
            if (_requestsPending++ == 0)
            {
                _requestsStored = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }

        _autoRequests.Writer.TryWrite(request);
    }

    /// <summary>
    /// Stores the requests of auto-mode runs in order, as many as are waiting in one transaction.
    /// While the database is away (a transient error) the batch is retried with backoff, as the
    /// recorder retries its delivery, and the runs go on meanwhile: issue 8's outage test found
    /// every request of a 60 s outage lost when each was tried once. A batch the database refuses
    /// for good is stored one request at a time, and a request refused on its own is logged and
    /// dropped. Requests still waiting when the station stops are logged as not stored.
    /// </summary>
    private async Task StoreAutoRequestsAsync()
    {
        var batch = new List<RunRequestRecord>(RequestBatchMax);
        try
        {
            while (await _autoRequests.Reader.WaitToReadAsync(_stopping.Token))
            {
                while (batch.Count < RequestBatchMax && _autoRequests.Reader.TryRead(out var request))
                {
                    batch.Add(request);
                }

                await StoreUntilSettledAsync(batch);
                Settled(batch.Count);
                batch.Clear();
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            var stopped = new OperationCanceledException("The station stopped before the database took the request.");
            foreach (var request in batch)
            {
                Log.RunRequestNotStored(_logger, request.RunId, stopped);
            }

            while (_autoRequests.Reader.TryRead(out var request))
            {
                Log.RunRequestNotStored(_logger, request.RunId, stopped);
            }
        }
    }

    private async Task<StoreOutcome> TryStoreAsync(List<RunRequestRecord> batch)
    {
        var (outcome, error) = await TryInsertAsync(batch);
        if (outcome is not StoreOutcome.Refused)
        {
            return outcome;
        }

        if (batch.Count == 1)
        {
            Log.RunRequestNotStored(_logger, batch[0].RunId, error!);
            return StoreOutcome.Stored;
        }

        // One request spoils the batch: the others are stored on their own.
        foreach (var request in batch)
        {
            await StoreUntilSettledAsync([request]);
        }

        return StoreOutcome.Stored;
    }

    /// <summary>Stores <paramref name="batch"/>, retrying with backoff while the database is away.</summary>
    private async Task StoreUntilSettledAsync(List<RunRequestRecord> batch)
    {
        var delay = RequestRetryMin;
        while (await TryStoreAsync(batch) is StoreOutcome.Transient)
        {
            await Task.Delay(delay, time, _stopping.Token);
            delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, RequestRetryMax.Ticks));
        }
    }

    private async Task<(StoreOutcome Outcome, Exception? Error)> TryInsertAsync(List<RunRequestRecord> batch)
    {
        try
        {
            await using var db = await databases.CreateDbContextAsync(_stopping.Token);
            db.RunRequests.AddRange(batch);
            await db.SaveChangesAsync(_stopping.Token);
            return (StoreOutcome.Stored, null);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !_stopping.IsCancellationRequested)
        {
            if (DatabaseErrors.Classify(exception) == DatabaseErrorKind.Transient)
            {
                Log.RunRequestWaiting(_logger, batch[0].RunId, batch.Count, exception.Message);
                return (StoreOutcome.Transient, exception);
            }

            return (StoreOutcome.Refused, exception);
        }
    }

    private void Settled(int count)
    {
        lock (_requestGate)
        {
            _requestsPending -= count;
            if (_requestsPending == 0)
            {
                _requestsStored.TrySetResult();
            }
        }
    }

    private static TaskCompletionSource CompletedSource()
    {
        var source = new TaskCompletionSource();
        source.SetResult();
        return source;
    }

    private enum StoreOutcome
    {
        Stored,
        Transient,
        Refused,
    }
}
