using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Station.Data.Configurations;
using Station.Data.Entities;
using Station.Data.Ledger;

namespace Station.Data.Recording;

/// <summary>
/// A station's recorder: the only writer of its ledger chain. Recording calls never block and
/// never touch the disk or the database; they hand records to a queue. A writer loop gives each
/// record its sequence number and chain hash and appends it, in batches with one fsync each, to the
/// on-disk journal (the durable queue). A delivery loop copies the journal to the database, one
/// transaction per batch, in order, retrying while the database is away. When delivery first
/// catches up after start, recovery ends the runs an earlier session left open as interrupted.
/// </summary>
/// <remarks>
/// Durability points: <see cref="FlushAsync"/> and the <c>…Async</c> recording calls complete
/// when the record is in the journal (it then survives kill -9 and power loss);
/// <see cref="WaitForDeliveryAsync"/> completes when it is in the database.
/// </remarks>
public sealed partial class RecordWriter : IAsyncDisposable
{
    private readonly RecordWriterOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<RecordWriter> _logger;
    private readonly RecordQueue _queue;
    private readonly RecordJournal _journal;
    private readonly RecordStore _store;
    private readonly AsyncSignal _deliverySignal = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly TaskCompletionSource<RecoveryReport> _recovery = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Lock _deliveryWaitersLock = new();
    private readonly List<(long Sequence, TaskCompletionSource Done)> _deliveryWaiters = [];
    private Task _writerLoop = Task.CompletedTask;
    private Task _deliveryLoop = Task.CompletedTask;
    private long _durableSequence;
    private long _deliveredSequence;
    private long _hurrySequence; // someone waits for delivery up to here: no linger until then
    private volatile bool _databaseReachable = true;
    private volatile string? _lastDeliveryError;
    private volatile LedgerHead? _durableHead;
    private int _disposed;

    private RecordWriter(
        RecordWriterOptions options, IDbContextFactory<StationDbContext> databases, RecordJournal journal,
        TimeProvider timeProvider, ILogger<RecordWriter> logger)
    {
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _queue = new RecordQueue(options.QueueCapacity);
        _journal = journal;
        _store = new RecordStore(databases);
        SessionId = Guid.CreateVersion7(timeProvider.GetUtcNow());
        _durableSequence = journal.Head?.Sequence ?? 0;
        _durableHead = journal.Head;
    }

    public string StationId => _options.StationId;

    /// <summary>This process's session: its runs are never ended by recovery.</summary>
    public Guid SessionId { get; }

    /// <summary>Completes when recovery of earlier sessions is done (it needs the database once).</summary>
    public Task<RecoveryReport> Recovery => _recovery.Task;

    /// <summary>
    /// The newest record in the journal: an anchor for <see cref="LedgerVerifier.VerifyAsync"/>
    /// that catches removal of the newest rows from the database.
    /// </summary>
    public LedgerHead? DurableHead => _durableHead;

    public RecorderStatus Status => new(
        _queue.Count,
        _queue.IsOverloaded,
        Interlocked.Read(ref _durableSequence),
        Interlocked.Read(ref _deliveredSequence),
        _databaseReachable,
        _lastDeliveryError);

    /// <summary>
    /// Opens the journal (repairing a torn tail), starts the writer and delivery loops and records
    /// the session. Does not wait for the database: it may be down.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another process holds the journal folder.</exception>
    public static Task<RecordWriter> StartAsync(
        RecordWriterOptions options, IDbContextFactory<StationDbContext> databases, TimeProvider timeProvider,
        ILogger<RecordWriter> logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(databases);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentNullException.ThrowIfNull(logger);
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();

        var journal = RecordJournal.Open(options.JournalDirectory, options.MaxSegmentBytes, logger);
        var writer = new RecordWriter(options, databases, journal, timeProvider, logger);
        writer.Enqueue(new StationSessionRecord
        {
            SessionId = writer.SessionId,
            ToolVersion = options.ToolVersion,
            HostName = options.HostName,
        });
        writer._writerLoop = Task.Run(writer.RunWriterAsync, CancellationToken.None);
        writer._deliveryLoop = Task.Run(() => writer.RunDeliveryAsync(writer._stopping.Token), CancellationToken.None);
        Log.Started(logger, options.StationId, writer.SessionId, journal.Head?.Sequence ?? 0);
        return Task.FromResult(writer);
    }

    /// <summary>The newest record in a station's journal folder, read without disturbing a running recorder.</summary>
    public static LedgerHead? ReadJournalHead(string journalDirectory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(journalDirectory);
        return RecordJournal.ReadHead(journalDirectory);
    }

