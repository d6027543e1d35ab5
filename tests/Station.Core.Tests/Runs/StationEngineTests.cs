using Station.Simulator;
using Station.Testing;

namespace Station.Core.Runs.Tests;

/// <summary>Many boards at once through the engine, with faults (issue 4's "Done when").</summary>
public sealed class StationEngineTests
{
    [Fact]
    public async Task SixteenBoards_EraseFailuresShortReportsAndStalls_EveryUnitPassesOrIsQuarantinedAndNoFuseIsBurnedTwice()
    {
        const int Boards = 16;
        await using var station = new SimulatedStation(Boards, concurrentBurns: 2);
        var recipe = SimulatedStation.SampleRecipe();
        var approval = new FuseBurnApproval("APPROVAL-16", "engineer");
        var boards = Enumerable.Range(1, Boards)
            .Select(i => SimulatedStation.Board($"board {i}", $"erase20106=0.3,short=0.05,stall=0.02,stallfor=1s,seed={i}"))
            .ToList();
        // One unit arrives with a fuse burned the other way: it must stop before anything is written.
        var conflicted = new SimulatedBoard(BoardFamily.Rt1064, new SimulatedBoardOptions { Name = "conflicted", Fuses = new Dictionary<int, uint> { [0x06] = 0x2 } });
        var conflictRecipe = SimulatedStation.SampleRecipe(yaml => yaml.Replace("mask: 0x00000010", "mask: 0x00000012", StringComparison.Ordinal));
        boards[^1] = conflicted;

        var runs = new List<Task<RunResult>>();
        for (var i = 0; i < Boards; i++)
        {
            await station.Bus.PlugAsync($"1-1.{i + 1}", boards[i], TestTimeouts.Unexpected);
            var started = station.Engine.TryStart(new RunRequest($"slot {i + 1}", i == Boards - 1 ? conflictRecipe : recipe, $"SN-{i + 1}", "test", approval));
            runs.Add(started!.Completion);
        }

        var results = await Task.WhenAll(runs).WaitAsync(TimeSpan.FromMinutes(2));

        var conflict = results[^1];
        Assert.Equal(RunOutcome.Failed, conflict.Outcome);
        Assert.Equal(FailureClass.FuseConflict, conflict.Failure);
        Assert.All(conflicted.ReadFlash(0x7000_0000, 0x2_2000), b => Assert.Equal(0xFF, b));
        Assert.Empty(conflicted.FuseProgramCounts());
        Assert.All(results[..^1], r =>
        {
            Assert.True(r.Outcome is RunOutcome.Passed or RunOutcome.Quarantined, $"{r.Slot}: {r.Outcome} {r.Failure} {r.Reason}");
            if (r.Outcome == RunOutcome.Quarantined)
            {
                Assert.False(string.IsNullOrWhiteSpace(r.Reason));
                Assert.False(string.IsNullOrWhiteSpace(r.OperatorAction));
            }
        });
        Assert.All(boards, b => Assert.All(b.FuseProgramCounts().Values, count => Assert.Equal(1, count)));
        Assert.Contains(results, r => r.Outcome == RunOutcome.Passed);
        Assert.Contains(station.Events.OfType<StepEnded>(), e => e.DeviceStatus == 20106);
        Assert.Contains(station.Events.OfType<StepEnded>(), e => e.Failure == FailureClass.Transport);
        foreach (var (board, result) in boards.Zip(results).Where(p => p.Second.Outcome == RunOutcome.Passed))
        {
            Assert.Equal(recipe.Image.Bytes, board.ReadFlash(recipe.Image.Address, recipe.Image.Bytes.Length));
        }
    }
}
