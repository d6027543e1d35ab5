using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Station.Protocols.MBoot;
using Station.Protocols.Sdp;
using Station.Protocols.Transport;

namespace Station.Cli.Commands;

/// <summary>
/// How <c>station sdp</c> and <c>station mboot</c> reach a board, with blhost's and sdphost's
/// options: <c>--usb VID:PID</c> (blhost's <c>-u vid,pid</c> form works too), <c>--usb-path</c> (a
/// physical port path such as <c>1-4.2</c>, or an OS device path such as <c>/dev/hidraw3</c>), or
/// <c>--uart PORT[,BAUD]</c> (blhost's <c>-p</c>).
/// </summary>
internal sealed class DeviceConnection
{
    private const int DefaultBaudRate = 115200;

    public Option<string?> Usb { get; } = new("--usb", "-u")
    {
        Description = "USB HID device by VID:PID (hex), e.g. 0x15A2:0x0073 or 15a2,0073.",
        Recursive = true,
    };

    public Option<string?> UsbPath { get; } = new("--usb-path")
    {
        Description = "USB HID device by physical port path (e.g. 1-4.2) or device path (e.g. /dev/hidraw3).",
        Recursive = true,
    };

    public Option<string?> Uart { get; } = new("--uart", "-p")
    {
        Description = "Serial port and optional baud rate, e.g. /dev/ttyUSB0,115200 or COM3 (default 115200).",
        Recursive = true,
    };

    public Option<bool> Json { get; } = new("--json", "-j")
    {
        Description = "Print the result as JSON shaped like blhost's (command, response, status).",
        Recursive = true,
    };

    /// <summary>blhost's <c>-t/--timeout &lt;ms&gt;</c>: how long to wait for each answer (default 5000 for MBoot, 2000 for SDP).</summary>
    public Option<int?> Timeout { get; } = new("--timeout", "-t")
    {
        Description = "How long to wait for the device's answers, in milliseconds (blhost's -t; default 5000, SDP 2000).",
        Recursive = true,
    };

    public void AddTo(Command command)
    {
        command.Options.Add(Usb);
        command.Options.Add(UsbPath);
        command.Options.Add(Uart);
        command.Options.Add(Json);
        command.Options.Add(Timeout);
    }

    /// <summary>Opens an MBoot client (the flashloader, 0x15A2:0x0073 unless told otherwise).</summary>
    public async Task<MBootClient> OpenMBootAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var options = new MBootClientOptions();
        if (ResponseTimeout(parseResult) is { } timeout)
        {
            options.ResponseTimeout = timeout;
        }

        if (parseResult.GetValue(Uart) is { } uart)
        {
            var framing = new MBootUartFraming(OpenSerial(uart), NullLogger<MBootUartFraming>.Instance);
            try
            {
                await framing.PingAsync(options.ResponseTimeout, cancellationToken);
            }
            catch
            {
                await framing.DisposeAsync();
                throw;
            }

            return new MBootClient(framing, options, NullLogger<MBootClient>.Instance);
        }

        var transport = await OpenHidAsync(parseResult, [(0x15A2, 0x0073)], cancellationToken);
        return new MBootClient(new MBootHidFraming(transport, NullLogger<MBootHidFraming>.Instance), options, NullLogger<MBootClient>.Instance);
    }

    /// <summary>Opens an SDP client (any i.MX RT boot ROM unless told otherwise).</summary>
    public async Task<SdpClient> OpenSdpAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var options = ResponseTimeout(parseResult) is { } timeout
            ? new SdpClientOptions { ResponseTimeout = timeout, WriteTimeout = timeout }
            : new SdpClientOptions();
        if (parseResult.GetValue(Uart) is { } uart)
        {
            return new SdpClient(new SdpUartFraming(OpenSerial(uart)), options);
        }

        ushort[] romProductIds = [0x0135, 0x0130, 0x0145, 0x013D];
        var transport = await OpenHidAsync(parseResult, [.. romProductIds.Select(pid => ((ushort)0x1FC9, pid))], cancellationToken);
        return new SdpClient(new SdpHidFraming(transport), options);
    }

    private TimeSpan? ResponseTimeout(ParseResult parseResult) => parseResult.GetValue(Timeout) switch
    {
        null => null,
        > 0 and var milliseconds => TimeSpan.FromMilliseconds(milliseconds),
        var other => throw new CliException($"--timeout: {other} is not a number of milliseconds above 0.", ExitCodes.Usage),
    };

    private async Task<IReportTransport> OpenHidAsync(
        ParseResult parseResult, IReadOnlyList<(ushort Vid, ushort Pid)> defaults, CancellationToken cancellationToken)
    {
        var wanted = parseResult.GetValue(Usb) is { } usb ? [ParseVidPid(usb)] : defaults;
        var path = parseResult.GetValue(UsbPath);
        var devices = HidDeviceLists.ForCurrentPlatform();
        var matches = devices.GetDevices()
            .Where(d => path is null
                ? wanted.Contains((d.VendorId, d.ProductId))
                : string.Equals(d.PortPath, path, StringComparison.OrdinalIgnoreCase) || string.Equals(d.Path, path, StringComparison.Ordinal))
            .ToList();
        var what = path is null ? string.Join(" or ", wanted.Select(w => $"{w.Vid:X4}:{w.Pid:X4}")) : $"port {path}";
        return matches.Count switch
        {
            0 => throw new CliException($"No USB HID device {what} found. Run `station devices` to list what is connected.", ExitCodes.NoDevice),
            1 => await devices.OpenAsync(matches[0], cancellationToken),
            _ => throw new CliException(
                $"{matches.Count} devices match {what} ({string.Join(", ", matches.Select(m => m.PortPath))}); pick one with --usb-path PORT.", ExitCodes.Usage),
        };
    }

    private static SerialPortTransport OpenSerial(string spec)
    {
        var parts = spec.Split(',', 2, StringSplitOptions.TrimEntries);
        var baud = DefaultBaudRate;
        if (parts.Length == 2 && !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out baud))
        {
            throw new CliException($"--uart: '{parts[1]}' is not a baud rate.", ExitCodes.Usage);
        }

        if (!OperatingSystem.IsWindows() && !File.Exists(parts[0]))
        {
            throw new CliException($"--uart: serial port {parts[0]} does not exist.", ExitCodes.NoDevice);
        }

        return SerialPortTransport.Open(parts[0], baud);
    }

    private static (ushort Vid, ushort Pid) ParseVidPid(string text)
    {
        var parts = text.Split([':', ','], StringSplitOptions.TrimEntries);
        if (parts.Length == 2 && TryParseHex(parts[0], out var vid) && TryParseHex(parts[1], out var pid))
        {
            return (vid, pid);
        }

        throw new CliException($"--usb: '{text}' is not VID:PID (e.g. 0x15A2:0x0073).", ExitCodes.Usage);

        static bool TryParseHex(string value, out ushort number) =>
            ushort.TryParse(value.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? value[2..] : value, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out number);
    }
}
