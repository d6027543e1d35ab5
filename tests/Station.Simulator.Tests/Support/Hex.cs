namespace Station.Simulator.Tests.Support;

/// <summary>Hex strings as the spec writes them: <c>5A A4 0C 00 | 07 00 …</c>.</summary>
internal static class Hex
{
    public static byte[] Bytes(string text) =>
        Convert.FromHexString(text.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("|", string.Empty, StringComparison.Ordinal));

    public static string Of(ReadOnlySpan<byte> bytes) => string.Join(' ', Convert.ToHexString(bytes).Chunk(2).Select(c => new string(c)));
}
