using System.Buffers.Binary;

namespace Station.Images.Imxrt;

public sealed partial class FlexSpiNorConfig
{
    // The read LUT every hand-written QSPI FCB uses (IMAGES.md A.2): CMD_SDR 1-pad 0xEB, RADDR_SDR
    // 4-pad 24 bits, DUMMY_SDR 4-pad 6 (2 mode + 4 wait clocks), READ_SDR 4-pad.
    private static readonly (int Sequence, uint[] Words)[] QuadSpiLut =
    [
        (0, [0x0A1804EB, 0x26043206]), // read (the only one the ROM needs for XIP)
        (1, [0x24040405]), // read status: CMD 0x05, READ 1-pad
        (3, [0x00000406]), // write enable: CMD 0x06
        (5, [0x08180420]), // sector erase: CMD 0x20 + 24-bit address
        (8, [0x081804D8]), // block erase: CMD 0xD8 + 24-bit address
        (9, [0x08180402, 0x00002004]), // page program: CMD 0x02 + address, WRITE 1-pad
        (11, [0x00000460]), // chip erase: CMD 0x60
    ];

    /// <summary>
    /// Generates the FCB NXP's tools use for a 1-4-4 quad SPI NOR of up to 16 MiB (IMAGES.md A.2):
    /// loopback from the DQS pad, 3/3 CS hold/setup, safe-config-freq, 4 pads, 256-byte pages, 4 KiB
    /// sectors, 64 KiB blocks, and the quad read LUT. The result is byte-identical to SPT's
    /// <c>flex_spi.fcb</c> (IS25WP064, code 7) and NXP-MCUBootFlasher's RT1064 W25Q32JV block.
    /// </summary>
    /// <param name="preset">The flash part.</param>
    /// <param name="device">The SoC; it decides what the clock code means.</param>
    /// <param name="serialClockMhz">
    /// Read clock. Null picks code 7 (what NXP's FCBs use: 120 MHz on RT106x, 133 MHz on RT102x/RT105x),
    /// or the fastest code the flash allows if code 7 is too fast for it.
    /// </param>
    /// <exception cref="ArgumentException">The frequency is not one the SoC's ROM offers, or the flash is slower.</exception>
    public static FlexSpiNorConfig FromPreset(FlashPreset preset, ImxrtDevice device, int? serialClockMhz = null)
    {
        ArgumentNullException.ThrowIfNull(preset);
        ArgumentNullException.ThrowIfNull(device);
        var code = ClockCode(preset, device, serialClockMhz);
        var bytes = new byte[Length];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span[0x000..], ExpectedTag);
        BinaryPrimitives.WriteUInt32LittleEndian(span[0x004..], DefaultVersion);
        span[0x00C] = 1; // readSampleClkSrc: loopback from DQS pad
        span[0x00D] = 3; // csHoldTime
        span[0x00E] = 3; // csSetupTime
        BinaryPrimitives.WriteUInt32LittleEndian(span[0x040..], 0x10); // controllerMiscOption: safe-config-freq
        span[0x044] = 1; // deviceType: serial NOR
        span[0x045] = 4; // sflashPadType: quad
        span[0x046] = code; // serialClkFreq
        BinaryPrimitives.WriteUInt32LittleEndian(span[0x050..], preset.SizeBytes); // sflashA1Size
        foreach (var (sequence, words) in QuadSpiLut)
        {
            for (var i = 0; i < words.Length; i++)
            {
                BinaryPrimitives.WriteUInt32LittleEndian(span[(LookupTableOffset + (16 * sequence) + (4 * i))..], words[i]);
            }
        }

        BinaryPrimitives.WriteUInt32LittleEndian(span[0x1C0..], preset.PageSize);
        BinaryPrimitives.WriteUInt32LittleEndian(span[0x1C4..], preset.SectorSize);
        span[0x1C8] = 1; // ipcmdSerialClkFreq: 30 MHz for erase/program
        BinaryPrimitives.WriteUInt32LittleEndian(span[0x1D0..], preset.BlockSize);
        return new FlexSpiNorConfig(bytes, $"preset {preset.Name}");
    }

    private static byte ClockCode(FlashPreset preset, ImxrtDevice device, int? serialClockMhz)
    {
        if (serialClockMhz is { } mhz)
        {
            var index = device.SerialClockMhz.ToList().IndexOf(mhz);
            if (index < 0)
            {
                throw new ArgumentException($"{device.Name} has no {mhz} MHz FlexSPI clock; it offers {string.Join(", ", device.SerialClockMhz)} MHz", nameof(serialClockMhz));
            }

            if (mhz > preset.MaxQuadReadMhz)
            {
                throw new ArgumentException($"{preset.Name} reads at up to {preset.MaxQuadReadMhz} MHz in quad mode, not {mhz} MHz", nameof(serialClockMhz));
            }

            return (byte)(index + 1);
        }

        const byte NxpDefault = 7;
        if (device.ClockMhz(NxpDefault) is { } nxpMhz && nxpMhz <= preset.MaxQuadReadMhz)
        {
            return NxpDefault;
        }

        for (var code = device.SerialClockMhz.Count; code >= 1; code--)
        {
            if (device.SerialClockMhz[code - 1] <= preset.MaxQuadReadMhz)
            {
                return (byte)code;
            }
        }

        throw new ArgumentException($"{preset.Name} is slower than every FlexSPI clock of {device.Name}", nameof(preset));
    }
}
