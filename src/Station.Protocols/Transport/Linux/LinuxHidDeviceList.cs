using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Win32.SafeHandles;

namespace Station.Protocols.Transport.Linux;

/// <summary>
/// The USB HID devices of a Linux machine, through hidraw: listed from sysfs, opened as
/// <c>/dev/hidrawN</c>, hot-plug from kernel uevents. HID devices that are not on USB (I2C
/// touchpads, Bluetooth keyboards, uhid) are skipped: they have no USB port path, so no slot can
/// match them.
/// </summary>
/// <remarks>
/// With a sysfs root other than <c>/sys</c> (a fixture tree in tests) hot-plug watches the tree's
/// <c>class/hidraw</c> folder with a <see cref="FileSystemWatcher"/> instead of the netlink socket.
/// If the netlink socket cannot be opened (a locked-down container), it rescans once a second.
/// </remarks>
[SupportedOSPlatform("linux")]
public sealed partial class LinuxHidDeviceList : IHidDeviceList
{
    private const int OpenFlags = LinuxLibc.ORdWr | LinuxLibc.ONonBlock | LinuxLibc.OCloExec;

    // udev sets the node's group and mode a few milliseconds after the kernel announces it.
    private static readonly TimeSpan PermissionGrace = TimeSpan.FromMilliseconds(500);
    private static readonly TimeSpan PermissionRetryInterval = TimeSpan.FromMilliseconds(10);
    private static readonly TimeSpan FallbackRescanInterval = TimeSpan.FromSeconds(1);

    private readonly string _sysfsRoot;
    private readonly LinuxSysfsHidScanner _scanner;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    /// <summary>The machine's devices: sysfs at <c>/sys</c>, nodes in <c>/dev</c>.</summary>
    /// <param name="logger">Receives Trace hex dumps of report traffic and Debug device events; none when null.</param>
    /// <param name="timeProvider">Clock for read/write timeouts; the system clock when null.</param>
    public LinuxHidDeviceList(ILogger? logger = null, TimeProvider? timeProvider = null)
        : this("/sys", "/dev", logger, timeProvider)
    {
    }

    /// <summary>Devices described by the sysfs tree at <paramref name="sysfsRoot"/>, with nodes under <paramref name="devRoot"/>.</summary>
    /// <param name="sysfsRoot">Where sysfs is (<c>/sys</c>, or a fixture tree laid out the same way).</param>
    /// <param name="devRoot">Where the hidraw nodes are (<c>/dev</c>).</param>
    /// <param name="logger">Receives Trace hex dumps of report traffic and Debug device events; none when null.</param>
    /// <param name="timeProvider">Clock for read/write timeouts; the system clock when null.</param>
    public LinuxHidDeviceList(string sysfsRoot, string devRoot, ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(sysfsRoot);
        ArgumentException.ThrowIfNullOrEmpty(devRoot);
        _sysfsRoot = Path.GetFullPath(sysfsRoot);
        _logger = logger ?? NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _scanner = new LinuxSysfsHidScanner(_sysfsRoot, devRoot, _logger);
    }

    private bool IsRealSysfs => _sysfsRoot.TrimEnd('/') == "/sys";

    /// <inheritdoc />
    public IReadOnlyList<HidDeviceInfo> GetDevices() => [.. _scanner.Scan().Select(entry => entry.Info)];

