namespace Station.Protocols.Tests.MBoot.Traces;

/// <summary>Hex strings as the spec writes them: <c>5A A4 0C 00 | 07 00 …</c> (spaces and bars ignored).</summary>
internal static class Hex
{
    public static byte[] Bytes(string hex) =>
        Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal).Replace("|", string.Empty, StringComparison.Ordinal));

    public static string Of(ReadOnlySpan<byte> bytes) =>
        string.Join(' ', Convert.ToHexString(bytes).Chunk(2).Select(pair => new string(pair)));

    public static string Of(IEnumerable<byte> bytes) => Of(bytes.ToArray().AsSpan());
}
