using System.CommandLine;
using System.Globalization;
using Station.Protocols.Transport.Linux;
using Station.Simulator;

namespace Station.Cli.Commands;

/// <summary>
/// <c>station sim uart</c>: one simulated board served on a pseudo-terminal, so blhost, sdphost or
/// <c>station mboot --uart</c> can talk to it as to a board on a serial line. The slave path is
/// the first line of the output (scripts read it); the process serves until Ctrl+C or SIGTERM.
/// </summary>
internal static class SimCommands
{
    public static Command Create()
    {
        var command = new Command("sim", "Serve simulated boards for other tools to talk to.");
        command.Subcommands.Add(CreateUart());
        return command;
    }

    private static Command CreateUart()
    {
        var family = new Option<string>("--family")
        {
            Description = "Board family: RT1010, RT1020, RT1024, RT1040, RT1050, RT1060 (RT1062) or RT1064.",
            DefaultValueFactory = _ => "RT1064",
        };
        var rom = new Option<bool>("--rom") { Description = "Start in the boot ROM (SDP over UART) instead of the flashloader (MBoot)." };
        var faults = new Option<string?>("--faults")
        {
            Description = "Faults to inject, e.g. erase20106=0.3,program20106@2,short=0.05,stall=0.02,stallfor=10s,seed=42.",
        };
        var timing = new Option<string>("--timing") { Description = "fast (no device time) or realistic (datasheet timing).", DefaultValueFactory = _ => "fast" };
        timing.AcceptOnlyFromAmong("fast", "realistic");
        var baud = new Option<int>("--baud")
        {
            Description = "The UART bit rate realistic timing charges for every byte (10 bits a byte); the pseudo-terminal itself has no rate.",
            DefaultValueFactory = _ => SimulatorTiming.Realistic.UartBaudRate,
        };
        var command = new Command("uart", "Serve one simulated board on a pseudo-terminal; prints its path on the first line, runs until Ctrl+C.")
        {
            family, rom, faults, timing, baud,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            BoardFamily boardFamily;
            FaultPlan faultPlan;
            try
            {
                boardFamily = BoardFamily.Parse(parseResult.GetRequiredValue(family));
                faultPlan = FaultPlan.Parse(parseResult.GetValue(faults));
            }
            catch (ArgumentException exception)
            {
                await error.WriteLineAsync($"error: --family: {exception.Message}");
                return ExitCodes.Usage;
            }
            catch (FormatException exception)
            {
                await error.WriteLineAsync($"error: --faults: {exception.Message}");
                return ExitCodes.Usage;
            }

            if (parseResult.GetValue(baud) <= 0)
            {
                await error.WriteLineAsync("error: --baud: the bit rate must be positive.");
                return ExitCodes.Usage;
            }

            if (!OperatingSystem.IsLinux())
            {
                await error.WriteLineAsync("error: station sim uart needs Linux pseudo-terminals.");
                return ExitCodes.Usage;
            }

            var options = new SimulatedBoardOptions
            {
                Name = $"sim-{boardFamily.Name.ToLowerInvariant()}",
                Faults = faultPlan,
                Timing = (parseResult.GetValue(timing) == "realistic" ? SimulatorTiming.Realistic : SimulatorTiming.Instant)
                    with { UartBaudRate = parseResult.GetValue(baud) },
            };
            return await ServeAsync(parseResult, boardFamily, options, parseResult.GetValue(rom), cancellationToken);
        });
        return command;
    }

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static async Task<int> ServeAsync(
        ParseResult parseResult, BoardFamily family, SimulatedBoardOptions options, bool startInRom, CancellationToken cancellationToken)
    {
        // Fault reports come from the simulator's threads while the first lines are written here.
        var output = TextWriter.Synchronized(parseResult.InvocationConfiguration.Output);
        var error = parseResult.InvocationConfiguration.Error;
        await using var pty = PseudoTerminal.Open();
        await using var board = new SimulatedBoard(family, options);

        // The contract: the slave path alone on the first line, then anything else.
        await output.WriteLineAsync(pty.SlavePath);
        var personality = startInRom ? "boot ROM (SDP)" : "flashloader (MBoot)";
        await output.WriteLineAsync($"Simulated {family.Name} {personality} on {pty.SlavePath}, {(options.Timing.ScaleFactor > 0 ? string.Create(CultureInfo.InvariantCulture, $"realistic timing at {options.Timing.UartBaudRate} baud") : "fast timing")}{(options.Faults.Rules.Count > 0 ? $", faults {options.Faults}" : string.Empty)}.");
        await output.WriteLineAsync(startInRom
            ? $"Try: station sdp --uart {pty.SlavePath} error-status   (Ctrl+C stops)"
            : $"Try: station mboot --uart {pty.SlavePath} get-property 1   (Ctrl+C stops)");
        await output.FlushAsync(cancellationToken);
        board.FaultInjected += (_, fault) =>
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"fault: {FaultPlan.KeyOf(fault.Kind)} #{fault.Occurrence}: {fault.Detail}"));

        try
        {
            await board.ServeSerialAsync(pty, startInRom, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync(DeviceTimeLine(board.DeviceTime));
            await output.WriteLineAsync("Stopped.");
            return ExitCodes.Success;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            await output.WriteLineAsync(DeviceTimeLine(board.DeviceTime));
            await output.WriteLineAsync("Stopped.");
            return ExitCodes.Success;
        }

        // Serving ends by itself only when the board left the line (the disconnect fault).
        await error.WriteLineAsync($"error: the simulated board disconnected from {pty.SlavePath} (injected fault); stopping.");
        return ExitCodes.NoDevice;
    }

    /// <summary>
    /// The timing model's device-bound time since serving began, unscaled, in seconds per category
    /// (benchmarks parse this line: <c>device-time total=S uart=S usb=S erase=S program=S otp=S enumeration=S</c>).
    /// </summary>
    private static string DeviceTimeLine(DeviceTime time) => string.Create(
        CultureInfo.InvariantCulture,
        $"device-time total={time.Total.TotalSeconds:0.######} uart={time.UartTransfer.TotalSeconds:0.######} usb={time.UsbTransfer.TotalSeconds:0.######} erase={time.FlashErase.TotalSeconds:0.######} program={time.FlashProgram.TotalSeconds:0.######} otp={time.OtpProgram.TotalSeconds:0.######} enumeration={time.Enumeration.TotalSeconds:0.######}");
}
