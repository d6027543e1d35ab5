using Station.Data.Configurations;
using Station.Data.Entities;

namespace Station.Data.Recording;

/// <summary>
/// Records one run (from <see cref="RecordWriter.StartRun"/>). The plain <c>Record…</c> calls return
/// at once; the two that must be durable before Core goes on are async: the fuse intent (before the
/// burn) and the run's end (before MES is told). One run's recorder is used by that run only.
/// </summary>
public sealed class RunRecorder
{
    private readonly RecordWriter _writer;
    private int _ended;

    internal RunRecorder(RecordWriter writer, Guid runId, string slot, string? serialNumber)
    {
        _writer = writer;
        RunId = runId;
        Slot = slot;
        SerialNumber = serialNumber;
    }

    public Guid RunId { get; }

    public string Slot { get; }

    /// <summary>The unit's chip UID once <see cref="RecordUnitIdentified"/> was called.</summary>
    public string? ChipUid { get; private set; }

    public string? SerialNumber { get; private set; }

    public bool IsEnded => Volatile.Read(ref _ended) != 0;

    /// <summary>Records which unit this is (chip UID read from the device; serial number when known).</summary>
    public void RecordUnitIdentified(string chipUid, string? serialNumber, string? flashloaderVersion)
    {
        var record = new UnitIdentifiedRecord
        {
            RunId = RunId,
            ChipUid = RecordText.Required(chipUid, LedgerRecordMapping.NameLength, nameof(chipUid)),
            SerialNumber = RecordText.Optional(serialNumber ?? SerialNumber, LedgerRecordMapping.LongNameLength, nameof(serialNumber)),
            FlashloaderVersion = RecordText.Optional(flashloaderVersion, LedgerRecordMapping.NameLength, nameof(flashloaderVersion)),
        };
        Append(record);
        ChipUid = record.ChipUid;
        SerialNumber = record.SerialNumber;
    }

    public void RecordStepAttempt(StepAttempt attempt)
    {
        ArgumentNullException.ThrowIfNull(attempt);
        ArgumentOutOfRangeException.ThrowIfLessThan(attempt.Attempt, 1, nameof(attempt));
        Append(new StepAttemptRecord
        {
            RunId = RunId,
            StepName = RecordText.Required(attempt.StepName, LedgerRecordMapping.NameLength, nameof(attempt.StepName)),
            Attempt = attempt.Attempt,
            StartedAt = Ledger.LedgerTime.Truncate(attempt.StartedAt),
            EndedAt = Ledger.LedgerTime.Truncate(attempt.EndedAt),
            Result = attempt.Result,
            DeviceStatus = attempt.DeviceStatus,
            RetryReason = RecordText.Message(attempt.RetryReason),
            Message = RecordText.Message(attempt.Message),
        });
    }

    /// <summary>
    /// Records the intent to burn a fuse word and completes once it is durable (in the journal):
    /// burn only after this returns. Returns the intent's id for <see cref="RecordFuseResult"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The unit is not identified yet (its chip UID keys the intent).</exception>
    public async Task<Guid> RecordFuseIntentAsync(FuseIntent intent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(intent);
        ArgumentOutOfRangeException.ThrowIfNegative(intent.FuseIndex, nameof(intent));
        var chipUid = ChipUid ?? throw new InvalidOperationException("Record the unit's identity before a fuse intent.");
        var record = new FuseIntentRecord
        {
            IntentId = Guid.CreateVersion7(),
            RunId = RunId,
            ChipUid = chipUid,
            FuseIndex = intent.FuseIndex,
            FuseName = RecordText.Required(intent.FuseName, LedgerRecordMapping.NameLength, nameof(intent.FuseName)),
            RequestedValue = intent.RequestedValue,
            Mask = intent.Mask,
            ValueBefore = intent.ValueBefore,
            ApprovalReference = RecordText.Optional(intent.ApprovalReference, LedgerRecordMapping.LongNameLength, nameof(intent.ApprovalReference)),
        };
        ThrowIfEnded();
        await _writer.EnqueueDurableAsync(record, cancellationToken);
        return record.IntentId;
    }

    /// <summary>Records what became of a fuse intent (of this run, or an unresolved one of an earlier run).</summary>
    /// <exception cref="InvalidOperationException">The unit is not identified yet.</exception>
    public void RecordFuseResult(FuseResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfNegative(result.FuseIndex, nameof(result));
        var chipUid = ChipUid ?? throw new InvalidOperationException("Record the unit's identity before a fuse result.");
        Append(new FuseResultRecord
        {
            IntentId = result.IntentId,
            RunId = RunId,
            ChipUid = chipUid,
            FuseIndex = result.FuseIndex,
            Outcome = result.Outcome,
            ValueAfter = result.ValueAfter,
            Verified = result.Verified,
            DeviceStatus = result.DeviceStatus,
            Message = RecordText.Message(result.Message),
        });
    }

    public void RecordImageWrite(ImageWrite write)
    {
        ArgumentNullException.ThrowIfNull(write);
        ArgumentOutOfRangeException.ThrowIfNegative(write.Length, nameof(write));
        Append(new ImageWriteRecord
        {
            RunId = RunId,
            Memory = RecordText.Required(write.Memory, LedgerRecordMapping.NameLength, nameof(write.Memory)),
            Address = write.Address,
            Length = write.Length,
            ImageSha256 = RecordText.Sha256(write.ImageSha256, nameof(write.ImageSha256)),
            ReadBackSha256 = RecordText.OptionalSha256(write.ReadBackSha256, nameof(write.ReadBackSha256)),
        });
    }

    /// <summary>Records a log line of this run (level: trace, debug, information, warning, error, critical).</summary>
    public void RecordLog(string level, string message) => Append(_writer.LogLine(RunId, level, message));

    /// <summary>Records the run's end and completes once it is durable. A run ends once.</summary>
    public async Task EndAsync(RunEnd end, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(end);
        ArgumentOutOfRangeException.ThrowIfNegative(end.Attempts, nameof(end));
        var record = new RunEndedRecord
        {
            RunId = RunId,
            EndedAt = _writer.Now(),
            Outcome = end.Outcome,
            FailureClass = RecordText.Optional(end.FailureClass, LedgerRecordMapping.NameLength, nameof(end.FailureClass)),
            DeviceStatus = end.DeviceStatus,
            Attempts = end.Attempts,
            Message = RecordText.Message(end.Message),
        };
        if (Interlocked.Exchange(ref _ended, 1) != 0)
        {
            throw new InvalidOperationException($"Run {RunId} has already ended.");
        }

        await _writer.EnqueueDurableAsync(record, cancellationToken);
    }

    private void Append(LedgerRecord record)
    {
        ThrowIfEnded();
        _writer.Enqueue(record);
    }

    private void ThrowIfEnded()
    {
        if (IsEnded)
        {
            throw new InvalidOperationException($"Run {RunId} has ended; nothing more can be recorded for it.");
        }
    }
}
