using System.Globalization;

namespace Station.Protocols;

/// <summary>
/// The device sent something the protocol does not allow: a short or truncated report, a bad
/// length, an unexpected packet, a bad CRC. The session that saw it is broken and must not be
/// used again. Transient: a fresh session (re-open, or reset and reload) may well succeed, as
/// the failure classes in DESIGN.md say for short or malformed reports.
/// </summary>
public sealed class ProtocolViolationException : DeviceException
{
    /// <summary>Creates the exception; <paramref name="rawBytes"/> are the offending bytes, kept for the log.</summary>
    public ProtocolViolationException(string deviceAddress, string problem, ReadOnlySpan<byte> rawBytes)
        : base(deviceAddress, $"Protocol violation from {deviceAddress}: {problem} Raw: [{ToHex(rawBytes)}]")
    {
        Problem = problem;
        RawBytes = rawBytes.ToArray();
    }

    /// <summary>What was wrong, without the raw bytes.</summary>
    public string Problem { get; }

    /// <summary>The bytes as received.</summary>
    public IReadOnlyList<byte> RawBytes { get; }

    /// <inheritdoc />
    public override bool IsTransient => true;

    private static string ToHex(ReadOnlySpan<byte> bytes)
    {
        const int MaxShown = 64;
        var shown = bytes.Length > MaxShown ? bytes[..MaxShown] : bytes;
        var hex = Convert.ToHexString(shown);
        var spaced = string.Join(' ', Enumerable.Range(0, shown.Length).Select(i => hex.Substring(2 * i, 2)));
        return bytes.Length > MaxShown
            ? spaced + string.Create(CultureInfo.InvariantCulture, $" … ({bytes.Length} bytes)")
            : spaced;
    }
}
