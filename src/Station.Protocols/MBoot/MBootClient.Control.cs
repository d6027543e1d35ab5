namespace Station.Protocols.MBoot;

public sealed partial class MBootClient
{
    /// <summary>
    /// <c>reset</c>: the device answers, then resets. The RT10xx RAM flashloader is gone afterwards
    /// and the USB device disappears; open a new session on whatever enumerates next.
    /// </summary>
    public Task ResetAsync(CancellationToken cancellationToken) =>
        RunAsync(token => RunGenericAsync(new MBootCommand(MBootCommandTag.Reset, false, []), _options.ResponseTimeout, token), cancellationToken);

    /// <summary><c>execute</c>: the device answers, then jumps to <paramref name="jumpAddress"/> with <paramref name="argument"/> and <paramref name="stackPointer"/>.</summary>
    public Task ExecuteAsync(uint jumpAddress, uint argument, uint stackPointer, CancellationToken cancellationToken)
    {
        var command = new MBootCommand(MBootCommandTag.Execute, false, [jumpAddress, argument, stackPointer]);
        return RunAsync(token => RunGenericAsync(command, _options.ResponseTimeout, token), cancellationToken);
    }

    /// <summary><c>call</c>: the device calls <paramref name="address"/> with <paramref name="argument"/> and answers with its result status.</summary>
    public Task CallAsync(uint address, uint argument, CancellationToken cancellationToken)
    {
        var command = new MBootCommand(MBootCommandTag.Call, false, [address, argument]);
        return RunAsync(token => RunGenericAsync(command, _options.ResponseTimeout, token), cancellationToken);
    }
}
