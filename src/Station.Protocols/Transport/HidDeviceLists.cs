using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using Station.Protocols.Transport.Linux;
using Station.Protocols.Transport.Windows;

namespace Station.Protocols.Transport;

/// <summary>Picks the OS's HID layer.</summary>
public static class HidDeviceLists
{
    /// <summary>
    /// <see cref="LinuxHidDeviceList"/> (hidraw, sysfs at /sys) on Linux,
    /// <see cref="WindowsHidDeviceList"/> (hid.dll, SetupAPI) on Windows.
    /// </summary>
    /// <param name="logger">Receives Trace hex dumps of report traffic and Debug device events; none when null.</param>
    /// <param name="timeProvider">Clock for timeouts; the system clock when null.</param>
    /// <exception cref="PlatformNotSupportedException">Any other OS.</exception>
    public static IHidDeviceList ForCurrentPlatform(ILogger? logger = null, TimeProvider? timeProvider = null)
    {
        if (OperatingSystem.IsLinux())
        {
            return new LinuxHidDeviceList(logger, timeProvider);
        }

        if (OperatingSystem.IsWindows())
        {
            return new WindowsHidDeviceList(logger, timeProvider);
        }

        throw new PlatformNotSupportedException(
            $"Station's USB HID layer supports Linux (hidraw) and Windows (hid.dll) only, not {RuntimeInformation.OSDescription}. "
            + "Use the simulator's device list on other systems.");
    }
}
