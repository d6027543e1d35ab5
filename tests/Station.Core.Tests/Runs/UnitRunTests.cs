using Station.Core.Fuses;
using Station.Testing;

namespace Station.Core.Runs.Tests;

/// <summary>One unit at a time through the real pipeline against simulated boards.</summary>
public sealed class UnitRunTests
{
    private static readonly FuseBurnApproval Approval = new("APPROVAL-1", "engineer");

    [Fact]
    public async Task Run_BlankBoard_PassesWithImageFcbAndFuseOnTheBoard()
    {
        await using var station = new SimulatedStation(1);
        var recipe = SimulatedStation.SampleRecipe();
        var board = SimulatedStation.Board("blank");

        var result = await station.ProvisionAsync("slot 1", board, recipe, Approval);

        Assert.Equal(RunOutcome.Passed, result.Outcome);
        Assert.Equal(recipe.Image.Bytes, board.ReadFlash(recipe.Image.Address, recipe.Image.Bytes.Length));
        Assert.Equal(SharedTestData.Read("fcb/mimxrt1064_sip_w25q32jv.fcb"), board.ReadFlash(0x7000_0000, 512));
        Assert.Equal(0x10u, board.ReadFuse(0x06) & 0x10);
        Assert.Equal(1, board.FuseProgramCounts()[0x06]);
        Assert.Equal($"{board.UniqueId:x16}".Length, result.ChipUid!.Length);
        var written = Assert.Single(station.EventsOf<ImageWritten>(result.RunId));
        Assert.Equal(written.ImageSha256, written.ReadBackSha256);
        Assert.NotNull(result.HandOver);
    }

    [Fact]
    public async Task Run_EventsInFlowOrder_StartWithRunStartedAndEndWithRunEnded()
    {
        await using var station = new SimulatedStation(1);

        var result = await station.ProvisionAsync("slot 1", SimulatedStation.Board("order"), SimulatedStation.SampleRecipe(), Approval);

        var events = station.Events.Where(e => e.RunId == result.RunId).ToList();
        Assert.IsType<RunStarted>(events[0]);
        Assert.IsType<RunEnded>(events[^1]);
        var steps = events.OfType<StepStarted>().Select(s => s.Step).Distinct();
        Assert.Equal(
            [RunStep.LoadFlashloader, RunStep.Identify, RunStep.PlanFuses, RunStep.ConfigureMemory, RunStep.Erase, RunStep.ProgramFcb,
             RunStep.WriteImage, RunStep.Verify, RunStep.BurnFuses, RunStep.Reset],
            steps);
        Assert.All(events.OfType<StepEnded>(), e => Assert.True(e.Succeeded));
    }

    [Fact]
    public async Task Run_FuseConflict_StopsBeforeAnythingIsWritten()
    {
        await using var station = new SimulatedStation(1);
        // The recipe wants CFG5 bit 1 clear; this unit has it burned.
        var recipe = SimulatedStation.SampleRecipe(yaml => yaml.Replace("mask: 0x00000010", "mask: 0x00000012", StringComparison.Ordinal));
        var board = SimulatedStation.Board("conflict", fuses: new Dictionary<int, uint> { [0x06] = 0x2 });

        var result = await station.ProvisionAsync("slot 1", board, recipe, Approval);

        Assert.Equal(RunOutcome.Failed, result.Outcome);
        Assert.Equal(FailureClass.FuseConflict, result.Failure);
        Assert.Equal(RunStep.PlanFuses, result.FailedStep);
        Assert.Contains("CFG5", result.Reason, StringComparison.Ordinal);
        Assert.All(board.ReadFlash(0x7000_0000, 0x2_2000), b => Assert.Equal(0xFF, b));
        Assert.Empty(board.FuseProgramCounts());
        Assert.DoesNotContain(station.EventsOf<StepStarted>(result.RunId), s => s.Step >= RunStep.ConfigureMemory);
        var planned = Assert.Single(station.EventsOf<FuseWordPlanned>(result.RunId));
        Assert.Equal(FuseDecision.Conflict, planned.Decision);
    }

