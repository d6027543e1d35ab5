using System.Buffers.Binary;
using Station.Simulator.Faults;
using Station.Simulator.MBoot;
using Station.Simulator.Memory;
using Station.Simulator.Sdp;
using Station.Simulator.Timing;
using Station.Simulator.Usb;

namespace Station.Simulator;

/// <summary>
/// One simulated i.MX RT10xx board: boot ROM (SDP), RAM flashloader (MBoot), FlexSPI NOR, eFuses,
/// a timing model and fault injection. Plug it into a <see cref="SimulatedUsbBus"/> (it then
/// appears, re-enumerates and disappears like the real board on its port), or serve it over a
/// byte stream with <see cref="ServeSerialAsync(Station.Protocols.Transport.IByteTransport, CancellationToken)"/>.
/// Flash and fuses survive resets and unplugging; RAM and the flashloader do not.
/// </summary>
public sealed partial class SimulatedBoard : IAsyncDisposable
{
    private static int _boardCounter;

    private readonly Lock _lock = new();
    private readonly SimulatedBoardOptions _options;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly List<Task> _background = [];
    private BoardState _state = BoardState.Off;
    private int _generation;
    private bool _poweredBefore;
    private FlashloaderState? _flashloader;
    private RomState? _rom;
    private LoadedImage? _nextImage;

    /// <summary>Builds a board of <paramref name="family"/>; it is off until plugged in or served.</summary>
    public SimulatedBoard(BoardFamily family, SimulatedBoardOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(family);
        _options = options ?? new SimulatedBoardOptions();
        Family = family;
        Name = _options.Name ?? $"{family.Name.ToLowerInvariant()}-{Interlocked.Increment(ref _boardCounter)}";
        UniqueId = _options.UniqueId ?? DeriveUniqueId(Name);
        Pacer = new DevicePacer(_options.TimeProvider, _options.Timing.ScaleFactor);
        Faults = new FaultInjector(_options.Faults, Name);
        Faults.Injected += fault => FaultInjected?.Invoke(this, fault);
        Hardware = new BoardHardware(family, UniqueId, _options.Fuses, _options.FuseFile);
    }

    /// <summary>Raised (on the simulator's thread) whenever a fault is injected.</summary>
    public event EventHandler<InjectedFault>? FaultInjected;

    public string Name { get; }

    public BoardFamily Family { get; }

    public HabState Hab => _options.Hab;

    /// <summary>The chip unique ID: OCOTP CFG0 (low word) and CFG1 (high word).</summary>
    public ulong UniqueId { get; }

    public SimulatorTiming Timing => _options.Timing;

    /// <summary>What the board is running now.</summary>
    public BoardState State
    {
        get
        {
            lock (_lock)
            {
                return _state;
            }
        }
    }

    /// <summary>The RAM image the running flashloader reserves, or null when none runs.</summary>
    public LoadedImage? Flashloader
    {
        get
        {
            lock (_lock)
            {
                return _flashloader?.Memory.Reserved;
            }
        }
    }

    /// <summary>Device-bound time so far, as the timing model predicts it (unscaled).</summary>
    public DeviceTime DeviceTime => Pacer.Snapshot();

    /// <summary>Every fault injected so far, in order.</summary>
    public IReadOnlyList<InjectedFault> InjectedFaults => Faults.History;

    internal DevicePacer Pacer { get; }

    internal FaultInjector Faults { get; }

    internal BoardHardware Hardware { get; }

    /// <summary>Reads the NOR array by AMBA address (e.g. 0x70000000 on RT1064), bypassing the flashloader.</summary>
    public byte[] ReadFlash(uint address, int length) => Hardware.Flash.Read(address - Family.FlexSpiBase, length);

    /// <summary>Reads RAM as it is now.</summary>
    public byte[] ReadRam(uint address, int length)
    {
        var bytes = new byte[length];
        return Hardware.TryReadRam(address, bytes)
            ? bytes
            : throw new ArgumentOutOfRangeException(nameof(address), $"0x{address:X8} + {length} is not RAM on {Family.Name}.");
    }

    /// <summary>Reads one eFuse word.</summary>
    public uint ReadFuse(int index) => Hardware.Fuses.Read(index);

    /// <summary>True when the given eFuse word is locked.</summary>
    public bool IsFuseLocked(int index) => Hardware.Fuses.IsLocked(index);

    public async ValueTask DisposeAsync()
    {
        List<UsbSession> stop;
        lock (_lock)
        {
            stop = PowerOffLocked();
        }

        await StopAllAsync(stop);
        await _lifetime.CancelAsync();
        Task[] pending;
        lock (_lock)
        {
            pending = [.. _background];
        }

        try
        {
            await Task.WhenAll(pending);
        }
        catch (Exception exception) when (exception is OperationCanceledException or Protocols.DeviceException)
        {
            // Work cut short by the disposal itself.
        }

        _lifetime.Dispose();
    }

    private static ulong DeriveUniqueId(string name)
    {
        // FNV-1a, 64 bit: stable across processes, unlike string.GetHashCode.
        var hash = 14695981039346656037ul;
        foreach (var c in name)
        {
            hash = (hash ^ c) * 1099511628211ul;
        }

        return hash;
    }

    /// <summary>What the ROM boots into now (lock held).</summary>
    private BoardState BootTargetLocked()
    {
        if (!_poweredBefore && _options.StartInFlashloader)
        {
            return BoardState.Flashloader;
        }

        return _options.BootSource == BootSource.InternalBoot && HasBootableFlash() ? BoardState.Application : BoardState.Rom;
    }

    private bool HasBootableFlash()
    {
        // RT10xx FlexSPI NOR boot: FCB at offset 0, IVT at 0x1000 (PROTOCOLS 6.2).
        var fcb = Hardware.Flash.Read(0, sizeof(uint));
        var ivt = Hardware.Flash.Read(0x1000, ImageVectorTable.Length);
        return BinaryPrimitives.ReadUInt32LittleEndian(fcb) == FlexSpiConfigBlock.Tag && ImageVectorTable.TryDecode(ivt, out _);
    }

    /// <summary>Reset, watchdog or power loss: what was loaded into RAM is gone (lock held).</summary>
    private void ForgetVolatileLocked()
    {
        _flashloader = null;
        _rom = null;
        _nextImage = null;
        Hardware.ClearRam();
    }

    /// <summary>Switches to <paramref name="state"/> and creates what it runs (lock held).</summary>
    private void EnterLocked(BoardState state)
    {
        _state = state;
        _poweredBefore = true;
        switch (state)
        {
            case BoardState.Rom:
                _flashloader = null;
                _rom = new RomState(Hardware, Pacer, Faults, Hab);
                break;
            case BoardState.Flashloader:
                _rom = null;
                _flashloader ??= new FlashloaderState(Hardware, Pacer, Faults, Timing, Hab, _nextImage ?? Family.DefaultFlashloader);
                _nextImage = null;
                break;
            case BoardState.Application:
                _flashloader = null;
                _rom = null;
                break;
        }

        AnnounceLocked();
    }

    private void Track(Task task)
    {
        lock (_lock)
        {
            _background.RemoveAll(t => t.IsCompleted);
            _background.Add(task);
        }
    }
}
