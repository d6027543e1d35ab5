using Station.Data.Entities;

namespace Station.Data.Recording;

/// <summary>
/// The delivery loop: journal → database, in order, one transaction per batch. A batch that is not
/// full waits up to <see cref="RecordWriterOptions.DeliveryLinger"/> (counted from its oldest
/// record) for more records, so that a unit recorded in a burst goes in one transaction.
/// </summary>
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

                    pending = ReadPending(pending, delivered.Value);
                    if (pending is null)
                    {
                        Reachable(ref failures, ref delay, delivered.Value);
                        if (!_recovery.Task.IsCompleted)
                        {
                            // Everything earlier sessions journaled is in the database now.
                            await RecoverAsync(stop);
                            continue;
                        }

                        await _deliverySignal.WaitAsync(stop);
                        continue;
                    }

                    if (pending.Count < _options.MaxDeliveryBatch && LingerLeft(pending[0], delivered.Value) is var left && left > TimeSpan.Zero)
                    {
                        await LingerAsync(left, pending[0], delivered.Value, stop);
                        continue;
                    }

                    await _store.InsertAsync(pending, _options.BeforeDeliveryCommitAsync, stop);
                    delivered = pending[^1].Sequence;
                    pending = null;

                    // Reachable before the waiters wake: one woken by this batch reads the status.
                    Reachable(ref failures, ref delay, delivered.Value);
                    SetDelivered(delivered.Value);
                    _journal.ReleaseDelivered(delivered.Value);
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

    /// <summary>
    /// The next batch: <paramref name="pending"/> (left from a lingering or failed attempt) topped up
    /// from the journal, or a fresh read after <paramref name="delivered"/>. Null when there is nothing.
    /// </summary>
    private List<LedgerRecord>? ReadPending(List<LedgerRecord>? pending, long delivered)
    {
        if (pending is null)
        {
            var read = _journal.ReadAfter(delivered, _options.MaxDeliveryBatch);
            return read.Count == 0 ? null : read;
        }

        if (pending.Count < _options.MaxDeliveryBatch)
        {
            pending.AddRange(_journal.ReadAfter(pending[^1].Sequence, _options.MaxDeliveryBatch - pending.Count));
        }

        return pending;
    }

    /// <summary>
    /// How much longer a batch whose oldest record is <paramref name="oldest"/> should wait for more:
    /// zero when nobody asked for a linger, when someone waits for delivery (or the recorder stops),
    /// or when the oldest record has waited long enough (a backlog never waits).
    /// </summary>
    private TimeSpan LingerLeft(LedgerRecord oldest, long delivered)
    {
        var linger = _options.DeliveryLinger;
        if (linger <= TimeSpan.Zero || Interlocked.Read(ref _hurrySequence) > delivered)
        {
            return TimeSpan.Zero;
        }

        // A clock set back (waited < 0) must not hold delivery: deliver.
        var waited = _timeProvider.GetUtcNow().UtcDateTime - oldest.RecordedAt;
        return waited < TimeSpan.Zero || waited >= linger ? TimeSpan.Zero : linger - waited;
    }

    /// <summary>
    /// Waits until the linger is over, or until the journal has more records (which may fill the
    /// batch) or someone waits for delivery: both set <see cref="_deliverySignal"/>.
    /// </summary>
    private async Task LingerAsync(TimeSpan left, LedgerRecord oldest, long delivered, CancellationToken stop)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var lingered = Task.Delay(left, _timeProvider, timer.Token);

        // Checked again with the timer armed: a clock that moved on before it was armed (a test's
        // fake clock) must not make the batch wait a second linger.
        if (LingerLeft(oldest, delivered) > TimeSpan.Zero)
        {
            await _deliverySignal.WaitAsync(lingered);
        }

        await timer.CancelAsync();
    }

    private void Reachable(ref int failures, ref TimeSpan delay, long delivered)
    {
        if (failures > 0)
        {
            Log.DeliveryResumed(_logger, StationId, failures, delivered);
        }

        failures = 0;
        delay = _options.RetryDelayMin;
        _databaseReachable = true;
        _lastDeliveryError = null;
    }
}
