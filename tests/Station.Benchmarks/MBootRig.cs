using Microsoft.Extensions.Logging.Abstractions;
using Station.Benchmarks.Sinks;
using Station.Protocols.MBoot;
using Station.Protocols.Transport;
using Station.Protocols.Transport.Linux;
using Station.Simulator;

namespace Station.Benchmarks;

/// <summary>An MBoot client wired to one kind of device, and everything to tear down afterwards.</summary>
internal sealed class MBootRig : IAsyncDisposable
{
    private readonly List<Func<ValueTask>> _cleanup = [];
    private readonly CancellationTokenSource _stop = new();

    private MBootRig()
    {
    }

    public MBootClient Client { get; private set; } = null!;

    /// <summary>CPU of a device that runs on its own measured thread (else zero): subtracted from the process's.</summary>
    public Func<TimeSpan> DeviceCpu { get; private set; } = static () => TimeSpan.Zero;

    /// <summary>RAM on the simulated RT1064 (OCRAM, 1 MiB); the sinks ignore it.</summary>
    public const uint Address = 0x2020_0000;

    public static Task<MBootRig> HidLoopbackAsync()
    {
        var rig = new MBootRig();
        rig.Client = Hid(new LoopbackReportTransport(new HidSinkDevice()));
        return Task.FromResult(rig);
    }

    public static Task<MBootRig> HidSinkPairAsync()
    {
        var rig = new MBootRig();
        var (host, device) = InMemoryReportTransport.CreatePair("pair-hid", HidSinkDevice.ReportLength, HidSinkDevice.ReportLength);
        rig.Track(Task.Run(() => SinkLoops.ServeHidAsync(device, rig._stop.Token)));
        rig.Client = Hid(host);
        return Task.FromResult(rig);
    }

    public static async Task<MBootRig> HidSimulatorAsync()
    {
        var rig = new MBootRig();
        var board = new SimulatedBoard(BoardFamily.Rt1064, new SimulatedBoardOptions { Name = "bench", StartInFlashloader = true, Timing = SimulatorTiming.Instant });
        var bus = new SimulatedUsbBus();
        rig._cleanup.Add(board.DisposeAsync);
        rig._cleanup.Add(bus.DisposeAsync);
        await bus.PlugAsync("1-1", board, CancellationToken.None);
        var device = bus.GetDevices().Single();
        rig.Client = Hid(await bus.OpenAsync(device, CancellationToken.None));
        return rig;
    }

    public static Task<MBootRig> UartLoopbackAsync()
    {
        var rig = new MBootRig();
        rig.Client = Uart(new LoopbackByteTransport(new UartSinkDevice()));
        return Task.FromResult(rig);
    }

    public static Task<MBootRig> UartSinkPairAsync()
    {
        var rig = new MBootRig();
        var (host, device) = InMemoryByteTransport.CreatePair("pair-uart");
        rig.Track(Task.Run(() => SinkLoops.ServeUartAsync(device, rig._stop.Token)));
        rig.Client = Uart(host);
        return Task.FromResult(rig);
    }

    public static Task<MBootRig> UartSimulatorPairAsync()
    {
        var rig = new MBootRig();
        var (host, device) = InMemoryByteTransport.CreatePair("pair-uart");
        rig.ServeSimulator(device);
        rig.Client = Uart(host);
        return Task.FromResult(rig);
    }

    public static Task<MBootRig> UartSinkPtyAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Pseudo-terminals need Linux.");
        }

        var rig = new MBootRig();
        var pty = PseudoTerminal.Open();
        rig._cleanup.Add(pty.DisposeAsync);
        rig.Track(Task.Run(() => SinkLoops.ServeUartAsync(pty, rig._stop.Token)));
        rig.Client = Uart(SerialPortTransport.Open(pty.SlavePath, 115_200));
        return Task.FromResult(rig);
    }

    public static Task<MBootRig> UartHostOnlyPtyAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Pseudo-terminals need Linux.");
        }

        var rig = new MBootRig();
        var sink = BlockingPtySink.Open();
        rig._cleanup.Add(() =>
        {
            sink.Dispose();
            return ValueTask.CompletedTask;
        });
        rig.DeviceCpu = () => sink.DeviceCpu;
        rig.Client = Uart(SerialPortTransport.Open(sink.SlavePath, 115_200));
        return Task.FromResult(rig);
    }

    public static Task<MBootRig> UartSimulatorPtyAsync()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Pseudo-terminals need Linux.");
        }

        var rig = new MBootRig();
        var pty = PseudoTerminal.Open();
        rig._cleanup.Add(pty.DisposeAsync);
        rig.ServeSimulator(pty);
        rig.Client = Uart(SerialPortTransport.Open(pty.SlavePath, 115_200));
        return Task.FromResult(rig);
    }

    public async ValueTask DisposeAsync()
    {
        await Client.DisposeAsync();
        await _stop.CancelAsync();
        for (var i = _cleanup.Count - 1; i >= 0; i--)
        {
            await _cleanup[i]();
        }

        _stop.Dispose();
    }

    private static MBootClient Hid(IReportTransport transport) =>
        new(new MBootHidFraming(transport, NullLogger<MBootHidFraming>.Instance), new MBootClientOptions(), NullLogger<MBootClient>.Instance);

    private static MBootClient Uart(IByteTransport transport) =>
        new(new MBootUartFraming(transport, NullLogger<MBootUartFraming>.Instance), new MBootClientOptions(), NullLogger<MBootClient>.Instance);

    private void ServeSimulator(IByteTransport device)
    {
        var board = new SimulatedBoard(BoardFamily.Rt1064, new SimulatedBoardOptions { Name = "bench", Timing = SimulatorTiming.Instant });
        var serving = board.ServeSerialAsync(device, startInRom: false, _stop.Token);
        Track(serving);
        _cleanup.Add(board.DisposeAsync);
    }

    private void Track(Task task) => _cleanup.Add(async () =>
    {
        try
        {
            await task;
        }
        catch (Exception exception) when (exception is OperationCanceledException or Protocols.DeviceException)
        {
            // Ended by the benchmark.
        }
    });
}
