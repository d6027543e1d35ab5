using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Station.Protocols;
using Station.Protocols.MBoot;
using Station.Protocols.Sdp;

namespace Station.Cli.Commands;

/// <summary>
/// What the device commands share: numbers as blhost takes them, the result printed as text or as
/// blhost-shaped JSON, and every failure turned into one line on stderr and an exit code.
/// </summary>
internal static class DeviceCommandLine
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>A command's outcome: the response words and the status (0 = success).</summary>
    public sealed record Outcome(IReadOnlyList<uint> Response, uint Status, string Description, IReadOnlyList<string> Lines);

    public static Outcome Success(IReadOnlyList<uint> response, params string[] lines) =>
        new(response, 0, "0 (0x0) Success.", lines);

    /// <summary>
    /// A verb's blhost-style positional arguments ("[x]" marks an optional one). System.CommandLine
    /// converts an argument whose maximum arity is 1 as a single value, so a string[] with arity
    /// (1, 1) or (0, 1) fails to parse ("Cannot parse argument '0x22' … as System.String[]"): the
    /// arity allows at least 2 and a validator enforces the real maximum.
    /// </summary>
    public static Argument<string[]> PositionalArguments(string verb, string[] parameters)
    {
        var required = parameters.Count(p => !p.StartsWith('['));
        var arguments = new Argument<string[]>("args")
        {
            Description = parameters.Length == 0 ? "none" : string.Join(' ', parameters),
            Arity = new ArgumentArity(required, Math.Max(parameters.Length, 2)),
        };
        if (parameters.Length < 2)
        {
            arguments.Validators.Add(result =>
            {
                if (result.Tokens.Count > parameters.Length)
                {
                    result.AddError(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{verb} takes {(parameters.Length == 0 ? "no arguments" : $"at most {parameters.Length} argument ({string.Join(' ', parameters)})")}; got {result.Tokens.Count}."));
                }
            });
        }

        return arguments;
    }

    /// <summary>Parses 0x-hex or decimal, as blhost does; a clear usage error otherwise.</summary>
    public static uint Number(string text, string name) =>
        ImageCommandLine.TryParseNumber(text, out var value)
            ? value
            : throw new CliException($"{name}: '{text}' is not a number (write 0x20000000 or 536870912).", ExitCodes.Usage);

    /// <summary>
    /// Runs one device command and prints its outcome; a device status failure prints like blhost
    /// (the status and its description) with exit code 1; other failures print one line on stderr.
    /// </summary>
    public static async Task<int> RunAsync(ParseResult parseResult, string commandName, bool json, Func<Task<Outcome>> body)
    {
        var output = parseResult.InvocationConfiguration.Output;
        var error = parseResult.InvocationConfiguration.Error;
        Outcome outcome;
        try
        {
            outcome = await body();
        }
        catch (MBootCommandException exception)
        {
            var code = (uint)exception.Status;
            var info = MBootStatus.Find(exception.Status);
            // blhost prints "Response status = %d (0x%x) %s": lower-case hex.
            outcome = new Outcome([], code, string.Create(CultureInfo.InvariantCulture, $"{code} (0x{code:x}) {info?.Description ?? "Unknown status"}."), []);
        }
        catch (SdpCommandException exception)
        {
            outcome = new Outcome([exception.Status], exception.Status, exception.Message, []);
        }
        catch (CliException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return exception.ExitCode;
        }
        catch (Exception exception) when (exception is DeviceException or ObjectDisposedException)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return ExitCodes.NoDevice;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return ExitCodes.Usage;
        }

        if (json)
        {
            var node = new JsonObject
            {
                ["command"] = commandName,
                ["response"] = new JsonArray([.. outcome.Response.Select(v => (JsonNode)v)]),
                ["status"] = new JsonObject { ["description"] = outcome.Description, ["value"] = outcome.Status },
            };
            await output.WriteLineAsync(node.ToJsonString(JsonOptions));
        }
        else
        {
            await output.WriteLineAsync($"Response status = {outcome.Description}");
            for (var i = 0; i < outcome.Response.Count; i++)
            {
                await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Response word {i + 1} = {outcome.Response[i]} (0x{outcome.Response[i]:x})"));
            }

            foreach (var line in outcome.Lines)
            {
                await output.WriteLineAsync(line);
            }
        }

        return outcome.Status == 0 ? ExitCodes.Success : ExitCodes.Failed;
    }

    /// <summary>A file's bytes, or a blhost data literal such as <c>{{11 22 33}}</c>.</summary>
    public static async Task<byte[]> ReadDataAsync(string fileOrLiteral, CancellationToken cancellationToken)
    {
        var trimmed = fileOrLiteral.Trim();
        if (trimmed.StartsWith("{{", StringComparison.Ordinal) && trimmed.EndsWith("}}", StringComparison.Ordinal))
        {
            var hex = new string([.. trimmed[2..^2].Where(c => !char.IsWhiteSpace(c))]);
            try
            {
                return Convert.FromHexString(hex);
            }
            catch (FormatException)
            {
                throw new CliException($"'{fileOrLiteral}' is not a hex data literal such as {{{{11 22 33}}}}.", ExitCodes.Usage);
            }
        }

        return File.Exists(trimmed)
            ? await File.ReadAllBytesAsync(trimmed, cancellationToken)
            : throw new CliException($"{trimmed}: file not found.", ExitCodes.Usage);
    }

    /// <summary>Writes bytes to a file, or prints them as a hex dump when no file is given.</summary>
    public static async Task<IReadOnlyList<string>> SaveOrDumpAsync(byte[] data, string? file, CancellationToken cancellationToken)
    {
        if (file is not null)
        {
            await File.WriteAllBytesAsync(file, data, cancellationToken);
            return [$"Read {data.Length} of {data.Length} bytes into {file}."];
        }

        var lines = new List<string>();
        for (var offset = 0; offset < data.Length; offset += 16)
        {
            var row = data.AsSpan(offset, Math.Min(16, data.Length - offset));
            lines.Add(string.Join(' ', row.ToArray().Select(b => b.ToString("x2", CultureInfo.InvariantCulture))));
        }

        return lines;
    }
}
