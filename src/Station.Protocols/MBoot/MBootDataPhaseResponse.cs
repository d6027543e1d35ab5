namespace Station.Protocols.MBoot;

/// <summary>
/// A response that announces a device→host data phase (0xA3 ReadMemory, 0xB0 FlashReadResource,
/// 0xB3 GenerateKeyBlob, 0xB5 KeyProvisioning): status and the number of bytes that follow.
/// </summary>
internal sealed class MBootDataPhaseResponse(MBootResponseTag tag, MBootStatusCode status, int byteCount, byte[] rawBytes)
    : MBootResponse(tag, status, rawBytes)
{
    public int ByteCount { get; } = byteCount;
}
