using Station.Protocols.Transport;

namespace Station.Simulator.MBoot;

/// <summary>
/// The RT10xx RAM flashloader's command processor (MCUBOOT bl_command.c) serving one host
/// session over one link. Commands without a data phase get one response; those with one get an
/// initial response, the data phase, and a final GenericResponse carrying the original tag.
/// Written from PROTOCOLS.md alone: it shares no code with the host clients.
/// </summary>
internal sealed partial class MBootDevice
{
    private readonly FlashloaderState _state;
    private readonly IMBootLink _link;

    public MBootDevice(FlashloaderState state, IMBootLink link)
    {
        _state = state;
        _link = link;
    }

    /// <summary>Serves commands until the host goes away or something ends the session.</summary>
    public async Task<SessionOutcome> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var packet = await _link.ReadCommandAsync(cancellationToken);
                await _state.Gate.WaitAsync(cancellationToken);
                try
                {
                    var outcome = await HandleAsync(packet, cancellationToken);
                    if (outcome is not null)
                    {
                        return outcome;
                    }
                }
                finally
                {
                    _state.Gate.Release();
                }
            }
        }
        catch (DeviceTransportException)
        {
            return SessionOutcome.HostGone;
        }
    }

    private async ValueTask<SessionOutcome?> HandleAsync(byte[] packet, CancellationToken cancellationToken)
    {
        if (_state.Faults.ShouldFire(FaultKind.Reset, out var resetOccurrence))
        {
            _state.Faults.Record(FaultKind.Reset, resetOccurrence, $"reset on command 0x{packet[0]:X2}");
            return SessionOutcome.Reset;
        }

        if (_state.Faults.ShouldFire(FaultKind.Stall, out var stallOccurrence))
        {
            var stall = Task.Delay(_state.Faults.Plan.StallDuration, _state.Pacer.TimeProvider, cancellationToken);
            _state.Faults.Record(FaultKind.Stall, stallOccurrence, $"silent for {_state.Faults.Plan.StallDuration} on command 0x{packet[0]:X2}");
            await stall;
        }

        if (!MBootCommandPacket.TryParse(packet, out var command))
        {
            await RespondAsync(MBootResponse.Generic(MBootStatus.InvalidArgument, packet[0]), cancellationToken);
            return null;
        }

        return await DispatchAsync(command, cancellationToken);
    }

    /// <summary>The command tags this flashloader has handlers for (the available-commands property).</summary>
    public static IReadOnlyList<MBootCommandTag> Supported { get; } =
    [
        MBootCommandTag.FlashEraseAll, MBootCommandTag.FlashEraseRegion, MBootCommandTag.ReadMemory,
        MBootCommandTag.WriteMemory, MBootCommandTag.FillMemory, MBootCommandTag.GetProperty,
        MBootCommandTag.Execute, MBootCommandTag.Call, MBootCommandTag.Reset, MBootCommandTag.SetProperty,
        MBootCommandTag.FlashProgramOnce, MBootCommandTag.FlashReadOnce, MBootCommandTag.ConfigureMemory,
    ];

    private async ValueTask<SessionOutcome?> DispatchAsync(MBootCommandPacket command, CancellationToken cancellationToken)
    {
        var memory = _state.Memory;
        switch ((MBootCommandTag)command.Tag)
        {
            case MBootCommandTag.FlashEraseAll:
                return await GenericAsync(command, memory.EraseAll(command[0]), cancellationToken);
            case MBootCommandTag.FlashEraseRegion:
                return await GenericAsync(command, memory.Erase(command[0], command[1], command[2]), cancellationToken);
            case MBootCommandTag.FillMemory:
                return await GenericAsync(command, memory.Fill(command[0], command[1], command[2]), cancellationToken);
            case MBootCommandTag.ConfigureMemory:
                // Parameter order is memory id, then config block address (PROTOCOLS 3.2).
                return await GenericAsync(command, memory.Configure(command[0], command[1]), cancellationToken);
            case MBootCommandTag.ReadMemory:
                return await ReadMemoryAsync(command, cancellationToken);
            case MBootCommandTag.WriteMemory:
                return await WriteMemoryAsync(command, cancellationToken);
            case MBootCommandTag.GetProperty:
                await GetPropertyAsync(command, cancellationToken);
                return null;
            case MBootCommandTag.SetProperty:
                return await GenericAsync(command, SetProperty(command[0]), cancellationToken);
            case MBootCommandTag.FlashProgramOnce:
                return await GenericAsync(command, ProgramOnce(command[0], command[1], command[2]), cancellationToken);
            case MBootCommandTag.FlashReadOnce:
                await ReadOnceAsync(command, cancellationToken);
                return null;
            case MBootCommandTag.Execute:
                return await ExecuteAsync(command, cancellationToken);
            case MBootCommandTag.Call:
                return await CallAsync(command, cancellationToken);
            case MBootCommandTag.Reset:
                await RespondAsync(MBootResponse.Generic(MBootStatus.Success, command.Tag), cancellationToken);
                await _link.FinalizeAsync(cancellationToken); // wait for the host's ACK, then NVIC_SystemReset
                return SessionOutcome.Reset;
            default:
                // No handler (security disable, receive-sb-file, read-resource, key blobs, …, or
                // outside 0x01..0x15): bl_command.c handle_command answers kStatus_UnknownCommand.
                return await GenericAsync(command, MBootStatus.UnknownCommand, cancellationToken);
        }
    }

    private async ValueTask<SessionOutcome?> GenericAsync(MBootCommandPacket command, MBootStatus status, CancellationToken cancellationToken)
    {
        await RespondAsync(MBootResponse.Generic(status, command.Tag), cancellationToken);
        return null;
    }

    private async ValueTask RespondAsync(byte[] packet, CancellationToken cancellationToken)
    {
        var truncated = _state.Faults.ShouldFire(FaultKind.ShortResponse, out var occurrence);
        if (truncated)
        {
            _state.Faults.Record(FaultKind.ShortResponse, occurrence, $"response 0x{packet[0]:X2} truncated");
        }

        await _link.WriteResponseAsync(packet, truncated, cancellationToken);
    }

    /// <summary>Draws the disconnect fault for a data phase of <paramref name="byteCount"/> bytes: the packet index to vanish at, or -1.</summary>
    private int DrawDisconnect(long byteCount)
    {
        if (!_state.Faults.ShouldFire(FaultKind.Disconnect, out var occurrence))
        {
            return -1;
        }

        var packets = (int)Math.Max(1, (byteCount + _link.MaxPacketSize - 1) / _link.MaxPacketSize);
        var at = _state.Faults.Choose(packets);
        _state.Faults.Record(FaultKind.Disconnect, occurrence, $"device end gone before data packet {at + 1} of {packets}");
        return at;
    }
}
