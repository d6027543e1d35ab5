using System.Runtime.Versioning;
using System.Threading.Channels;
using Microsoft.Extensions.Logging.Abstractions;
using Station.Protocols.MBoot;
using Station.Protocols.Sdp;
using Station.Protocols.Transport;
using Station.Protocols.Transport.Linux;
using Station.Simulator;
using Station.Testing;

namespace Station.Protocols.Tests.Integration;

/// <summary>
/// One simulated board and the host's way to it: over USB HID it sits on port <see cref="Port"/>
/// of a simulated bus and every open is an in-memory report pair; over UART the board serves the
/// master side of a real pseudo-terminal and the host opens the slave with
/// <see cref="SerialPortTransport"/>. The clients are the production ones with their framings.
/// </summary>
[SupportedOSPlatform("linux")]
internal sealed class BoardBench : IAsyncDisposable
{
    public const string Port = "1-1.1";
    public const int BaudRate = 115_200;

    private readonly SimulatedUsbBus? _bus;
    private readonly Channel<HidDeviceChange>? _changes;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task? _watcher;
    private readonly PseudoTerminal? _pty;
    private readonly Task? _serving;
    private readonly List<HidDeviceInfo> _arrived = [];
    private readonly HashSet<string> _gone = new(StringComparer.Ordinal);
    private readonly HashSet<string> _opened = new(StringComparer.Ordinal);
    private readonly List<IAsyncDisposable> _clients = [];

    private BoardBench(Link link, SimulatedBoard board, TimeProvider time, SimulatedUsbBus bus)
    {
        (Link, Board, Time, _bus) = (link, board, time, bus);
        _changes = Channel.CreateUnbounded<HidDeviceChange>();
        _watcher = Task.Run(async () =>
        {
            try
            {
                await foreach (var change in bus.WatchAsync(_stop.Token))
                {
                    await _changes.Writer.WriteAsync(change);
                }
            }
            catch (OperationCanceledException)
            {
                // The bench is being disposed.
            }
        });
    }

    private BoardBench(Link link, SimulatedBoard board, TimeProvider time, PseudoTerminal pty, bool startInRom)
    {
        (Link, Board, Time, _pty) = (link, board, time, pty);
        _serving = board.ServeSerialAsync(pty, startInRom, _stop.Token);
    }

    public Link Link { get; }

    public SimulatedBoard Board { get; }

    /// <summary>The board's clock; over USB also the host transport's (the pair uses it).</summary>
    public TimeProvider Time { get; }

    /// <summary>The USB device the last session opened.</summary>
    public HidDeviceInfo? LastUsbDevice { get; private set; }

    /// <summary>The board's serving task over UART: it ends when the link closes.</summary>
    public Task Serving => _serving ?? throw new InvalidOperationException("Only a UART bench serves a byte stream.");

    /// <summary>A board that comes up running the flashloader (MBoot).</summary>
    public static Task<BoardBench> FlashloaderAsync(Link link, SimulatedBoardOptions? options = null, BoardFamily? family = null) =>
        StartAsync(link, (options ?? new SimulatedBoardOptions()) with { StartInFlashloader = link == Link.Usb }, family, startInRom: false);

    /// <summary>A board in the boot ROM's serial downloader (SDP).</summary>
    public static Task<BoardBench> RomAsync(Link link, SimulatedBoardOptions? options = null, BoardFamily? family = null) =>
        StartAsync(link, (options ?? new SimulatedBoardOptions()) with { StartInFlashloader = false }, family, startInRom: true);

    /// <summary>
    /// Opens an MBoot session on the flashloader: over USB the next 0x15A2 device on the port, or
    /// with <paramref name="sameDevice"/> the device the last session opened (a fresh session on it).
    /// </summary>
    public async Task<MBootClient> OpenMBootAsync(MBootClientOptions? options = null, bool sameDevice = false)
    {
        IMBootFraming framing = Link == Link.Usb
            ? new MBootHidFraming(await OpenUsbAsync(BoardFamily.FlashloaderVendorId, sameDevice), NullLogger<MBootHidFraming>.Instance, Time)
            : new MBootUartFraming(OpenSerial(), NullLogger<MBootUartFraming>.Instance);
        var client = new MBootClient(framing, options ?? new MBootClientOptions(), NullLogger<MBootClient>.Instance);
        _clients.Add(client);
        return client;
    }

