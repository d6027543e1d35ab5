using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Station.Core.Devices;
using Station.Protocols.Transport;
using Station.Simulator;
using Station.Testing;

namespace Station.Core.Runs.Tests;

/// <summary>
/// The device monitor hears of arrivals and removals a little after the bus: a run can start on a
/// board that has just left (the previous board of a slot that was swapped). Found by issue 8's
/// database outage test (boards swapped 100 ms after each run): good boards were quarantined.
/// </summary>
public sealed class StaleBoardTests
{
    [Fact]
    [Trait("Issue", "issue 8: the service outage test quarantined fresh boards (USB communication with the boot ROM kept failing)")]
    public async Task Run_StartsOnARomThatJustLeft_WaitsForTheNextBoardAndPasses()
    {
        LaggingDeviceList? devices = null;
        var failed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var station = new SimulatedStation(1, records: new StepFailureSignal(failed), devices: bus => devices = new LaggingDeviceList(bus));
        var slot = station.Monitor.Slots[0];
        var first = SimulatedStation.Board("leaving board");
        await station.Bus.PlugAsync(slot.PortPath, first, TestTimeouts.Unexpected);
        await station.Monitor.WaitForAsync(slot.Name, BoardMode.Rom, TestTimeouts.UnexpectedDuration, TestTimeouts.Unexpected);

        // The first board is swapped for a second one while the monitor lags: it still lists the first.
        devices!.Hold();
        await station.Bus.UnplugAsync(slot.PortPath, TestTimeouts.Unexpected);
        await first.DisposeAsync();
        await using var second = SimulatedStation.Board("arriving board");
        await station.Bus.PlugAsync(slot.PortPath, second, TestTimeouts.Unexpected);
        var run = station.Engine.TryStart(new RunRequest(slot.Name, SimulatedStation.SampleRecipe(), "SN-STALE", "test", new FuseBurnApproval("STALE", "engineer")))!;

        // The run tries the board that left, fails, and must wait for the next arrival instead of
        // retrying the gone device until it gives up.
        await failed.Task.WaitAsync(TestTimeouts.Unexpected);
        devices.Release();
        var result = await run.Completion.WaitAsync(TestTimeouts.Unexpected);

        Assert.True(result.Outcome == RunOutcome.Passed, $"{result.Outcome} at {result.FailedStep}: {result.Reason}");
        Assert.Equal(1, second.FuseProgramCounts()[0x06]);
        var load = station.EventsOf<StepEnded>(run.RunId).Where(e => e.Step == RunStep.LoadFlashloader).ToList();
        Assert.False(load[0].Succeeded);
        Assert.True(load[^1].Succeeded);
    }

    /// <summary>Forwards the bus's hot-plug events to the monitor, except while held (a machine too busy to keep up).</summary>
    private sealed class LaggingDeviceList(SimulatedUsbBus bus) : IHidDeviceList
    {
        private volatile TaskCompletionSource _gate = Open();

        public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _gate.TrySetResult();

        public IReadOnlyList<HidDeviceInfo> GetDevices() => bus.GetDevices();

        public ValueTask<IReportTransport> OpenAsync(HidDeviceInfo device, CancellationToken cancellationToken) => bus.OpenAsync(device, cancellationToken);

        public async IAsyncEnumerable<HidDeviceChange> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
        {
            var changes = Channel.CreateUnbounded<HidDeviceChange>();
            var pump = Task.Run(async () =>
            {
                await foreach (var change in bus.WatchAsync(cancellationToken))
                {
                    await _gate.Task.WaitAsync(cancellationToken);
                    await changes.Writer.WriteAsync(change, cancellationToken);
                }
            }, cancellationToken);
            while (await changes.Reader.WaitToReadAsync(cancellationToken))
            {
                while (changes.Reader.TryRead(out var change))
                {
                    yield return change;
                }
            }

            await pump;
        }

        private static TaskCompletionSource Open()
        {
            var open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            open.TrySetResult();
            return open;
        }
    }

    /// <summary>Signals the first failed step attempt.</summary>
    private sealed class StepFailureSignal(TaskCompletionSource failed) : IRunEvents
    {
        public void Publish(RunEvent runEvent)
        {
            if (runEvent is StepEnded { Succeeded: false })
            {
                failed.TrySetResult();
            }
        }

        public ValueTask PublishDurablyAsync(RunEvent runEvent, CancellationToken cancellationToken)
        {
            Publish(runEvent);
            return ValueTask.CompletedTask;
        }
    }
}
