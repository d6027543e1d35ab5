namespace Station.Protocols.MBoot;

/// <summary>
/// The device answered a command with a non-success status. The session stays usable: the
/// exchange completed. <see cref="IsTransient"/> comes from <see cref="MBootStatus.IsTransient"/>.
/// </summary>
public sealed class MBootCommandException : DeviceException
{
    /// <summary>Creates the exception for <paramref name="command"/> failing with <paramref name="status"/>.</summary>
    public MBootCommandException(string deviceAddress, MBootCommandTag command, MBootStatusCode status)
        : base(deviceAddress, $"{command} on {deviceAddress} failed with status {MBootStatus.Format(status)}.")
    {
        Command = command;
        Status = status;
    }

    /// <summary>The command that failed.</summary>
    public MBootCommandTag Command { get; }

    /// <summary>The device's status word.</summary>
    public MBootStatusCode Status { get; }

    /// <inheritdoc />
    public override bool IsTransient => MBootStatus.IsTransient(Status);
}
