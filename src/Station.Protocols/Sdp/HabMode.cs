namespace Station.Protocols.Sdp;

/// <summary>The security configuration the ROM reports before every answer (SDP report 3).</summary>
public enum HabMode : uint
{
    /// <summary>HAB open: the device runs unsigned images (0x56787856).</summary>
    Open = SdpResponseValue.HabOpen,

    /// <summary>HAB closed: the device runs only signed images (0x12343412).</summary>
    Closed = SdpResponseValue.HabClosed,
}
