using System.Runtime.Versioning;

namespace Station.Protocols.Transport.Linux;

/// <summary>
/// Switches the power of one USB hub port through sysfs, for hubs that support per-port power
/// switching: the port of device <c>1-4.2</c> is port 2 of hub <c>1-4</c>, controlled by
/// <c>/sys/bus/usb/devices/1-4:1.0/1-4-port2/disable</c>; a root-hub port such as the one of
/// <c>1-4</c> is <c>/sys/bus/usb/devices/1-0:1.0/usb1-port4/disable</c> (Linux 4.20 and later:
/// writing 1 turns the port off, 0 turns it back on).
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class LinuxUsbPortPower(string sysfsRoot = "/sys")
{
    /// <summary>The sysfs file that switches the port a device at <paramref name="portPath"/> is plugged into, or null for a path that is not a USB port path.</summary>
    public string? ControlFile(string portPath)
    {
        var dash = portPath.IndexOf('-', StringComparison.Ordinal);
        if (dash <= 0 || dash == portPath.Length - 1 || portPath.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        var bus = portPath[..dash];
        var lastDot = portPath.LastIndexOf('.');
        var (hubDevice, hubInterface, port) = lastDot < 0
            ? ($"usb{bus}", $"{bus}-0:1.0", portPath[(dash + 1)..])
            : (portPath[..lastDot], $"{portPath[..lastDot]}:1.0", portPath[(lastDot + 1)..]);
        return int.TryParse(port, out _)
            ? Path.Combine(sysfsRoot, "bus", "usb", "devices", hubInterface, $"{hubDevice}-port{port}", "disable")
            : null;
    }

    /// <summary>True when the port exists and its power can be switched.</summary>
    public bool CanSwitch(string portPath) => ControlFile(portPath) is { } file && File.Exists(file);

    /// <summary>Turns the port off for <paramref name="offTime"/>, then on again.</summary>
    /// <exception cref="DeviceTransportException">The port cannot be switched (no such port, no permission, a hub without power switching).</exception>
    public async Task PowerCycleAsync(string portPath, TimeSpan offTime, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        var file = ControlFile(portPath) is { } path && File.Exists(path)
            ? path
            : throw new DeviceTransportException(portPath, $"USB port {portPath} has no power switch in sysfs (its hub may not support per-port power switching).");
        try
        {
            await File.WriteAllTextAsync(file, "1", cancellationToken);
            try
            {
                await Task.Delay(offTime, timeProvider, cancellationToken);
            }
            finally
            {
                await File.WriteAllTextAsync(file, "0", CancellationToken.None);
            }
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new DeviceTransportException(portPath, $"Switching the power of USB port {portPath} failed: {exception.Message}", exception);
        }
    }
}
