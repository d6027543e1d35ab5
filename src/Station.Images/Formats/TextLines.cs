using System.Text;

namespace Station.Images.Formats;

/// <summary>Splits a text firmware file into numbered, trimmed, non-empty lines.</summary>
internal static class TextLines
{
    public static IEnumerable<(int Number, string Text)> Read(ReadOnlySpan<byte> bytes, string name)
    {
        foreach (var b in bytes)
        {
            // Text formats are 7-bit ASCII; a NUL or high byte means a binary file or corruption.
            if (b is 0 or > 0x7E)
            {
                throw new ImageFormatException(name, "not a text file (binary bytes found); is it a .bin?");
            }
        }

        var text = Encoding.ASCII.GetString(bytes);
        var lines = text.Split('\n');
        var result = new List<(int, string)>(lines.Length);
        for (var i = 0; i < lines.Length; i++)
        {
            // 0x1A is the DOS end-of-file marker some old tools append.
            var line = lines[i].Trim().TrimEnd('\x1A');
            if (line.Length > 0)
            {
                result.Add((i + 1, line));
            }
        }

        return result;
    }
}
