namespace Station.Protocols.Sdp;

/// <summary>Timeouts of the SDP client. The ROM answers within milliseconds; these bound a dead link.</summary>
public sealed class SdpClientOptions
{
    /// <summary>How long a report or byte write may take.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long to wait for each answer (HAB mode, status, data).</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(2);
}
