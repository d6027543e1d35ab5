namespace Station.Protocols.MBoot;

/// <summary>
/// TrustProvisioningResponse 0xB6: status and values (PROTOCOLS.md 3.3). Decoded for completeness;
/// the RT10xx flashloader has no trust provisioning and the client sends no such command.
/// </summary>
internal sealed class MBootTrustProvisioningResponse(MBootStatusCode status, uint[] values, byte[] rawBytes)
    : MBootResponse(MBootResponseTag.TrustProvisioning, status, rawBytes)
{
    public IReadOnlyList<uint> Values { get; } = values;
}
