using System.CommandLine;
using System.Globalization;
using Station.Protocols.Transport;

namespace Station.Cli.Commands;

/// <summary><c>station devices</c>: the USB HID devices present, with the port paths slots are named by.</summary>
internal static class DevicesCommand
{
    public static Command Create()
    {
        var command = new Command("devices", "List USB HID devices with their physical port paths (what slots are configured by).");
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            IReadOnlyList<HidDeviceInfo> devices;
            try
            {
                devices = HidDeviceLists.ForCurrentPlatform().GetDevices();
            }
            catch (PlatformNotSupportedException exception)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"error: {exception.Message}");
                return ExitCodes.NoDevice;
            }

            foreach (var device in devices.OrderBy(d => d.PortPath, StringComparer.Ordinal))
            {
                var role = (device.VendorId, device.ProductId) switch
                {
                    (0x15A2, 0x0073) => "i.MX RT flashloader (MBoot)",
                    (0x1FC9, 0x0135 or 0x0130 or 0x0145 or 0x013D) => "i.MX RT boot ROM (SDP)",
                    _ => device.ProductName ?? string.Empty,
                };
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{device.PortPath,-16} {device.VendorId:X4}:{device.ProductId:X4}  {device.Path,-16} {role}"));
            }

            if (devices.Count == 0)
            {
                await output.WriteLineAsync("No USB HID devices found.");
            }

            return ExitCodes.Success;
        });
        return command;
    }
}
