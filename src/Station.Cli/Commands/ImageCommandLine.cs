using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Station.Images;
using Station.Images.Lint;

namespace Station.Cli.Commands;

/// <summary>What the image and mcuboot commands share: number options, file I/O, error handling, output.</summary>
internal static class ImageCommandLine
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>An option taking a number in hex (0x…) or decimal.</summary>
    public static Option<uint?> AddressOption(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result => ParseNumber(result),
    };

    /// <summary>Parses "0x60000000" or "4096"; null with a parse error otherwise.</summary>
    public static uint? ParseNumber(ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (TryParseNumber(text, out var value))
        {
            return value;
        }

        result.AddError($"'{text}' is not a number (use hex like 0x60000000 or decimal)");
        return null;
    }

    public static bool TryParseNumber(string text, out uint value)
    {
        text = text.Trim().Replace("_", string.Empty, StringComparison.Ordinal);
        return text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? uint.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
            : uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Runs a command body; every expected failure becomes one line "error: …" on stderr, never a
    /// stack trace: exit code 1 when the check said no (bad signature), 2 when the input is wrong
    /// (bad file, missing file, bad option value), as docs/CLI.md says.
    /// </summary>
    public static async Task<int> RunAsync(ParseResult parseResult, Func<TextWriter, Task<int>> body)
    {
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            return await body(parseResult.InvocationConfiguration.Output);
        }
        catch (ImageSignatureException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Failed;
        }
        catch (Exception ex) when (ex is ImageFormatException or ImageCommandException or FormatException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            return ExitCodes.Usage;
        }
    }

    public static async Task<byte[]> ReadFileAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new ImageCommandException($"{path}: file not found");
        }

        return await File.ReadAllBytesAsync(path, cancellationToken);
    }

    public static async Task WriteFileAsync(string path, byte[] bytes, CancellationToken cancellationToken)
    {
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null && !Directory.Exists(directory))
        {
            throw new ImageCommandException($"{path}: the folder {directory} does not exist");
        }

        await File.WriteAllBytesAsync(path, bytes, cancellationToken);
    }

    public static string Hex(uint value) => $"0x{value:X8}";

    public static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static Task WriteJsonAsync(TextWriter output, JsonNode node) => output.WriteLineAsync(node.ToJsonString(JsonOptions));

    public static JsonArray FindingsJson(IEnumerable<LintFinding> findings) =>
        [.. findings.Select(f => (JsonNode)new JsonObject { ["severity"] = f.Severity.ToString().ToLowerInvariant(), ["code"] = f.Code, ["message"] = f.Message })];

    /// <summary>Prints findings one per line.</summary>
    public static async Task WriteFindingsAsync(TextWriter output, IEnumerable<LintFinding> findings)
    {
        foreach (var finding in findings)
        {
            await output.WriteLineAsync(finding.ToString());
        }
    }
}
