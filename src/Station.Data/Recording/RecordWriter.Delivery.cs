using Station.Data.Entities;

namespace Station.Data.Recording;

/// <summary>The delivery loop: journal → database, in order, one transaction per batch.</summary>
public sealed partial class RecordWriter
{
    private async Task RunDeliveryAsync(CancellationToken stop)
    {
        long? delivered = null;
        List<LedgerRecord>? pending = null;
        var delay = _options.RetryDelayMin;
        var failures = 0;
        try
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    if (delivered is null)
                    {
                        // After a failure the last COMMIT may or may not have happened: ask the database.
                        delivered = (await _store.ReadHeadAsync(StationId, stop))?.Sequence ?? 0;
                        SetDelivered(delivered.Value);
                        pending?.RemoveAll(r => r.Sequence <= delivered.Value);
                        if (pending is { Count: 0 })
                        {
                            pending = null;
                        }
                    }

                    pending ??= _journal.ReadAfter(delivered.Value, _options.MaxDeliveryBatch);
                    if (pending.Count == 0)
                    {
                        pending = null;
                        Reachable(ref failures, ref delay);
                        if (!_recovery.Task.IsCompleted)
                        {
                            // Everything earlier sessions journaled is in the database now.
                            await RecoverAsync(stop);
                            continue;
                        }

                        await _deliverySignal.WaitAsync(stop);
                        continue;
                    }

                    await _store.InsertAsync(pending, _options.BeforeDeliveryCommitAsync, stop);
                    delivered = pending[^1].Sequence;
                    pending = null;
                    SetDelivered(delivered.Value);
                    _journal.ReleaseDelivered(delivered.Value);
                    Reachable(ref failures, ref delay);
                }
                catch (Exception exception) when (!stop.IsCancellationRequested)
                {
                    failures++;
                    _databaseReachable = false;
                    _lastDeliveryError = exception.Message;
                    if (failures == 1 || failures % 20 == 0)
                    {
                        Log.DeliveryFailed(_logger, StationId, DatabaseErrors.Classify(exception), failures, delay, exception);
                    }

                    delivered = null;
                    await Task.Delay(delay, _timeProvider, stop);
                    delay = NextDelay(delay);
                }
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopping: the journal keeps what is not delivered.
        }
    }

    private void Reachable(ref int failures, ref TimeSpan delay)
    {
        if (failures > 0)
        {
            Log.DeliveryResumed(_logger, StationId, failures, Interlocked.Read(ref _deliveredSequence));
        }

        failures = 0;
        delay = _options.RetryDelayMin;
        _databaseReachable = true;
        _lastDeliveryError = null;
    }
}
