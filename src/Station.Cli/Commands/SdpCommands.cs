using System.CommandLine;
using Station.Protocols.Sdp;
using static Station.Cli.Commands.DeviceCommandLine;

namespace Station.Cli.Commands;

/// <summary>
/// <c>station sdp …</c>: the i.MX RT boot ROM's Serial Download Protocol with sdphost's verbs and
/// argument order (<c>station sdp write-file 0x20000000 ivt_flashloader.bin</c>).
/// </summary>
internal static class SdpCommands
{
    public static Command Create()
    {
        var connection = new DeviceConnection();
        var command = new Command("sdp", "Talk to the i.MX RT boot ROM in serial-download mode (what sdphost does) over USB HID or UART.");
        connection.AddTo(command);
        foreach (var verb in Verbs(connection))
        {
            command.Subcommands.Add(verb);
        }

        return command;
    }

    private static IEnumerable<Command> Verbs(DeviceConnection connection)
    {
        yield return Verb(connection, "error-status", "Read the HAB mode and the ROM's error status (0xF0F0F0F0 = HAB success).", [], async (client, _, token) =>
        {
            var response = await client.ErrorStatusAsync(token);
            return Success([response.Status], $"HAB mode = {response.HabMode}");
        });

        yield return Verb(connection, "read-register", "Read registers or memory; into FILE, or printed as hex.", ["address", "[format]", "[byte_count]", "[FILE]"],
            async (client, args, token) =>
            {
                var width = args.Count > 1 ? Width(args[1]) : SdpAccessWidth.Bits32;
                var count = args.Count > 2 ? (int)Number(args[2], "byte_count") : (int)width / 8;
                var data = await client.ReadRegisterAsync(Number(args[0], "address"), count, width, token);
                return Success([(uint)data.Length], [.. await SaveOrDumpAsync(data, args.Count > 3 ? args[3] : null, token)]);
            });

        yield return Verb(connection, "write-register", "Write one register.", ["address", "format", "value"], async (client, args, token) =>
        {
            var response = await client.WriteRegisterAsync(Number(args[0], "address"), Number(args[2], "value"), Width(args[1]), token);
            return Success([response.Status], $"HAB mode = {response.HabMode}");
        });

        yield return Verb(connection, "write-file", "Load a file into memory (the flashloader goes to 0x20000000).", ["address", "FILE", "[byte_count]"],
            async (client, args, token) =>
            {
                var data = await ReadDataAsync(args[1], token);
                if (args.Count > 2)
                {
                    data = data[..(int)Math.Min(Number(args[2], "byte_count"), (uint)data.Length)];
                }

                var response = await client.WriteFileAsync(Number(args[0], "address"), data, token);
                return Success([response.Status], $"Wrote {data.Length} bytes; HAB mode = {response.HabMode}");
            });

        yield return Verb(connection, "write-dcd", "Write a DCD blob, which the ROM runs.", ["address", "FILE"], async (client, args, token) =>
        {
            var response = await client.WriteDcdAsync(Number(args[0], "address"), await ReadDataAsync(args[1], token), token);
            return Success([response.Status], $"HAB mode = {response.HabMode}");
        }, alias: "dcd-write");

        yield return Verb(connection, "write-csf", "Write a HAB command sequence file.", ["address", "FILE"], async (client, args, token) =>
        {
            var response = await client.WriteCsfAsync(Number(args[0], "address"), await ReadDataAsync(args[1], token), token);
            return Success([response.Status], $"HAB mode = {response.HabMode}");
        });

        yield return Verb(connection, "skip-dcd-header", "Ignore the DCD of the next image.", [], async (client, _, token) =>
        {
            var response = await client.SkipDcdHeaderAsync(token);
            return Success([response.Status], $"HAB mode = {response.HabMode}");
        });

        yield return Verb(connection, "jump-address", "Run the image whose IVT is at the address (0x20000400 for the flashloader).", ["address"],
            async (client, args, token) =>
            {
                var response = await client.JumpAddressAsync(Number(args[0], "address"), token);
                return Success([], $"HAB mode = {response.HabMode}");
            });
    }

    private static Command Verb(
        DeviceConnection connection, string name, string description, string[] parameters,
        Func<SdpClient, IReadOnlyList<string>, CancellationToken, Task<Outcome>> body, string? alias = null)
    {
        var arguments = PositionalArguments(name, parameters);
        var command = new Command(name, description) { arguments };
        if (alias is not null)
        {
            command.Aliases.Add(alias);
        }

        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, name, parseResult.GetValue(connection.Json), async () =>
        {
            var args = parseResult.GetValue(arguments) ?? [];
            await using var client = await connection.OpenSdpAsync(parseResult, cancellationToken);
            return await body(client, args, cancellationToken);
        }));
        return command;
    }

    private static SdpAccessWidth Width(string text) => Number(text, "format") switch
    {
        8 => SdpAccessWidth.Bits8,
        16 => SdpAccessWidth.Bits16,
        32 => SdpAccessWidth.Bits32,
        _ => throw new CliException($"format: '{text}' is not 8, 16 or 32.", ExitCodes.Usage),
    };
}
