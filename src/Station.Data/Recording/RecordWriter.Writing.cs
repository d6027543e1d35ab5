using Station.Data.Entities;
using Station.Data.Ledger;

namespace Station.Data.Recording;

/// <summary>The writer loop: queue → sequence number and chain hash → journal (write + fsync).</summary>
public sealed partial class RecordWriter
{
    private static readonly TimeSpan HeadQueryTimeout = TimeSpan.FromSeconds(10);

    private async Task RunWriterAsync()
    {
        try
        {
            await WriteUntilDrainedAsync();
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // A bug, not an I/O failure (those are retried): say so loudly; the journal keeps what it has.
            Log.WriterFailed(_logger, StationId, exception);
            _queue.Complete(); // later recording calls throw instead of piling up in memory
            FailQueued("The recorder's writer loop failed: " + exception.Message);
            throw;
        }
    }

    private async Task WriteUntilDrainedAsync()
    {
        var stop = _stopping.Token;
        LedgerHead head;
        try
        {
            head = await EstablishHeadAsync(stop);
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            FailQueued("The recorder stopped before it could learn the chain head from the database.");
            return;
        }

        var batch = new List<PendingRecord>(_options.MaxJournalBatch);
        var records = new List<LedgerRecord>(_options.MaxJournalBatch);
        while (true)
        {
            batch.Clear();
            records.Clear();
            if (!_queue.TryTake(batch, _options.MaxJournalBatch, out var overloadCleared))
            {
                if (_queue.IsDrained)
                {
                    return;
                }

                await _queue.WaitAsync();
                continue;
            }

            if (overloadCleared)
            {
                Log.OverloadCleared(_logger, StationId);
            }

            var next = head;
            foreach (var item in batch)
            {
                if (item.Record is { } record)
                {
                    record.StationId = StationId;
                    record.Sequence = next.Sequence + 1;
                    record.PreviousHash = next.Hash;
                    record.Hash = LedgerHash.Compute(record);
                    next = new LedgerHead(record.Sequence, record.Hash);
                    records.Add(record);
                }
            }

            try
            {
                await AppendAsync(records, stop);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
                Fail(batch, "The recorder stopped while the journal could not be written.");
                FailQueued("The recorder stopped while the journal could not be written.");
                return;
            }

            head = next;
            _durableHead = head;
            Interlocked.Exchange(ref _durableSequence, head.Sequence);
            foreach (var item in batch)
            {
                item.Durable?.TrySetResult(item.Record?.Sequence ?? head.Sequence);
            }

            _deliverySignal.Set();
        }
    }

    /// <summary>Appends to the journal, retrying while the disk refuses (full, I/O error): nothing is dropped.</summary>
    private async Task AppendAsync(List<LedgerRecord> records, CancellationToken stop)
    {
        var delay = _options.RetryDelayMin;
        var failures = 0;
        while (true)
        {
            try
            {
                _journal.Append(records);
                return;
            }
            catch (IOException exception)
            {
                failures++;
                Log.JournalWriteFailed(_logger, StationId, failures, exception);
                await Task.Delay(delay, _timeProvider, stop);
                delay = NextDelay(delay);
            }
        }
    }

    /// <summary>
    /// Where the chain continues: the journal's newest record, unless the database is ahead of it
    /// (the journal folder was replaced) or the journal is empty (a new folder): then the database's.
    /// </summary>
    private async Task<LedgerHead> EstablishHeadAsync(CancellationToken stop)
    {
        var journalHead = _journal.Head;
        var delay = _options.RetryDelayMin;
        while (true)
        {
            LedgerHead? databaseHead;
            try
            {
                // Bounded: with a journal head in hand, a slow database must not hold up recording.
                using var attempt = CancellationTokenSource.CreateLinkedTokenSource(stop);
                attempt.CancelAfter(HeadQueryTimeout);
                databaseHead = await _store.ReadHeadAsync(StationId, attempt.Token);
            }
            catch (Exception exception) when (!stop.IsCancellationRequested)
            {
                if (journalHead is not null)
                {
                    // The database is away; the journal knows the head, which is all we need.
                    return journalHead;
                }

                Log.HeadUnavailable(_logger, StationId, exception);
                await Task.Delay(delay, _timeProvider, stop);
                delay = NextDelay(delay);
                continue;
            }

            if (journalHead is null)
            {
                if (databaseHead is not null)
                {
                    Log.HeadFromDatabase(_logger, StationId, databaseHead.Sequence);
                }

                return databaseHead ?? new LedgerHead(0, new byte[LedgerHash.Length]);
            }

            if (databaseHead is not null && databaseHead.Sequence > journalHead.Sequence)
            {
                Log.JournalBehindDatabase(_logger, StationId, journalHead.Sequence, databaseHead.Sequence);
                return databaseHead;
            }

            if (databaseHead is not null && databaseHead.Sequence == journalHead.Sequence
                && !databaseHead.Hash.AsSpan().SequenceEqual(journalHead.Hash))
            {
                Log.ChainFork(_logger, StationId, databaseHead.Sequence);
                return databaseHead;
            }

            return journalHead;
        }
    }

    private TimeSpan NextDelay(TimeSpan delay) =>
        TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.RetryDelayMax.Ticks));

    private static void Fail(List<PendingRecord> items, string why)
    {
        foreach (var item in items)
        {
            item.Durable?.TrySetException(new ObjectDisposedException(nameof(RecordWriter), why));
        }
    }

    private void FailQueued(string why)
    {
        var left = _queue.DrainAll();
        if (left.Count > 0)
        {
            Log.RecordsNotJournaled(_logger, StationId, left.Count, why);
        }

        Fail(left, why);
    }
}
