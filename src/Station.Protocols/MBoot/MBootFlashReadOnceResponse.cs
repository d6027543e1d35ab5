namespace Station.Protocols.MBoot;

/// <summary>FlashReadOnceResponse 0xAF: status, byte count and the bytes read (little-endian words).</summary>
internal sealed class MBootFlashReadOnceResponse(MBootStatusCode status, byte[] data, byte[] rawBytes)
    : MBootResponse(MBootResponseTag.FlashReadOnce, status, rawBytes)
{
    public IReadOnlyList<byte> Data { get; } = data;
}
