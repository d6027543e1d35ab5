namespace Station.Protocols.Sdp;

/// <summary>What the ROM answered: its HAB mode and, where the command has one, the status word.</summary>
/// <param name="HabMode">The security configuration (report 3).</param>
/// <param name="Status">The status word (report 4); 0 for jump-address, which has none on success.</param>
public sealed record SdpResponse(HabMode HabMode, uint Status);
