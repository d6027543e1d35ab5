namespace Station.Protocols.MBoot;

/// <summary>GenericResponse 0xA0: status and the tag of the command it answers.</summary>
internal sealed class MBootGenericResponse(MBootStatusCode status, MBootCommandTag commandTag, byte[] rawBytes)
    : MBootResponse(MBootResponseTag.Generic, status, rawBytes)
{
    public MBootCommandTag CommandTag { get; } = commandTag;
}
