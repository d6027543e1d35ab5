using Station.Core.Runs;
using Station.Host.Contracts;
using Station.Host.Hubs;

namespace Station.Host.Runs;

internal sealed partial class SlotBoard
{
    /// <inheritdoc />
    public void Publish(RunEvent runEvent)
    {
        RunStarted? began = null;
        var ended = false;
        lock (_lock)
        {
            if (runEvent is RunStarted started)
            {
                began = started;
                Begin(started);
            }
            else if (_runs.TryGetValue(runEvent.RunId, out var run) && _byName.TryGetValue(run.Started.Slot, out var slot))
            {
                ended = Apply(run, slot, runEvent);
            }
        }

        if (began is not null)
        {
            RunBegan?.Invoke(this, began);
        }

        if (ended)
        {
            ShiftChanged?.Invoke(this, EventArgs.Empty);
        }
    }

    /// <summary>Applies an event of a known run; true when it ended the run.</summary>
    private bool Apply(RunLive run, SlotLive slot, RunEvent runEvent)
    {
        run.Apply(runEvent);
        var current = slot.RunId == run.Started.RunId;
        switch (runEvent)
        {
            case UnitIdentified identified:
                run.ChipUid = identified.ChipUid;
                break;
            case StepStarted step:
                FlushPending(slot, current);
                if (current)
                {
                    // The runStep below carries the new step to every client: a slotChanged for it
                    // too would double the hub's busiest traffic (docs/BENCHMARKS.md "Dashboard").
                    // The slot's own state changes only when the run leaves "waiting".
                    var stateChanged = slot.State != "running";
                    slot.State = "running";
                    slot.Step = step.Step.ToString();
                    slot.Progress = null;
                    if (stateChanged)
                    {
                        PostSlot(slot);
                    }
                }

                PostRun(slot, "runStep", seq => new RunStepDto(
                    step.RunId, slot.Slot.Name, step.Step.ToString(), step.Attempt, "started", step.RetryReason, null, null, null, null, step.At, seq));
                break;
            case StepEnded step:
                FlushPending(slot, current);
                PostRun(slot, "runStep", seq => new RunStepDto(
                    step.RunId, slot.Slot.Name, step.Step.ToString(), step.Attempt, step.Succeeded ? "succeeded" : "failed", null,
                    step.Failure?.ToString(), step.DeviceStatus, step.Reason, step.Duration.TotalSeconds, step.At, seq));
                break;
            case StepProgress progress when current:
                Progress(slot, run, progress);
                break;
            case RunLog log:
                PostRun(slot, "runLog", seq => new RunLogDto(log.RunId, slot.Slot.Name, log.Level, log.Message, log.At, seq));
                break;
            case RunEnded end:
                FlushPending(slot, current);
                End(slot, run, end, current);
                return true;
        }

        return false;
    }

    private void Begin(RunStarted started)
    {
        var run = new RunLive(started);
        if (_annotations.Remove(started.RunId, out var annotation))
        {
            run.RequestedBy = annotation.RequestedBy;
            run.ApprovedBy = annotation.ApprovedBy;
        }

        _runs[started.RunId] = run;
        _shiftFirstStart ??= started.At;
        if (!_byName.TryGetValue(started.Slot, out var slot))
        {
            return;
        }

        slot.RunId = started.RunId;
        slot.SerialNumber = started.SerialNumber;
        slot.Step = null;
        slot.Progress = null;
        slot.PendingProgress = null;
        slot.State = slot.Board is null ? "waiting" : "running";
        PostSlot(slot);
    }

    private void Progress(SlotLive slot, RunLive run, StepProgress progress)
    {
        var elapsed = Math.Max((progress.At - run.StepStartedAt).TotalSeconds, 0);
        var rate = elapsed > 0 ? progress.Bytes / elapsed : 0;
        var step = progress.Step.ToString();
        slot.Progress = new ProgressDto(step, progress.Bytes, progress.TotalBytes, Math.Round(rate, 1), Math.Round(elapsed, 3));
        slot.PendingProgress = new RunProgressDto(
            progress.RunId, slot.Slot.Name, step, progress.Bytes, progress.TotalBytes, Math.Round(rate, 1), Math.Round(elapsed, 3), progress.At, 0);
        var now = _time.GetUtcNow();
        if (now - slot.LastProgressSent >= ProgressInterval)
        {
            SendPendingProgress(slot, now);
        }
    }

    private void End(SlotLive slot, RunLive run, RunEnded end, bool current)
    {
        var passed = end.Outcome == RunOutcome.Passed;
        var result = new RunResultDto(
            end.RunId,
            end.Outcome.ToString(),
            passed ? null : end.Failure?.ToString(),
            passed ? null : end.FailedStep?.ToString(),
            end.DeviceStatus,
            passed ? null : end.Reason,
            passed ? null : end.OperatorAction,
            run.Started.SerialNumber,
            run.ChipUid,
            end.Duration.TotalSeconds,
            end.At);
        run.Result = result;
        CountForShift(run, passed, end.Outcome);
        if (current)
        {
            slot.State = "done";
            slot.Step = null;
            slot.Progress = null;
            slot.RunId = null;
            slot.LastResult = result;
            PostSlot(slot);
        }

        slot.Seq++;
        _outbox.Post(new HubMessage("runEnded", slot.Slot.Name, RunEndedDto.From(result, slot.Slot.Name, slot.Seq)));
        _ended.Enqueue(end.RunId);
        while (_ended.Count > EndedRunsKept)
        {
            _runs.Remove(_ended.Dequeue());
        }
    }

    private void CountForShift(RunLive run, bool passed, RunOutcome outcome)
    {
        if (outcome == RunOutcome.Cancelled)
        {
            return;
        }

        _shiftUnits++;
        if (passed)
        {
            _shiftPassed++;
        }

        var unit = run.ChipUid ?? run.Started.SerialNumber;
        if (unit is null || _unitsSeen.Add(unit))
        {
            _shiftDistinctUnits++;
            if (passed)
            {
                _shiftFirstPassPassed++;
            }
        }
    }

    private void FlushPending(SlotLive slot, bool current)
    {
        if (current && slot.PendingProgress is not null)
        {
            SendPendingProgress(slot, _time.GetUtcNow());
        }
    }

    private void PostRun(SlotLive slot, string method, Func<long, object> payload)
    {
        slot.Seq++;
        _outbox.Post(new HubMessage(method, slot.Slot.Name, payload(slot.Seq)));
    }
}
