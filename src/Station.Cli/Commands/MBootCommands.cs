using System.CommandLine;
using System.Globalization;
using Station.Protocols.MBoot;
using static Station.Cli.Commands.DeviceCommandLine;

namespace Station.Cli.Commands;

/// <summary>
/// <c>station mboot …</c>: the flashloader's MBoot commands with blhost's verbs and argument order,
/// so an engineer who knows blhost is at home (<c>station mboot -p /dev/pts/5 get-property 1</c>).
/// </summary>
internal static class MBootCommands
{
    public static Command Create()
    {
        var connection = new DeviceConnection();
        var command = new Command("mboot", "Talk to NXP's flashloader (MCU bootloader protocol, what blhost speaks) over USB HID or UART.");
        connection.AddTo(command);
        foreach (var verb in Verbs(connection))
        {
            command.Subcommands.Add(verb);
        }

        return command;
    }

    private static IEnumerable<Command> Verbs(DeviceConnection connection)
    {
        yield return Verb(connection, "get-property", "Read a property (1 = current version, 11 = max packet size, 18 = unique ID, ...).",
            ["tag", "[index]"], async (client, args, token) =>
            {
                var tag = (MBootPropertyTag)Number(args[0], "tag");
                var index = args.Count > 1 ? Number(args[1], "index") : 0;
                var values = await client.GetPropertyAsync(tag, index, token);
                return values is null
                    ? new Outcome([], (uint)MBootStatusCode.UnknownProperty, "10300 (0x283c) Unknown Property.", [])
                    : Success(values, Describe(tag, values));
            });

        yield return Verb(connection, "set-property", "Write a property.", ["tag", "value"], async (client, args, token) =>
        {
            await client.SetPropertyAsync((MBootPropertyTag)Number(args[0], "tag"), Number(args[1], "value"), token);
            return Success([]);
        });

        yield return Verb(connection, "flash-erase-all", "Erase a whole memory (default memory ID 0).", ["[memory_id]"], async (client, args, token) =>
        {
            await client.FlashEraseAllAsync(MemoryId(args, 0), token);
            return Success([]);
        });

        yield return Verb(connection, "flash-erase-region", "Erase a region, aligned to sectors by the device.", ["address", "byte_count", "[memory_id]"],
            async (client, args, token) =>
            {
                await client.FlashEraseRegionAsync(Number(args[0], "address"), (int)Number(args[1], "byte_count"), MemoryId(args, 2), token);
                return Success([]);
            });

        yield return Verb(connection, "read-memory", "Read memory; into FILE, or printed as hex.", ["address", "byte_count", "[FILE]", "[memory_id]"],
            async (client, args, token) =>
            {
                var count = (int)Number(args[1], "byte_count");
                var data = await client.ReadMemoryAsync(Number(args[0], "address"), count, MemoryId(args, 3), token);
                return Success([(uint)data.Length], [.. await SaveOrDumpAsync(data, args.Count > 2 ? args[2] : null, token)]);
            });

        yield return Verb(connection, "write-memory", "Write a file (or a {{hex}} literal) to memory.", ["address", "FILE", "[memory_id]"],
            async (client, args, token) =>
            {
                var data = await ReadDataAsync(args[1], token);
                await client.WriteMemoryAsync(Number(args[0], "address"), data, MemoryId(args, 2), token);
                return Success([(uint)data.Length], $"Wrote {data.Length} of {data.Length} bytes.");
            });

        yield return Verb(connection, "fill-memory", "Fill memory with a 32-bit pattern.", ["address", "byte_count", "pattern", "[word]"],
            async (client, args, token) =>
            {
                if (args.Count > 3 && !string.Equals(args[3], "word", StringComparison.OrdinalIgnoreCase))
                {
                    throw new CliException("fill-memory: only the 'word' pattern format is supported (the RT flashloader fills whole words).", ExitCodes.Usage);
                }

                await client.FillMemoryAsync(Number(args[0], "address"), (int)Number(args[1], "byte_count"), Number(args[2], "pattern"), token);
                return Success([]);
            });

        yield return Verb(connection, "configure-memory", "Configure external memory from a configuration block in RAM.", ["memory_id", "address"],
            async (client, args, token) =>
            {
                await client.ConfigureMemoryAsync((MBootMemoryId)Number(args[0], "memory_id"), Number(args[1], "address"), token);
                return Success([]);
            });

        yield return Verb(connection, "efuse-read-once", "Read one 32-bit OTP fuse word.", ["index"], async (client, args, token) =>
        {
            var value = await client.FlashReadOnceAsync(Number(args[0], "index"), token);
            return Success([4, value]);
        });

        yield return Verb(connection, "efuse-program-once", "Burn bits of one OTP fuse word (irreversible).", ["index", "value", "[lock|nolock]"],
            async (client, args, token) =>
            {
                var lockWord = args.Count > 2 && args[2] switch
                {
                    "lock" => true,
                    "nolock" => false,
                    _ => throw new CliException($"efuse-program-once: '{args[2]}' is neither lock nor nolock.", ExitCodes.Usage),
                };
                await client.FlashProgramOnceAsync(Number(args[0], "index"), Number(args[1], "value"), lockWord, token);
                return Success([]);
            });

        yield return Verb(connection, "reset", "Reset the device (the RAM flashloader is gone afterwards).", [], async (client, _, token) =>
        {
            await client.ResetAsync(token);
            return Success([]);
        });

        yield return Verb(connection, "execute", "Jump to code.", ["address", "argument", "stackpointer"], async (client, args, token) =>
        {
            await client.ExecuteAsync(Number(args[0], "address"), Number(args[1], "argument"), Number(args[2], "stackpointer"), token);
            return Success([]);
        });

        yield return Verb(connection, "call", "Call code and return.", ["address", "argument"], async (client, args, token) =>
        {
            await client.CallAsync(Number(args[0], "address"), Number(args[1], "argument"), token);
            return Success([]);
        });

        yield return Verb(connection, "flash-read-resource", "Read a flash resource.", ["address", "byte_count", "option", "[FILE]"],
            async (client, args, token) =>
            {
                var data = await client.FlashReadResourceAsync(Number(args[0], "address"), (int)Number(args[1], "byte_count"), Number(args[2], "option"), token);
                return Success([(uint)data.Length], [.. await SaveOrDumpAsync(data, args.Count > 3 ? args[3] : null, token)]);
            });

        yield return Verb(connection, "receive-sb-file", "Send an SB file for the device to process.", ["FILE"], async (client, args, token) =>
        {
            var data = await ReadDataAsync(args[0], token);
            await client.ReceiveSbFileAsync(data, null, token);
            return Success([(uint)data.Length]);
        });
    }

