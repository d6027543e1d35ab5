using System.Globalization;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Station.Protocols.Transport;
using Station.Simulator.Usb;

namespace Station.Simulator;

/// <summary>
/// A USB bus of simulated boards that a station uses like the OS HID list: each board sits on a
/// named port path (<c>1-1.1</c> …), shows up as its ROM (0x1FC9:family PID, reports 65 in / 1025
/// out) or flashloader (0x15A2:0x0073, 1016 both) device, and re-enumerates on the same port path
/// when it jumps, resets or glitches. <see cref="OpenAsync"/> gives the host end of an in-memory
/// report pair that the board serves; every open gets a fresh device path per enumeration, so a
/// stale <see cref="HidDeviceInfo"/> cannot open the board's next incarnation.
/// </summary>
public sealed class SimulatedUsbBus : IHidDeviceList, IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, Port> _ports = new(StringComparer.Ordinal);
    private readonly HashSet<string>? _allowedPorts;
    private readonly List<Channel<HidDeviceChange>> _watchers = [];
    private int _devicePaths;

    /// <summary>A bus; when <paramref name="portPaths"/> is given, boards may only be plugged into those ports.</summary>
    public SimulatedUsbBus(IEnumerable<string>? portPaths = null)
    {
        _allowedPorts = portPaths is null ? null : new HashSet<string>(portPaths, StringComparer.Ordinal);
    }

    /// <summary>A bus with one hub of <paramref name="portCount"/> ports: <c>{hub}.1</c> … <c>{hub}.{portCount}</c>.</summary>
    public static SimulatedUsbBus WithHub(int portCount = 16, string hub = "1-1") => new(HubPorts(portCount, hub));

    /// <summary>The port paths of a hub: <c>1-1.1</c> … <c>1-1.16</c>.</summary>
    public static IReadOnlyList<string> HubPorts(int portCount = 16, string hub = "1-1") =>
        [.. Enumerable.Range(1, portCount).Select(i => string.Create(CultureInfo.InvariantCulture, $"{hub}.{i}"))];

    /// <summary>The ports boards may use (null = any).</summary>
    public IReadOnlySet<string>? AllowedPorts => _allowedPorts;

    /// <summary>The board on <paramref name="portPath"/>, if any.</summary>
    public SimulatedBoard? BoardAt(string portPath)
    {
        lock (_lock)
        {
            return _ports.TryGetValue(portPath, out var port) ? port.Board : null;
        }
    }

    /// <summary>Plugs <paramref name="board"/> into <paramref name="portPath"/>: it powers on and, after its boot gap, arrives.</summary>
    public async ValueTask PlugAsync(string portPath, SimulatedBoard board, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(board);
        cancellationToken.ThrowIfCancellationRequested();
        Port port;
        lock (_lock)
        {
            if (_allowedPorts is not null && !_allowedPorts.Contains(portPath))
            {
                throw new ArgumentException($"No port '{portPath}' on this bus.", nameof(portPath));
            }

            if (_ports.ContainsKey(portPath))
            {
                throw new InvalidOperationException($"Port {portPath} already has a board.");
            }

            if (_ports.Values.Any(p => ReferenceEquals(p.Board, board)))
            {
                throw new InvalidOperationException($"Board {board.Name} is already plugged in.");
            }

            port = new Port(this, portPath, board);
            _ports[portPath] = port;
        }

        try
        {
            await board.PlugInAsync(port);
        }
        catch
        {
            lock (_lock)
            {
                _ports.Remove(portPath);
            }

            throw;
        }
    }

    /// <summary>Pulls the board out of <paramref name="portPath"/> (it loses power); returns it, or null if the port was empty.</summary>
    public async ValueTask<SimulatedBoard?> UnplugAsync(string portPath, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Port? port;
        lock (_lock)
        {
            if (_ports.Remove(portPath, out port) is false)
            {
                return null;
            }
        }

        await port.Board.UnplugAsync();
        return port.Board;
    }

    /// <inheritdoc />
    public IReadOnlyList<HidDeviceInfo> GetDevices()
    {
        lock (_lock)
        {
            return [.. _ports.Values.Select(p => p.Device).OfType<HidDeviceInfo>().OrderBy(d => d.PortPath, StringComparer.Ordinal)];
        }
    }

    /// <inheritdoc />
    public ValueTask<IReportTransport> OpenAsync(HidDeviceInfo device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        cancellationToken.ThrowIfCancellationRequested();
        SimulatedBoard board;
        lock (_lock)
        {
            if (!_ports.TryGetValue(device.PortPath, out var port))
            {
                throw new DeviceDisconnectedException(device.Path);
            }

            board = port.Board;
        }

        return board.OpenUsbAsync(device);
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<HidDeviceChange> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var channel = Channel.CreateUnbounded<HidDeviceChange>(new UnboundedChannelOptions { SingleReader = true });
        lock (_lock)
        {
            foreach (var device in _ports.Values.Select(p => p.Device).OfType<HidDeviceInfo>())
            {
                channel.Writer.TryWrite(new HidDeviceChange(HidDeviceChangeKind.Arrived, device));
            }

            _watchers.Add(channel);
        }

        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken))
            {
                while (channel.Reader.TryRead(out var change))
                {
                    yield return change;
                }
            }
        }
        finally
        {
            lock (_lock)
            {
                _watchers.Remove(channel);
            }
        }
    }

    /// <summary>Unplugs every board and ends every watch.</summary>
    public async ValueTask DisposeAsync()
    {
        string[] occupied;
        lock (_lock)
        {
            occupied = [.. _ports.Keys];
        }

        foreach (var portPath in occupied)
        {
            await UnplugAsync(portPath, CancellationToken.None);
        }

        lock (_lock)
        {
            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryComplete();
            }
        }
    }

    private void Publish(Port port, HidDeviceChangeKind kind, HidDeviceInfo device)
    {
        lock (_lock)
        {
            if (kind == HidDeviceChangeKind.Arrived)
            {
                port.Device = device;
            }
            else if (ReferenceEquals(port.Device, device))
            {
                port.Device = null;
            }

            foreach (var watcher in _watchers)
            {
                watcher.Writer.TryWrite(new HidDeviceChange(kind, device));
            }
        }
    }

    private string NextDevicePath(string portPath)
    {
        var n = Interlocked.Increment(ref _devicePaths);
        return string.Create(CultureInfo.InvariantCulture, $"sim:{portPath}#{n}");
    }

    /// <summary>One occupied port. The board calls it under the board's lock; it only takes the bus lock (order: board, then bus).</summary>
    private sealed class Port(SimulatedUsbBus bus, string portPath, SimulatedBoard board) : IUsbPort
    {
        public SimulatedBoard Board { get; } = board;

        public string PortPath { get; } = portPath;

        public HidDeviceInfo? Device { get; set; }

        public string NextDevicePath() => bus.NextDevicePath(PortPath);

        public void Arrived(HidDeviceInfo device) => bus.Publish(this, HidDeviceChangeKind.Arrived, device);

        public void Removed(HidDeviceInfo device) => bus.Publish(this, HidDeviceChangeKind.Removed, device);
    }
}
