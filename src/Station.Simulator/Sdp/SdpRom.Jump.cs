using System.Buffers.Binary;
using System.Globalization;

namespace Station.Simulator.Sdp;

internal sealed partial class SdpRom
{
    /// <summary>
    /// JUMP_ADDRESS (the address is the IVT's): the HAB mode goes out first; then the IVT must be
    /// in RAM with tag 0xD1, length 0x20, version 0x4x, self = the address, entry in RAM, boot data
    /// (if any) describing an image in RAM, a DCD (unless skipped) that runs, and on a closed part
    /// a CSF pointer (signatures themselves are not checked). On success the board runs the image,
    /// which the simulator always takes to be the flashloader. On failure report 4 carries
    /// 0x33333333 and ERROR_STATUS reports it from then on.
    /// </summary>
    private async ValueTask<SessionOutcome?> JumpAsync(uint address, CancellationToken cancellationToken)
    {
        await SendHabAsync(cancellationToken);
        var image = Validate(address);
        if (image is not null && _state.Faults.ShouldFire(FaultKind.JumpFailure, out var jumpOccurrence))
        {
            _state.Faults.Record(FaultKind.JumpFailure, jumpOccurrence, string.Create(CultureInfo.InvariantCulture, $"jump to 0x{address:X8} rejected"));
            image = null;
        }

        if (image is null)
        {
            _state.ErrorStatus = SdpStatus.HabFailure;
            await _link.WriteStatusAsync(SdpStatus.HabFailure, cancellationToken);
            return null;
        }

        if (_state.Faults.ShouldFire(FaultKind.BootFailure, out var bootOccurrence))
        {
            _state.Faults.Record(FaultKind.BootFailure, bootOccurrence, string.Create(CultureInfo.InvariantCulture, $"image at 0x{address:X8} never enumerates"));
            return SessionOutcome.BootFailed;
        }

        return new SessionOutcome(SessionEnd.Jumped, image);
    }

    private LoadedImage? Validate(uint address)
    {
        var hardware = _state.Hardware;
        var bytes = new byte[ImageVectorTable.Length];
        if (!hardware.TryReadRam(address, bytes)
            || !ImageVectorTable.TryDecode(bytes, out var ivt)
            || ivt.Self != address
            || !hardware.IsRam(ivt.Entry & ~1u, 2))
        {
            return null;
        }

        var image = new LoadedImage(address, ImageVectorTable.Length, address);
        if (ivt.BootData != 0)
        {
            // Boot data: start, length, plugin flag (u32 LE each).
            var bootData = new byte[3 * sizeof(uint)];
            if (!hardware.TryReadRam(ivt.BootData, bootData))
            {
                return null;
            }

            var start = BinaryPrimitives.ReadUInt32LittleEndian(bootData);
            var size = BinaryPrimitives.ReadUInt32LittleEndian(bootData.AsSpan(4));
            if (size == 0 || size > int.MaxValue || !hardware.IsRam(start, size))
            {
                return null;
            }

            image = new LoadedImage(start, (int)size, address);
        }

        if (ivt.Dcd != 0 && !_state.SkipDcd && !RunImageDcd(ivt.Dcd))
        {
            return null;
        }

        return _state.Hab == HabState.Closed && ivt.Csf == 0 ? null : image;
    }

    private bool RunImageDcd(uint dcdAddress)
    {
        var header = new byte[4];
        if (!_state.Hardware.TryReadRam(dcdAddress, header))
        {
            return false;
        }

        var dcd = new byte[BinaryPrimitives.ReadUInt16BigEndian(header.AsSpan(1))];
        return _state.Hardware.TryReadRam(dcdAddress, dcd) && DcdProgram.TryRun(dcd, _state.Registers);
    }
}
