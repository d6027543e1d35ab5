namespace Station.Protocols.MBoot;

/// <summary>GetPropertyResponse 0xA7: status and the property's values (none on error).</summary>
internal sealed class MBootGetPropertyResponse(MBootStatusCode status, uint[] values, byte[] rawBytes)
    : MBootResponse(MBootResponseTag.GetProperty, status, rawBytes)
{
    public IReadOnlyList<uint> Values { get; } = values;
}