    /// <summary>A verb with blhost-style positional arguments ("[x]" marks an optional one).</summary>
    private static Command Verb(
        DeviceConnection connection, string name, string description, string[] parameters,
        Func<MBootClient, IReadOnlyList<string>, CancellationToken, Task<Outcome>> body)
    {
        var arguments = PositionalArguments(name, parameters);
        var command = new Command(name, description) { arguments };
        command.SetAction((parseResult, cancellationToken) => RunAsync(parseResult, name, parseResult.GetValue(connection.Json), async () =>
        {
            var args = parseResult.GetValue(arguments) ?? [];
            await using var client = await connection.OpenMBootAsync(parseResult, cancellationToken);
            return await body(client, args, cancellationToken);
        }));
        return command;
    }

    private static MBootMemoryId MemoryId(IReadOnlyList<string> args, int position) =>
        args.Count > position ? (MBootMemoryId)Number(args[position], "memory_id") : MBootMemoryId.Internal;

    private static string[] Describe(MBootPropertyTag tag, IReadOnlyList<uint> values) => tag switch
    {
        MBootPropertyTag.CurrentVersion when values.Count > 0 => [$"Current Version = {MBootVersion.FromUInt32(values[0])}"],
        MBootPropertyTag.MaxPacketSize when values.Count > 0 => [string.Create(CultureInfo.InvariantCulture, $"Max Packet Size = {values[0]} bytes")],
        MBootPropertyTag.UniqueDeviceId => [$"Unique Device ID = {string.Join(' ', values.Select(v => v.ToString("x8", CultureInfo.InvariantCulture)))}"],
        _ => [],
    };
}
