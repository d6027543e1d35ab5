using System.Threading.Channels;
using Station.Protocols.Transport;

namespace Station.Simulator.Tests.Support;

/// <summary>A bus with boards on ports and a watcher that records every change.</summary>
internal sealed class UsbRig : IAsyncDisposable
{
    private readonly CancellationTokenSource _watching = new();
    private readonly Channel<HidDeviceChange> _changes = Channel.CreateUnbounded<HidDeviceChange>();
    private readonly Task _watcher;
    private readonly List<SimulatedBoard> _boards = [];

    public UsbRig(SimulatedUsbBus? bus = null)
    {
        Bus = bus ?? SimulatedUsbBus.WithHub();
        _watcher = Task.Run(async () =>
        {
            try
            {
                await foreach (var change in Bus.WatchAsync(_watching.Token))
                {
                    await _changes.Writer.WriteAsync(change);
                }
            }
            catch (OperationCanceledException)
            {
            }
        });
    }

    public SimulatedUsbBus Bus { get; }

    public static async Task<(UsbRig Rig, SimulatedBoard Board, RawHid Host)> StartAsync(
        BoardFamily family, SimulatedBoardOptions? options = null, string port = "1-1.1")
    {
        var rig = new UsbRig();
        var board = new SimulatedBoard(family, options);
        await rig.PlugAsync(port, board);
        var device = await rig.NextAsync(HidDeviceChangeKind.Arrived);
        var host = new RawHid(await rig.Bus.OpenAsync(device, TestTimeouts.Unexpected));
        return (rig, board, host);
    }

    /// <summary>Plugs a board in; the rig disposes it at the end.</summary>
    public async Task PlugAsync(string port, SimulatedBoard board)
    {
        _boards.Add(board);
        await Bus.PlugAsync(port, board, TestTimeouts.Unexpected);
    }

    /// <summary>The next change, checking it is of <paramref name="kind"/>.</summary>
    public async Task<HidDeviceInfo> NextAsync(HidDeviceChangeKind kind)
    {
        var change = await NextChangeAsync();
        Assert.Equal(kind, change.Kind);
        return change.Device;
    }

    /// <summary>The next change, whatever it is.</summary>
    public async Task<HidDeviceChange> NextChangeAsync() => await _changes.Reader.ReadAsync(TestTimeouts.Unexpected);

    /// <summary>True when no change is waiting right now.</summary>
    public bool IsQuiet => !_changes.Reader.TryPeek(out _);

    public async ValueTask DisposeAsync()
    {
        await Bus.DisposeAsync();
        await _watching.CancelAsync();
        await _watcher;
        _watching.Dispose();
        foreach (var board in _boards)
        {
            await board.DisposeAsync();
        }
    }
}
