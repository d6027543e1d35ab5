namespace Station.Protocols.MBoot;

/// <summary>The answer to a UART ping (PROTOCOLS.md 2.3): serial protocol version and options.</summary>
/// <param name="ProtocolVersion">Serial protocol version; 'P' 1.2.0 on the RT flashloader.</param>
/// <param name="Options">Protocol options word (0 on the RT flashloader).</param>
public sealed record MBootPingResponse(MBootVersion ProtocolVersion, ushort Options);
