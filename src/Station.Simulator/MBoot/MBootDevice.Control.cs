namespace Station.Simulator.MBoot;

internal sealed partial class MBootDevice
{
    /// <summary>
    /// execute (MCUBOOT handle_execute): the jump address must be RAM or configured NOR, the stack
    /// pointer 0 or RAM (else 4); the response goes out first, then the MCU runs the application.
    /// </summary>
    private async ValueTask<SessionOutcome?> ExecuteAsync(MBootCommandPacket command, CancellationToken cancellationToken)
    {
        var (address, stackPointer) = (command[0], command[2]);
        var valid = _state.Memory.IsValidApplicationAddress(address)
            && (stackPointer == 0 || _state.Hardware.IsRam(stackPointer, 1));
        await RespondAsync(MBootResponse.Generic(valid ? MBootStatus.Success : MBootStatus.InvalidArgument, command.Tag), cancellationToken);
        if (!valid)
        {
            return null;
        }

        await _link.FinalizeAsync(cancellationToken);
        return SessionOutcome.Executed;
    }

    /// <summary>
    /// call (MCUBOOT handle_call): the address is validated like execute's; the simulator cannot
    /// run the code, so the called function is modelled as returning kStatus_Success at once.
    /// </summary>
    private async ValueTask<SessionOutcome?> CallAsync(MBootCommandPacket command, CancellationToken cancellationToken)
    {
        var status = _state.Memory.IsValidApplicationAddress(command[0]) ? MBootStatus.Success : MBootStatus.InvalidArgument;
        await RespondAsync(MBootResponse.Generic(status, command.Tag), cancellationToken);
        return null;
    }
}
