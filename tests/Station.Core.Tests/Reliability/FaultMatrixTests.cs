using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Station.Core.Records;
using Station.Core.Records.Tests;
using Station.Core.Runs;
using Station.Core.Runs.Tests;
using Station.Data.Ledger;
using Station.Testing;
using Xunit.Abstractions;

namespace Station.Core.Reliability.Tests;

/// <summary>
/// The fault matrix of issue 8: many simulated units across 16 slots with erase failures, short
/// reports, stalls, disconnects and spontaneous resets, recorded into a real SQLite database.
/// STATION_FAULT_MATRIX_UNITS sets the number of units (default 1000; raise it for a soak).
/// </summary>
public sealed class FaultMatrixTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const string Faults = "erase20106=0.1,program20106=0.05,short=0.01,stall=0.005,disconnect=0.01,reset=0.005,stallfor=1s";
    private RecordedSqlite _records = null!;

    public async Task InitializeAsync() => _records = await RecordedSqlite.StartAsync("fault-matrix");

    [Fact]
    public async Task FaultMatrix_ThousandUnitsOnSixteenSlots_EveryUnitPassesOrIsQuarantinedNothingIsLostNoFuseBurnedTwice()
    {
        var units = int.TryParse(Environment.GetEnvironmentVariable("STATION_FAULT_MATRIX_UNITS"), CultureInfo.InvariantCulture, out var n) ? n : 1000;
        const int Slots = 16;
        await using var station = new SimulatedStation(Slots, concurrentBurns: 2, records: new RecordingRunEvents(_records.Writer));
        var recipe = SimulatedStation.SampleRecipe();
        var approval = new FuseBurnApproval("FAULT-MATRIX", "engineer");
        var next = 0;
        var outcomes = new List<(RunResult Result, IReadOnlyDictionary<int, int> FuseCounts)>();

        async Task LaneAsync(int slot)
        {
            for (var number = Interlocked.Increment(ref next); number <= units; number = Interlocked.Increment(ref next))
            {
                var board = SimulatedStation.Board($"unit {number}", $"{Faults},seed={number}");
                var result = await station.ProvisionAsync($"slot {slot}", board, recipe, approval, $"SN-{number:D5}");
                lock (outcomes)
                {
                    outcomes.Add((result, board.FuseProgramCounts()));
                }

                await station.Bus.UnplugAsync($"1-1.{slot}", TestTimeouts.Unexpected);
                await board.DisposeAsync();
            }
        }

        await Task.WhenAll(Enumerable.Range(1, Slots).Select(LaneAsync)).WaitAsync(TimeSpan.FromMinutes(10));
        await _records.Writer.WaitForDeliveryAsync(TestTimeouts.Unexpected);

        var byOutcome = outcomes.GroupBy(o => $"{o.Result.Outcome} {o.Result.Failure}").Select(g => $"{g.Key}: {g.Count()}");
        output.WriteLine($"{units} units, faults {Faults}: {string.Join(", ", byOutcome)}; fuse words burned {outcomes.Sum(o => o.FuseCounts.Count)}");
        Assert.Equal(units, outcomes.Count);
        Assert.All(outcomes, o =>
        {
            Assert.True(o.Result.Outcome is RunOutcome.Passed or RunOutcome.Quarantined, $"{o.Result.SerialNumber}: {o.Result.Outcome} {o.Result.Failure} {o.Result.Reason}");
            Assert.True(o.Result.Outcome == RunOutcome.Passed || !string.IsNullOrWhiteSpace(o.Result.OperatorAction));
            Assert.All(o.FuseCounts.Values, count => Assert.Equal(1, count));
        });
        Assert.True(outcomes.Count(o => o.Result.Outcome == RunOutcome.Passed) > units / 2);
        await using var db = _records.Databases.CreateDbContext();
        Assert.Equal(units, await db.RunStarts.CountAsync(TestTimeouts.Unexpected));
        Assert.Equal(units, await db.RunEnds.CountAsync(TestTimeouts.Unexpected));
        Assert.Equal(units, await db.RunEnds.Select(e => e.RunId).Distinct().CountAsync(TestTimeouts.Unexpected));
        var passedWithImage = await db.ImageWrites.Select(i => i.RunId).Distinct().CountAsync(TestTimeouts.Unexpected);
        Assert.True(passedWithImage >= outcomes.Count(o => o.Result.Outcome == RunOutcome.Passed));
        var ledger = await new LedgerVerifier(_records.Databases).VerifyAsync("fault-matrix", null, TestTimeouts.Unexpected);
        Assert.True(ledger.IsIntact, ledger.FirstBreak?.ToString());
    }

    public async Task DisposeAsync() => await _records.DisposeAsync();
}
