namespace Station.Protocols.Sdp;

/// <summary>Timeouts of the SDP client. The ROM answers within milliseconds; these bound a dead link.</summary>
public sealed class SdpClientOptions
{
    /// <summary>How long a report or byte write may take.</summary>
    public TimeSpan WriteTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>How long to wait for each answer (HAB mode, status, data).</summary>
    public TimeSpan ResponseTimeout { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>
    /// How long jump-address listens after the HAB mode for the ROM's failure word (PROTOCOLS.md
    /// 7.3). The ROM sends it right after authenticating the image; success sends nothing.
    /// </summary>
    public TimeSpan JumpFailureWindow { get; init; } = TimeSpan.FromMilliseconds(250);
}
