using System.Numerics;
using Station.Simulator.Timing;

namespace Station.Simulator.MBoot;

internal sealed partial class MBootDevice
{
    private const uint LockFlag = 1u << 24;
    private const int OtpWordBytes = 4;

    /// <summary>
    /// efuse-program-once (PROTOCOLS 3.4; MCUBOOT handle_flash_program_once, OCOTP branch): the
    /// index must be a fuse word and the byte count 4 (else 4); bit 24 of the index asks for the
    /// word to be locked after programming. A locked word makes the controller fail (20201); the
    /// read-back check (read &amp; value) != value also answers 20201.
    /// </summary>
    private MBootStatus ProgramOnce(uint rawIndex, uint byteCount, uint value)
    {
        var fuses = _state.Hardware.Fuses;
        var index = rawIndex & ~LockFlag;
        if (index >= fuses.WordCount || byteCount != OtpWordBytes)
        {
            return MBootStatus.InvalidArgument;
        }

        var missed = 0u;
        if (_state.Faults.ShouldFire(FaultKind.OtpFailure, out var occurrence))
        {
            var toBurn = value & ~fuses.Read((int)index);
            if (toBurn != 0)
            {
                missed = 1u << BitOperations.TrailingZeroCount(toBurn);
                _state.Faults.Record(FaultKind.OtpFailure, occurrence, $"fuse word {index} bit 0x{missed:X8} not burned");
            }
        }

        _state.Pacer.Charge(DeviceTimeCategory.OtpProgram, _state.Timing.OtpProgramWord);
        if (!fuses.Program((int)index, value, (rawIndex & LockFlag) != 0, missed))
        {
            return MBootStatus.OcotpProgramFailure;
        }

        return (fuses.Read((int)index) & value) != value ? MBootStatus.OcotpProgramFailure : MBootStatus.Success;
    }

    /// <summary>efuse-read-once: FlashReadOnceResponse(status, 4, word), or (4, 0) for a bad index or count.</summary>
    private async ValueTask ReadOnceAsync(MBootCommandPacket command, CancellationToken cancellationToken)
    {
        var fuses = _state.Hardware.Fuses;
        var (index, byteCount) = (command[0], command[1]);
        var response = index < fuses.WordCount && byteCount == OtpWordBytes
            ? MBootResponse.FlashReadOnce(MBootStatus.Success, [fuses.Read((int)index)])
            : MBootResponse.FlashReadOnce(MBootStatus.InvalidArgument, []);
        await RespondAsync(response, cancellationToken);
    }
}
