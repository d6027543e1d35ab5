using Station.Protocols.Transport;

namespace Station.Simulator.Sdp;

/// <summary>
/// The i.MX RT boot ROM's serial downloader (PROTOCOLS 7 and 8) serving one host session over
/// one link: every command gets the HAB mode first, then its status or data. A jump to a valid
/// IVT ends the session (the board re-enumerates as the flashloader); a jump to anything else is
/// answered with the HAB failure status 0x33333333 on report 4 and the ROM stays in charge.
/// Written from PROTOCOLS.md alone: it shares no code with the host clients.
/// </summary>
internal sealed partial class SdpRom
{
    private readonly RomState _state;
    private readonly ISdpLink _link;

    public SdpRom(RomState state, ISdpLink link)
    {
        _state = state;
        _link = link;
    }

    public async Task<SessionOutcome> RunAsync(CancellationToken cancellationToken)
    {
        try
        {
            while (true)
            {
                var command = SdpCommand.Decode(await _link.ReadCommandAsync(cancellationToken));
                await _state.Gate.WaitAsync(cancellationToken);
                try
                {
                    if (_state.Faults.ShouldFire(FaultKind.RomStall, out var occurrence))
                    {
                        var stall = Task.Delay(_state.Faults.Plan.StallDuration, _state.Pacer.TimeProvider, cancellationToken);
                        _state.Faults.Record(FaultKind.RomStall, occurrence, $"ROM silent for {_state.Faults.Plan.StallDuration} on {command}");
                        await stall;
                    }

                    var outcome = await DispatchAsync(command, cancellationToken);
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

    private async ValueTask<SessionOutcome?> DispatchAsync(SdpCommand command, CancellationToken cancellationToken)
    {
        switch ((SdpCommandType)command.Type)
        {
            case SdpCommandType.ReadRegister:
                await SendHabAsync(cancellationToken);
                await _link.WriteReadDataAsync(_state.Registers.Read(command.Address, (int)command.Count), cancellationToken);
                return null;
            case SdpCommandType.WriteRegister:
                _state.Registers.Write(command.Address, command.Data, WidthOf(command.Format));
                await ReplyAsync(SdpStatus.WriteComplete, cancellationToken);
                return null;
            case SdpCommandType.ErrorStatus:
                await ReplyAsync(_state.ErrorStatus, cancellationToken);
                return null;
            case SdpCommandType.SkipDcdHeader:
                _state.SkipDcd = true;
                await ReplyAsync(SdpStatus.SkipDcdComplete, cancellationToken);
                return null;
            case SdpCommandType.SetBaudRate when _link.IsSerial:
                await ReplyAsync(SdpStatus.BaudRateSet, cancellationToken);
                return null;
            case SdpCommandType.WriteFile:
                return await ReceiveAsync(command, SdpStatus.FileComplete, cancellationToken);
            case SdpCommandType.WriteCsf:
                return await ReceiveAsync(command, SdpStatus.WriteComplete, cancellationToken);
            case SdpCommandType.DcdWrite:
                return await ReceiveAsync(command, SdpStatus.WriteComplete, cancellationToken);
            case SdpCommandType.JumpAddress:
                return await JumpAsync(command.Address, cancellationToken);
            default:
                // Not an SDP command this ROM knows: it is dropped without a reply (the host times out).
                return null;
        }
    }

    private static int WidthOf(byte format) => format switch
    {
        0x08 => 1,
        0x10 => 2,
        _ => 4,
    };

    private async ValueTask ReplyAsync(uint status, CancellationToken cancellationToken)
    {
        await SendHabAsync(cancellationToken);
        await _link.WriteStatusAsync(status, cancellationToken);
    }

    private async ValueTask SendHabAsync(CancellationToken cancellationToken)
    {
        var truncated = _state.Faults.ShouldFire(FaultKind.RomShortResponse, out var occurrence);
        if (truncated)
        {
            _state.Faults.Record(FaultKind.RomShortResponse, occurrence, "HAB mode report cut to 2 bytes");
        }

        await _link.WriteHabAsync(_state.HabMode, truncated, cancellationToken);
    }
}