    /// <summary>Opens an SDP session on the ROM (over USB: the next 0x1FC9 device on the port).</summary>
    public async Task<SdpClient> OpenSdpAsync(SdpClientOptions? options = null)
    {
        ISdpFraming framing = Link == Link.Usb
            ? new SdpHidFraming(await OpenUsbAsync(BoardFamily.RomVendorId, sameDevice: false))
            : new SdpUartFraming(OpenSerial());
        var client = new SdpClient(framing, options);
        _clients.Add(client);
        return client;
    }

    /// <summary>
    /// Over USB: the next device of <paramref name="vendorId"/> listed on the port that no session
    /// has opened yet (a board re-enumerates with a new device path each time).
    /// </summary>
    public async Task<HidDeviceInfo> WaitForUsbAsync(ushort vendorId)
    {
        var changes = _changes ?? throw new InvalidOperationException("Only a USB bench has devices.");
        using var timeout = new CancellationTokenSource(TestTimeouts.UnexpectedDuration);
        while (true)
        {
            var found = _arrived.Find(d => d.VendorId == vendorId && !_opened.Contains(d.Path) && !_gone.Contains(d.Path));
            if (found is not null)
            {
                Assert.Equal(Port, found.PortPath);
                return found;
            }

            var change = await changes.Reader.ReadAsync(timeout.Token);
            if (change.Kind == HidDeviceChangeKind.Arrived)
            {
                _arrived.Add(change.Device);
            }
            else
            {
                _gone.Add(change.Device.Path);
            }
        }
    }

    /// <summary>Over USB: waits until the device the last session opened has left the bus.</summary>
    public async Task WaitForUsbRemovalAsync(string devicePath)
    {
        var changes = _changes ?? throw new InvalidOperationException("Only a USB bench has devices.");
        using var timeout = new CancellationTokenSource(TestTimeouts.UnexpectedDuration);
        while (!_gone.Contains(devicePath))
        {
            var change = await changes.Reader.ReadAsync(timeout.Token);
            if (change.Kind == HidDeviceChangeKind.Arrived)
            {
                _arrived.Add(change.Device);
            }
            else
            {
                _gone.Add(change.Device.Path);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
        {
            await client.DisposeAsync();
        }

        await _stop.CancelAsync();
        if (_bus is not null)
        {
            await _bus.DisposeAsync();
        }

        if (_watcher is not null)
        {
            await _watcher.WaitAsync(TestTimeouts.UnexpectedDuration);
        }

        if (_serving is not null)
        {
            try
            {
                await _serving.WaitAsync(TestTimeouts.UnexpectedDuration);
            }
            catch (Exception exception) when (exception is OperationCanceledException or DeviceException)
            {
                // Serving ends with the bench.
            }
        }

        if (_pty is not null)
        {
            await _pty.DisposeAsync();
        }

        await Board.DisposeAsync();
        _stop.Dispose();
    }

    private static async Task<BoardBench> StartAsync(Link link, SimulatedBoardOptions options, BoardFamily? family, bool startInRom)
    {
        var board = new SimulatedBoard(family ?? BoardFamily.Rt1064, options);
        if (link == Link.Uart)
        {
            return new BoardBench(link, board, options.TimeProvider, PseudoTerminal.Open(), startInRom);
        }

        var bus = SimulatedUsbBus.WithHub(4);
        var bench = new BoardBench(link, board, options.TimeProvider, bus);
        await bus.PlugAsync(Port, board, TestTimeouts.Unexpected);
        return bench;
    }

    private async Task<IReportTransport> OpenUsbAsync(ushort vendorId, bool sameDevice)
    {
        var device = sameDevice ? LastUsbDevice ?? throw new InvalidOperationException("No device opened yet.") : await WaitForUsbAsync(vendorId);
        _opened.Add(device.Path);
        LastUsbDevice = device;
        return await _bus!.OpenAsync(device, TestTimeouts.Unexpected);
    }

    private SerialPortTransport OpenSerial() => SerialPortTransport.Open(_pty!.SlavePath, BaudRate);
}
