using System.Globalization;

namespace Station.Core;

/// <summary>Numbers as engineers write them in recipes and on command lines: <c>0x70000000</c> or <c>1879048192</c>.</summary>
internal static class NumberText
{
    public static bool TryParseUInt32(string? text, out uint value)
    {
        value = 0;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var trimmed = text.Trim().Replace("_", string.Empty, StringComparison.Ordinal);
        return trimmed.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? uint.TryParse(trimmed.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
            : uint.TryParse(trimmed, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
