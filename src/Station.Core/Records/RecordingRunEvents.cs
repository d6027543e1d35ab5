using System.Collections.Concurrent;
using Station.Core.Runs;
using Station.Data.Recording;
using DataOutcome = Station.Data.Entities.RunOutcome;
using DataStepResult = Station.Data.Entities.StepResult;
using FuseOutcome = Station.Data.Entities.FuseOutcome;

namespace Station.Core.Records;

/// <summary>
/// Turns run events into the per-unit provisioning record (Station.Data's append-only, hash-chained
/// tables). Everything is queued without waiting except the two records the run must not outrun:
/// a fuse intent (stored before its burn) and the run's end.
/// </summary>
public sealed class RecordingRunEvents(RecordWriter writer) : IRunEvents
{
    private readonly ConcurrentDictionary<Guid, RunState> _runs = new();

    /// <inheritdoc />
    public void Publish(RunEvent runEvent)
    {
        switch (runEvent)
        {
            case RunStarted started:
                var recorder = writer.StartRun(new RunStart(started.Slot, started.RecipeName, started.RecipeVersion.ToString(System.Globalization.CultureInfo.InvariantCulture), Convert.FromHexString(started.RecipeSha256))
                {
                    RunId = started.RunId,
                    Operator = started.Operator,
                    SerialNumber = started.SerialNumber,
                });
                _runs[started.RunId] = new RunState(recorder);
                break;
            case UnitIdentified identified when Find(identified) is { } run:
                run.Recorder.RecordUnitIdentified(identified.ChipUid, run.Recorder.SerialNumber, identified.FlashloaderVersion);
                break;
            case StepStarted step when Find(step) is { } run:
                run.Steps[(step.Step, step.Attempt)] = (step.At, step.RetryReason);
                break;
            case StepEnded step when Find(step) is { } run:
                var (startedAt, retryReason) = run.Steps.TryRemove((step.Step, step.Attempt), out var begun) ? begun : (step.At - step.Duration, null);
                run.Recorder.RecordStepAttempt(new StepAttempt(step.Step.ToString(), step.Attempt, startedAt, step.At, step.Succeeded ? DataStepResult.Passed : DataStepResult.Failed)
                {
                    DeviceStatus = step.DeviceStatus,
                    RetryReason = retryReason,
                    Message = step.Failure is null ? null : $"{step.Failure}: {step.Reason}",
                });
                break;
            case FuseWordPlanned planned when Find(planned) is { } run:
                run.Recorder.RecordLog("Information", $"Fuse {planned.Name} (0x{planned.Index:X2}) reads 0x{planned.Current:X8}; requested 0x{planned.RequestedValue:X8} under mask 0x{planned.Mask:X8}: {planned.Decision}.");
                break;
            case FuseBurnResult result when Find(result) is { } run && run.Intents.TryRemove(result.Index, out var intentId):
                run.Recorder.RecordFuseResult(new FuseResult(intentId, (int)result.Index, Outcome(result), result.Verified)
                {
                    ValueAfter = result.After,
                    DeviceStatus = result.DeviceStatus,
                });
                break;
            case FuseIntentResolved resolved when Find(resolved) is { } run:
                run.Recorder.RecordFuseResult(new FuseResult(resolved.IntentId, (int)resolved.Index, FuseOutcome.ReRead, resolved.Verified)
                {
                    ValueAfter = resolved.Value,
                    Message = "Resolved by re-reading the word on the unit's next run.",
                });
                break;
            case ImageWritten image when Find(image) is { } run:
                run.Recorder.RecordImageWrite(new ImageWrite(MemoryName(image.MemoryId), image.Address, image.Length, Convert.FromHexString(image.ImageSha256))
                {
                    ReadBackSha256 = Convert.FromHexString(image.ReadBackSha256),
                });
                break;
            case RunLog log when Find(log) is { } run:
                run.Recorder.RecordLog(log.Level, log.Message);
                break;
        }
    }

    /// <inheritdoc />
    public async ValueTask PublishDurablyAsync(RunEvent runEvent, CancellationToken cancellationToken)
    {
        switch (runEvent)
        {
            case FuseBurnIntent intent when Find(intent) is { } run:
                run.Intents[intent.Index] = await run.Recorder.RecordFuseIntentAsync(
                    new FuseIntent((int)intent.Index, intent.Name, intent.RequestedValue, intent.Mask, intent.Before) { ApprovalReference = intent.ApprovalReference },
                    cancellationToken);
                break;
            case RunEnded ended when _runs.TryRemove(ended.RunId, out var run):
                await run.Recorder.EndAsync(
                    new RunEnd(Outcome(ended.Outcome), ended.Attempts)
                    {
                        FailureClass = ended.Failure?.ToString(),
                        DeviceStatus = ended.DeviceStatus,
                        Message = ended.Reason is null ? null : $"{ended.FailedStep}: {ended.Reason} What to do: {ended.OperatorAction}",
                    },
                    cancellationToken);
                break;
            default:
                Publish(runEvent);
                break;
        }
    }

    private RunState? Find(RunEvent runEvent) => _runs.GetValueOrDefault(runEvent.RunId);

    private static FuseOutcome Outcome(FuseBurnResult result) =>
        result.ResolvedByReRead ? FuseOutcome.ReRead : result.Verified ? FuseOutcome.Burned : FuseOutcome.Failed;

    private static DataOutcome Outcome(RunOutcome outcome) => outcome switch
    {
        RunOutcome.Passed => DataOutcome.Passed,
        RunOutcome.Failed => DataOutcome.Failed,
        RunOutcome.Quarantined => DataOutcome.Quarantined,
        RunOutcome.Interrupted => DataOutcome.Interrupted,
        _ => DataOutcome.Cancelled,
    };

    private static string MemoryName(uint memoryId) => memoryId switch
    {
        9 => "FlexSPI NOR",
        0 => "memory-mapped",
        _ => $"memory 0x{memoryId:X}",
    };

    private sealed class RunState(RunRecorder recorder)
    {
        public RunRecorder Recorder { get; } = recorder;

        public ConcurrentDictionary<(RunStep Step, int Attempt), (DateTimeOffset At, string? RetryReason)> Steps { get; } = new();

        public ConcurrentDictionary<uint, Guid> Intents { get; } = new();
    }
}