    /// <inheritdoc />
    /// <exception cref="DeviceDisconnectedException">
    /// The node is gone, or it now belongs to another device (hidraw numbers are reused, so after
    /// the ROM re-enumerates as the flashloader, the ROM's old path may name the flashloader).
    /// </exception>
    public async ValueTask<IReportTransport> OpenAsync(HidDeviceInfo device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        var address = device.ToString();
        var handle = await OpenNodeAsync(device.Path, address, cancellationToken);
        try
        {
            // Check identity after opening: what the descriptor is open on is what sysfs shows now.
            var entry = _scanner.TryRead(Path.GetFileName(device.Path));
            if (entry is null || !SameDevice(entry.Info, device))
            {
                throw new DeviceDisconnectedException(
                    address, new IOException($"{device.Path} is now {entry?.Info.ToString() ?? "gone"}, not the device that was listed."));
            }

            // Without a readable descriptor, assume numbered reports (both i.MX RT boot devices use them).
            return new LinuxHidTransport(
                handle, address, entry.Info.MaxInputReportLength, entry.Info.MaxOutputReportLength,
                entry.Descriptor?.UsesReportIds ?? true, _logger, _timeProvider);
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<HidDeviceChange> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // One pending signal is enough: a rescan covers every change before it.
        var signal = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        using var source = StartChangeSource(() => signal.Writer.TryWrite(true));

        // Listen first, then scan: a change between the two causes one extra rescan, never a miss.
        var known = new Dictionary<string, HidDeviceInfo>(StringComparer.Ordinal);
        foreach (var entry in _scanner.Scan())
        {
            known[entry.SysfsPath] = entry.Info;
            Log.DeviceArrived(_logger, entry.Info);
            yield return new HidDeviceChange(HidDeviceChangeKind.Arrived, entry.Info);
        }

        while (true)
        {
            await signal.Reader.ReadAsync(cancellationToken);
            var current = _scanner.Scan().ToDictionary(entry => entry.SysfsPath, entry => entry.Info, StringComparer.Ordinal);

            // Removals first: the ROM leaves before the flashloader arrives on the same port.
            foreach (var (path, info) in known.Where(pair => !current.ContainsKey(pair.Key)).ToList())
            {
                known.Remove(path);
                Log.DeviceRemoved(_logger, info);
                yield return new HidDeviceChange(HidDeviceChangeKind.Removed, info);
            }

            foreach (var (path, info) in current.Where(pair => !known.ContainsKey(pair.Key)).ToList())
            {
                known[path] = info;
                Log.DeviceArrived(_logger, info);
                yield return new HidDeviceChange(HidDeviceChangeKind.Arrived, info);
            }
        }
    }

    private static bool SameDevice(HidDeviceInfo now, HidDeviceInfo listed) =>
        now.VendorId == listed.VendorId && now.ProductId == listed.ProductId
        && now.InterfaceNumber == listed.InterfaceNumber && now.PortPath == listed.PortPath;

    private async ValueTask<SafeFileHandle> OpenNodeAsync(string path, string address, CancellationToken cancellationToken)
    {
        var started = _timeProvider.GetTimestamp();
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var fd = LinuxLibc.Open(path, OpenFlags);
            if (fd >= 0)
            {
                return new SafeFileHandle(fd, ownsHandle: true);
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno is not (LinuxLibc.EAccess or LinuxLibc.EPerm))
            {
                throw LinuxErrno.ToException(errno, address, "Open", TimeSpan.Zero);
            }

            if (_timeProvider.GetElapsedTime(started) >= PermissionGrace)
            {
                throw new DeviceTransportException(
                    address,
                    $"No permission to open {path}: {LinuxLibc.Describe(errno)}. Install a udev rule that gives the station's user "
                    + "access to hidraw nodes of these VID:PIDs (e.g. MODE=\"0660\", GROUP=\"plugdev\").");
            }

            Log.OpenRetried(_logger, path);
            await Task.Delay(PermissionRetryInterval, _timeProvider, cancellationToken);
        }
    }

    private IDisposable StartChangeSource(Action changed)
    {
        if (IsRealSysfs)
        {
            try
            {
                return LinuxUeventListener.Start(static message => message.IsHidrawAddOrRemove, changed, _logger);
            }
            catch (IOException exception)
            {
                Log.HotPlugFallback(_logger, exception.Message, FallbackRescanInterval.TotalMilliseconds);
                return _timeProvider.CreateTimer(_ => changed(), null, FallbackRescanInterval, FallbackRescanInterval);
            }
        }

        if (!Directory.Exists(_scanner.ClassDirectory))
        {
            Log.HotPlugFallback(_logger, $"{_scanner.ClassDirectory} does not exist", FallbackRescanInterval.TotalMilliseconds);
            return _timeProvider.CreateTimer(_ => changed(), null, FallbackRescanInterval, FallbackRescanInterval);
        }

        // A fixture tree: the class links are created last and removed first, as the kernel does.
        var watcher = new FileSystemWatcher(_scanner.ClassDirectory)
        {
            NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName,
            IncludeSubdirectories = false,
        };
        watcher.Created += (_, _) => changed();
        watcher.Deleted += (_, _) => changed();
        watcher.Renamed += (_, _) => changed();
        watcher.Error += (_, _) => changed();
        watcher.EnableRaisingEvents = true;
        Log.WatchingTree(_logger, _scanner.ClassDirectory);
        return watcher;
    }
}
