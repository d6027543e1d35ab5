using System.Globalization;

namespace Station.Protocols.Sdp;

/// <summary>The ROM answered a command with a status other than the one that means success.</summary>
public sealed class SdpCommandException : DeviceException
{
    /// <summary>Creates the exception.</summary>
    public SdpCommandException(string deviceAddress, SdpCommandType command, HabMode habMode, uint status, uint expected)
        : base(deviceAddress, string.Create(
            CultureInfo.InvariantCulture,
            $"SDP {command} on {deviceAddress} answered 0x{status:X8} instead of 0x{expected:X8} (HAB {habMode}).{Hint(habMode, command)}"))
    {
        Command = command;
        HabMode = habMode;
        Status = status;
    }

    /// <summary>The command that failed.</summary>
    public SdpCommandType Command { get; }

    /// <summary>The HAB mode reported with the answer.</summary>
    public HabMode HabMode { get; }

    /// <summary>The status word the ROM sent.</summary>
    public uint Status { get; }

    /// <summary>The ROM refuses for a reason that does not change on retry (e.g. HAB closed, bad address).</summary>
    public override bool IsTransient => false;

    private static string Hint(HabMode habMode, SdpCommandType command) =>
        habMode == HabMode.Closed && command is SdpCommandType.WriteFile or SdpCommandType.DcdWrite or SdpCommandType.JumpAddress
            ? " The device is HAB closed: it accepts only signed images and DCDs."
            : string.Empty;
}
