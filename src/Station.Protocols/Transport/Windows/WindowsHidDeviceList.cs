using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Station.Protocols.Transport.Windows;

/// <summary>
/// The USB HID devices of a Windows machine: device interfaces of the HID class from SetupAPI,
/// identity and report lengths from hid.dll, the physical port from the parent USB device's
/// location path (cfgmgr32). HID devices not on USB (Bluetooth, I2C) are skipped, as on Linux.
/// Hot-plug rescans every 250 ms and diffs by interface path.
/// </summary>
[SupportedOSPlatform("windows")]
public sealed partial class WindowsHidDeviceList : IHidDeviceList
{
    private static readonly TimeSpan RescanInterval = TimeSpan.FromMilliseconds(250);

    // A HID collection's parents: the USB interface (composite devices), then the USB device.
    private const int MaxParentHops = 3;

    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;

    /// <summary>The machine's HID devices.</summary>
    /// <param name="logger">Receives Trace hex dumps of report traffic and Debug device events; none when null.</param>
    /// <param name="timeProvider">Clock for timeouts and the hot-plug rescan; the system clock when null.</param>
    public WindowsHidDeviceList(ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        _logger = logger ?? NullLogger.Instance;
        _timeProvider = timeProvider ?? TimeProvider.System;
    }

    /// <inheritdoc />
    public IReadOnlyList<HidDeviceInfo> GetDevices()
    {
        var devices = new List<HidDeviceInfo>();
        WindowsHidApi.HidD_GetHidGuid(out var hidGuid);
        nint set;
        unsafe
        {
            set = WindowsSetupApi.SetupDiGetClassDevs(hidGuid, null, 0, WindowsSetupApi.DigcfPresent | WindowsSetupApi.DigcfDeviceInterface);
        }

        if (set == -1)
        {
            var error = Marshal.GetLastPInvokeError();
            throw new IOException($"SetupDiGetClassDevs failed: Win32 error {error} ({Marshal.GetPInvokeErrorMessage(error)}).");
        }

        try
        {
            for (uint index = 0; ; index++)
            {
                var interfaceData = new SpDeviceInterfaceData { CbSize = (uint)Marshal.SizeOf<SpDeviceInterfaceData>() };
                if (!WindowsSetupApi.SetupDiEnumDeviceInterfaces(set, 0, hidGuid, index, ref interfaceData))
                {
                    break; // ERROR_NO_MORE_ITEMS, or the list cannot be read further
                }

                if (TryGetInterfacePath(set, ref interfaceData, out var path, out var devInst) && TryDescribe(path, devInst) is { } device)
                {
                    devices.Add(device);
                }
            }
        }
        finally
        {
            WindowsSetupApi.SetupDiDestroyDeviceInfoList(set);
        }

        return devices;
    }

    /// <inheritdoc />
    public ValueTask<IReportTransport> OpenAsync(HidDeviceInfo device, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(device);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult<IReportTransport>(WindowsHidTransport.Open(device, _logger, _timeProvider));
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<HidDeviceChange> WatchAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var known = new Dictionary<string, HidDeviceInfo>(StringComparer.OrdinalIgnoreCase);
        foreach (var device in GetDevices())
        {
            known[device.Path] = device;
            Log.DeviceArrived(_logger, device);
            yield return new HidDeviceChange(HidDeviceChangeKind.Arrived, device);
        }

        while (true)
        {
            await Task.Delay(RescanInterval, _timeProvider, cancellationToken);
            var current = GetDevices().ToDictionary(device => device.Path, StringComparer.OrdinalIgnoreCase);
            foreach (var (path, device) in known.Where(pair => !current.ContainsKey(pair.Key)).ToList())
            {
                known.Remove(path);
                Log.DeviceRemoved(_logger, device);
                yield return new HidDeviceChange(HidDeviceChangeKind.Removed, device);
            }

            foreach (var (path, device) in current.Where(pair => !known.ContainsKey(pair.Key)).ToList())
            {
                known[path] = device;
                Log.DeviceArrived(_logger, device);
                yield return new HidDeviceChange(HidDeviceChangeKind.Arrived, device);
            }
        }
    }