    /// <summary>Records the start of a run and returns the recorder for the rest of it.</summary>
    public RunRecorder StartRun(RunStart start)
    {
        ArgumentNullException.ThrowIfNull(start);
        var record = new RunStartedRecord
        {
            RunId = start.RunId ?? Guid.CreateVersion7(_timeProvider.GetUtcNow()),
            SessionId = SessionId,
            Slot = RecordText.Required(start.Slot, LedgerRecordMapping.NameLength, nameof(start.Slot)),
            Operator = RecordText.Optional(start.Operator, LedgerRecordMapping.LongNameLength, nameof(start.Operator)),
            RecipeName = RecordText.Required(start.RecipeName, LedgerRecordMapping.LongNameLength, nameof(start.RecipeName)),
            RecipeVersion = RecordText.Required(start.RecipeVersion, LedgerRecordMapping.NameLength, nameof(start.RecipeVersion)),
            RecipeSha256 = RecordText.Sha256(start.RecipeSha256, nameof(start.RecipeSha256)),
            FlashloaderVersion = RecordText.Optional(start.FlashloaderVersion, LedgerRecordMapping.NameLength, nameof(start.FlashloaderVersion)),
            ToolVersion = _options.ToolVersion,
            SerialNumber = RecordText.Optional(start.SerialNumber, LedgerRecordMapping.LongNameLength, nameof(start.SerialNumber)),
        };
        record.StartedAt = Now();
        Enqueue(record);
        return new RunRecorder(this, record.RunId, record.Slot, record.SerialNumber);
    }

    /// <summary>Records a station log line that belongs to no run.</summary>
    public void RecordStationLog(string level, string message) => Enqueue(LogLine(null, level, message));

    /// <summary>Completes when everything recorded before the call is in the journal; returns the newest sequence.</summary>
    public Task<long> FlushAsync(CancellationToken cancellationToken) => EnqueueDurableAsync(null, cancellationToken);

    /// <summary>
    /// Completes when everything recorded before the call is in the database. Delivery does not
    /// linger (<see cref="RecordWriterOptions.DeliveryLinger"/>) while someone waits here.
    /// </summary>
    public async Task WaitForDeliveryAsync(CancellationToken cancellationToken)
    {
        var sequence = await FlushAsync(cancellationToken);
        await WaitForDeliveredAsync(sequence, cancellationToken);
    }

    /// <summary>
    /// Stops recording: drains the queue into the journal, gives delivery
    /// <see cref="RecordWriterOptions.ShutdownDeliveryTimeout"/> to catch up, and closes the journal.
    /// What is not delivered stays in the journal for the next start.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Log.Stopping(_logger, StationId, _queue.Count);
        _queue.Complete();
        Interlocked.Exchange(ref _hurrySequence, long.MaxValue); // no more lingering: catch up and stop
        using (var grace = new CancellationTokenSource(_options.ShutdownDeliveryTimeout, _timeProvider))
        {
            try
            {
                await _writerLoop.WaitAsync(grace.Token);
                _deliverySignal.Set();
                await WaitForDeliveredAsync(Interlocked.Read(ref _durableSequence), grace.Token);
            }
            catch (OperationCanceledException) when (grace.IsCancellationRequested)
            {
                // The journal keeps whatever is not in the database yet.
            }
        }

        await _stopping.CancelAsync();
        await Task.WhenAll(_writerLoop, _deliveryLoop).ContinueWith(_ => { }, TaskScheduler.Default);
        _recovery.TrySetCanceled(CancellationToken.None);
        _journal.Dispose();
        _stopping.Dispose();
    }

    internal void Enqueue(LedgerRecord record)
    {
        record.RecordedAt = Now();
        if (_queue.Enqueue(new PendingRecord(record, null)))
        {
            Log.Overloaded(_logger, StationId, _queue.Capacity);
        }
    }

    internal async Task<long> EnqueueDurableAsync(LedgerRecord? record, CancellationToken cancellationToken)
    {
        var durable = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
        if (record is not null)
        {
            record.RecordedAt = Now();
        }

        if (_queue.Enqueue(new PendingRecord(record, durable)))
        {
            Log.Overloaded(_logger, StationId, _queue.Capacity);
        }

        return await durable.Task.WaitAsync(cancellationToken);
    }

    internal DateTime Now() => LedgerTime.Truncate(_timeProvider.GetUtcNow());

    internal LogLineRecord LogLine(Guid? runId, string level, string message) => new()
    {
        RunId = runId,
        LoggedAt = Now(),
        Level = RecordText.Required(level, LedgerRecordMapping.LevelLength, nameof(level)),
        Message = RecordText.Message(message) ?? "",
    };

    private async Task WaitForDeliveredAsync(long sequence, CancellationToken cancellationToken)
    {
        TaskCompletionSource done;
        lock (_deliveryWaitersLock)
        {
            if (Interlocked.Read(ref _deliveredSequence) >= sequence)
            {
                return;
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _deliveryWaiters.Add((sequence, done));
        }

        // Cut a linger short: someone is waiting for the database.
        long hurry;
        do
        {
            hurry = Interlocked.Read(ref _hurrySequence);
        }
        while (hurry < sequence && Interlocked.CompareExchange(ref _hurrySequence, sequence, hurry) != hurry);
        _deliverySignal.Set();

        await done.Task.WaitAsync(cancellationToken);
    }

    private void SetDelivered(long sequence)
    {
        List<TaskCompletionSource> ready = [];
        lock (_deliveryWaitersLock)
        {
            Interlocked.Exchange(ref _deliveredSequence, sequence);
            for (var i = _deliveryWaiters.Count - 1; i >= 0; i--)
            {
                if (_deliveryWaiters[i].Sequence <= sequence)
                {
                    ready.Add(_deliveryWaiters[i].Done);
                    _deliveryWaiters.RemoveAt(i);
                }
            }
        }

        foreach (var done in ready)
        {
            done.TrySetResult();
        }
    }
}
