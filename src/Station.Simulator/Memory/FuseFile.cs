using System.Globalization;
using System.Text;

namespace Station.Simulator.Memory;

/// <summary>
/// The text file that keeps a simulated board's eFuse bank across processes
/// (<see cref="SimulatedBoardOptions.FuseFile"/>): a header naming the chip, then one line per
/// accepted program operation, appended before the burn takes effect:
/// <code>
/// station-sim-fuses chip 0x1A2B3C4D5E6F7081
/// program 6 0x00000010 lock=0 missed=0x00000000
/// </code>
/// A last line without its newline was cut by the process dying in the middle of the append: the
/// burn had not started, and it is ignored.
/// </summary>
internal static class FuseFile
{
    private const string Header = "station-sim-fuses chip ";

    /// <summary>The burns recorded in <paramref name="path"/>; creates the file (header only) when it does not exist.</summary>
    /// <exception cref="InvalidDataException">The file belongs to another chip or a line is malformed.</exception>
    public static IReadOnlyList<FuseBurn> Read(string path, ulong uniqueId, int wordCount)
    {
        var header = string.Create(CultureInfo.InvariantCulture, $"{Header}0x{uniqueId:X16}");
        if (!File.Exists(path))
        {
            File.WriteAllText(path, header + "\n", Encoding.ASCII);
            return [];
        }

        var text = File.ReadAllText(path, Encoding.ASCII);
        var lines = text.Split('\n');
        if (lines[0] != header)
        {
            throw new InvalidDataException($"{path} is not the fuse file of chip 0x{uniqueId:X16} (it starts '{lines[0]}').");
        }

        // Split leaves the text after the last newline as the final element: empty, or a torn line.
        var burns = new List<FuseBurn>();
        for (var i = 1; i < lines.Length - 1; i++)
        {
            burns.Add(Parse(path, i + 1, lines[i], wordCount));
        }

        return burns;
    }

    /// <summary>Appends one burn (a single write of one line) before it is applied.</summary>
    public static void Append(string path, FuseBurn burn)
    {
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"program {burn.Index} 0x{burn.Value:X8} lock={(burn.Lock ? 1 : 0)} missed=0x{burn.MissedBits:X8}\n");
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read);
        stream.Write(Encoding.ASCII.GetBytes(line));
    }

    private static FuseBurn Parse(string path, int lineNumber, string line, int wordCount)
    {
        var parts = line.Split(' ');
        if (parts.Length == 5
            && parts[0] == "program"
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var index) && index < wordCount
            && TryHex(parts[2], "0x", out var value)
            && parts[3] is "lock=0" or "lock=1"
            && TryHex(parts[4], "missed=0x", out var missed))
        {
            return new FuseBurn(index, value, parts[3] == "lock=1", missed);
        }

        throw new InvalidDataException($"{path} line {lineNumber} is not a fuse program line: '{line}'.");
    }

    private static bool TryHex(string text, string prefix, out uint value)
    {
        value = 0;
        return text.StartsWith(prefix, StringComparison.Ordinal)
            && uint.TryParse(text.AsSpan(prefix.Length), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
    }
}