    [Fact]
    public async Task Run_FusesToBurnWithoutApproval_StopsBeforeAnythingIsWritten()
    {
        await using var station = new SimulatedStation(1);
        var board = SimulatedStation.Board("unapproved");

        var result = await station.ProvisionAsync("slot 1", board, SimulatedStation.SampleRecipe(), approval: null);

        Assert.Equal(RunOutcome.Failed, result.Outcome);
        Assert.Equal(RunStep.PlanFuses, result.FailedStep);
        Assert.Contains("approve", result.OperatorAction, StringComparison.Ordinal);
        Assert.All(board.ReadFlash(0x7000_0000, 0x1000), b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public async Task Run_FusesAlreadyMatch_BurnsNothing()
    {
        await using var station = new SimulatedStation(1);
        var board = SimulatedStation.Board("matched", fuses: new Dictionary<int, uint> { [0x06] = 0x10 });

        var result = await station.ProvisionAsync("slot 1", board, SimulatedStation.SampleRecipe(), approval: null);

        Assert.Equal(RunOutcome.Passed, result.Outcome);
        Assert.Empty(board.FuseProgramCounts());
        Assert.Equal(FuseDecision.Matches, Assert.Single(station.EventsOf<FuseWordPlanned>(result.RunId)).Decision);
    }

    [Fact]
    public async Task Run_EraseFailsTwice_RecoversThroughTheLadderAndRecordsWhy()
    {
        await using var station = new SimulatedStation(1);

        var result = await station.ProvisionAsync("slot 1", SimulatedStation.Board("flaky", "erase20106@1,erase20106@2"), SimulatedStation.SampleRecipe(), Approval);

        Assert.Equal(RunOutcome.Passed, result.Outcome);
        var erases = station.EventsOf<StepEnded>(result.RunId).Where(e => e.Step == RunStep.Erase).ToList();
        Assert.Equal([false, false, true], erases.Select(e => e.Succeeded));
        Assert.All(erases.Take(2), e => Assert.Equal(20106u, e.DeviceStatus));
        var configures = station.EventsOf<StepStarted>(result.RunId).Where(e => e.Step == RunStep.ConfigureMemory).ToList();
        Assert.Contains("retrying", configures[1].RetryReason, StringComparison.Ordinal);
        Assert.Contains("0xC0000006", configures[2].RetryReason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_MarginalFlashAtFullClock_PassesAtTheFallbackClock()
    {
        await using var station = new SimulatedStation(1);

        // Verify fails while the configured max_freq index is above 6: 0xC0000007 fails, 0xC0000006 works.
        var result = await station.ProvisionAsync("slot 1", SimulatedStation.Board("marginal", "marginal=6"), SimulatedStation.SampleRecipe(), Approval);

        Assert.Equal(RunOutcome.Passed, result.Outcome);
        Assert.Contains(
            station.EventsOf<StepStarted>(result.RunId),
            s => s.Step == RunStep.ConfigureMemory && (s.RetryReason ?? string.Empty).Contains("0xC0000006", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Run_WriteProtectedFlash_QuarantinedWithDiagnosis()
    {
        await using var station = new SimulatedStation(1);
        var board = SimulatedStation.Board("protected", "protected");

        var result = await station.ProvisionAsync("slot 1", board, SimulatedStation.SampleRecipe(), Approval);

        Assert.Equal(RunOutcome.Quarantined, result.Outcome);
        Assert.Equal(FailureClass.DeviceTransient, result.Failure);
        Assert.Equal(20106u, result.DeviceStatus);
        Assert.Contains("rework", result.OperatorAction, StringComparison.Ordinal);
        Assert.Empty(board.FuseProgramCounts());
    }

    [Fact]
    public async Task Run_DisconnectMidWrite_ReopensAndPasses()
    {
        await using var station = new SimulatedStation(1);

        var result = await station.ProvisionAsync("slot 1", SimulatedStation.Board("unplugged", "disconnect@1"), SimulatedStation.SampleRecipe(), Approval);

        Assert.True(result.Outcome == RunOutcome.Passed, string.Join("\n", station.Events.OfType<StepEnded>().Where(e => !e.Succeeded).Select(e => $"{e.Step}: {e.Reason}")));
        Assert.Contains(station.EventsOf<StepEnded>(result.RunId), e => e.Failure == FailureClass.Transport);
    }

    [Fact]
    public async Task Run_ShortReport_TreatedAsTransportAndPasses()
    {
        await using var station = new SimulatedStation(1);

        var result = await station.ProvisionAsync("slot 1", SimulatedStation.Board("short", "short@3"), SimulatedStation.SampleRecipe(), Approval);

        Assert.Equal(RunOutcome.Passed, result.Outcome);
        var failed = Assert.Single(station.EventsOf<StepEnded>(result.RunId), e => !e.Succeeded);
        Assert.Equal(FailureClass.Transport, failed.Failure);
        Assert.Contains("03 00", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NoBoardOnSlot_FailsWithStageTimeoutAndTellsTheOperator()
    {
        await using var station = new SimulatedStation(1);
        var recipe = SimulatedStation.SampleRecipe(yaml => yaml + "policy:\n  stageTimeout: 200ms\n");

        var started = station.Engine.TryStart(new RunRequest("slot 1", recipe, null, "test", Approval));
        var result = await started!.Completion.WaitAsync(TestTimeouts.Unexpected);

        Assert.Equal(RunOutcome.Failed, result.Outcome);
        Assert.Equal(FailureClass.StageTimeout, result.Failure);
        Assert.Contains("serial-download mode", result.OperatorAction, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TryStart_SlotBusy_ReturnsNull()
    {
        await using var station = new SimulatedStation(1);
        var recipe = SimulatedStation.SampleRecipe(yaml => yaml + "policy:\n  stageTimeout: 500ms\n");

        var first = station.Engine.TryStart(new RunRequest("slot 1", recipe, null, "test", null));
        var second = station.Engine.TryStart(new RunRequest("slot 1", recipe, null, "test", null));

        Assert.NotNull(first);
        Assert.Null(second);
        await first.Completion.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task Cancel_RunWaitingForBoard_EndsCancelled()
    {
        await using var station = new SimulatedStation(1);
        var started = station.Engine.TryStart(new RunRequest("slot 1", SimulatedStation.SampleRecipe(), null, "test", null))!;

        Assert.True(station.Engine.Cancel(started.RunId));
        var result = await started.Completion.WaitAsync(TestTimeouts.Unexpected);

        Assert.Equal(RunOutcome.Cancelled, result.Outcome);
        Assert.Null(station.Engine.CurrentRun("slot 1"));
    }

    [Fact]
    public async Task AutoMode_BoardAppearsInRom_ProvisionsItOnceEvenThoughItComesBackAfterReset()
    {
        await using var station = new SimulatedStation(1);
        var completed = new TaskCompletionSource<RunResult>(TaskCreationOptions.RunContinuationsAsynchronously);
        var backInRom = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        station.Engine.RunCompleted += (_, result) => completed.TrySetResult(result);
        // The engine subscribed first, so by the time this handler sees the ROM come back, the
        // engine has already decided whether to start a run for it.
        station.Monitor.SlotChanged += (_, change) =>
        {
            if (change.Arrived?.Mode == Devices.BoardMode.Rom && station.Events.OfType<StepStarted>().Any(s => s.Step == RunStep.Reset))
            {
                backInRom.TrySetResult();
            }
        };
        station.Engine.ActiveRecipe = SimulatedStation.SampleRecipe();
        station.Engine.ActiveApproval = Approval;
        station.Engine.AutoMode = true;

        await station.Bus.PlugAsync("1-1.1", SimulatedStation.Board("auto"), TestTimeouts.Unexpected);
        var result = await completed.Task.WaitAsync(TestTimeouts.Unexpected);
        await backInRom.Task.WaitAsync(TestTimeouts.Unexpected);

        Assert.Equal(RunOutcome.Passed, result.Outcome);
        Assert.Null(station.Engine.CurrentRun("slot 1"));
        Assert.Single(station.Events.OfType<RunStarted>());
    }
}