    private static unsafe bool TryGetInterfacePath(nint set, ref SpDeviceInterfaceData interfaceData, out string path, out uint devInst)
    {
        (path, devInst) = (string.Empty, 0);
        var infoData = new SpDevinfoData { CbSize = (uint)Marshal.SizeOf<SpDevinfoData>() };
        WindowsSetupApi.SetupDiGetDeviceInterfaceDetail(set, ref interfaceData, null, 0, out var required, ref infoData);
        if (required < 6)
        {
            return false;
        }

        var buffer = new byte[required];
        fixed (byte* detail = buffer)
        {
            // SP_DEVICE_INTERFACE_DETAIL_DATA_W: DWORD cbSize, then WCHAR DevicePath[]. cbSize is
            // the fixed part as the compiler lays it out: 8 on 64-bit, 6 on 32-bit.
            *(uint*)detail = IntPtr.Size == 8 ? 8u : 6u;
            if (!WindowsSetupApi.SetupDiGetDeviceInterfaceDetail(set, ref interfaceData, detail, required, out _, ref infoData))
            {
                return false;
            }

            path = new string((char*)(detail + sizeof(uint)));
        }

        devInst = infoData.DevInst;
        return true;
    }

    private HidDeviceInfo? TryDescribe(string path, uint devInst)
    {
        if (WindowsHidDevicePath.TryParse(path) is not { } parsed)
        {
            Log.DeviceSkipped(_logger, path, "no USB VID/PID in the path");
            return null;
        }

        var portPath = FindPortPath(devInst);
        if (portPath is null)
        {
            Log.DeviceSkipped(_logger, path, "not a USB device");
            return null;
        }

        // Access 0: attributes and strings only, so devices the system holds open (keyboards) work too.
        using var handle = WindowsKernel32.CreateFile(
            path, 0, WindowsKernel32.FileShareRead | WindowsKernel32.FileShareWrite, 0, WindowsKernel32.OpenExisting, 0, 0);
        if (handle.IsInvalid)
        {
            var error = Marshal.GetLastPInvokeError();
            Log.DeviceNotOpened(_logger, path, error);
            return null;
        }

        var attributes = new HiddAttributes { Size = (uint)Marshal.SizeOf<HiddAttributes>() };
        var (vendorId, productId) = WindowsHidApi.HidD_GetAttributes(handle, ref attributes)
            ? (attributes.VendorId, attributes.ProductId)
            : (parsed.VendorId, parsed.ProductId);
        var caps = WindowsHidApi.GetCaps(handle);

        // Windows names no MI_ for a single-interface device; that interface is number 0.
        return new HidDeviceInfo(
            Path: path,
            VendorId: vendorId,
            ProductId: productId,
            InterfaceNumber: Math.Max(parsed.InterfaceNumber, 0),
            SerialNumber: WindowsHidApi.GetString(handle, serialNumber: true),
            ProductName: WindowsHidApi.GetString(handle, serialNumber: false),
            PortPath: portPath,
            MaxInputReportLength: caps?.InputReportByteLength ?? 0,
            MaxOutputReportLength: caps?.OutputReportByteLength ?? 0);
    }

    private static string? FindPortPath(uint devInst)
    {
        var node = devInst;
        for (var hop = 0; hop < MaxParentHops; hop++)
        {
            if (WindowsSetupApi.CM_Get_Parent(out node, node, 0) != WindowsSetupApi.CrSuccess)
            {
                return null;
            }

            if (WindowsLocationPath.ToPortPath(WindowsSetupApi.GetLocationPaths(node)) is { } portPath)
            {
                return portPath;
            }
        }

        return null;
    }
}
