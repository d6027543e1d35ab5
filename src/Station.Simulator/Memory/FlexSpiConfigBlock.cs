using System.Buffers.Binary;

namespace Station.Simulator.Memory;

/// <summary>
/// The 512-byte FlexSPI NOR configuration block (<c>flexspi_nor_config_t</c>, PROTOCOLS 6.2):
/// builds the one the flashloader derives from an option word, and reads the geometry out of one.
/// The quad SPI layout matches the FCB NXP's flashloader writes for the RT1064's W25Q32JV
/// (tests/TestData/fcb/mimxrt1064_sip_w25q32jv.fcb); the HyperFlash one only carries the header
/// fields and the read sequence (enough for the simulator, not for booting real silicon).
/// </summary>
internal static class FlexSpiConfigBlock
{
    public const int Size = 512;
    public const uint Tag = 0x4246_4346;        // 'FCFB'
    public const uint Version = 0x5601_0400;     // 'V' 1.4.0

    // Offsets in flexspi_nor_config_t (MCUBOOT flexspi_nor_flash.h).
    private const int TagOffset = 0x000;
    private const int VersionOffset = 0x004;
    private const int ReadSampleClockSourceOffset = 0x00C;
    private const int CsHoldTimeOffset = 0x00D;
    private const int CsSetupTimeOffset = 0x00E;
    private const int ColumnAddressWidthOffset = 0x00F;
    private const int ControllerMiscOptionOffset = 0x040;
    private const int DeviceTypeOffset = 0x044;
    private const int PadTypeOffset = 0x045;
    private const int SerialClockFrequencyOffset = 0x046;
    private const int LutCustomSequenceEnableOffset = 0x047;
    private const int FlashA1SizeOffset = 0x050;
    private const int FlashA2SizeOffset = 0x054;
    private const int FlashB1SizeOffset = 0x058;
    private const int FlashB2SizeOffset = 0x05C;
    private const int BusyOffsetOffset = 0x07C;
    private const int BusyBitPolarityOffset = 0x07E;
    private const int LookupTableOffset = 0x080;  // 16 sequences × 4 words
    private const int PageSizeOffset = 0x1C0;
    private const int SectorSizeOffset = 0x1C4;
    private const int IpCommandClockFrequencyOffset = 0x1C8;
    private const int UniformBlockSizeOffset = 0x1C9;
    private const int BlockSizeOffset = 0x1D0;

    // LUT instructions: (opcode << 10) | (pads << 8) | operand, two per 32-bit word.
    private static readonly (int Sequence, ushort[] Instructions)[] QuadSpiLut =
    [
        (0, [0x04EB, 0x0A18, 0x3206, 0x2604]),   // read: CMD 0xEB, RADDR 24 bits on 4 pads, 6 dummy cycles, READ
        (1, [0x0405, 0x2404]),                   // read status: CMD 0x05, READ 1 pad
        (3, [0x0406]),                           // write enable: CMD 0x06
        (5, [0x0420, 0x0818]),                   // sector erase: CMD 0x20, RADDR 24
        (8, [0x04D8, 0x0818]),                   // block erase: CMD 0xD8, RADDR 24
        (9, [0x0402, 0x0818, 0x2004]),           // page program: CMD 0x02, RADDR 24, WRITE
        (11, [0x0460]),                          // chip erase: CMD 0x60
    ];

    private static readonly (int Sequence, ushort[] Instructions)[] HyperFlashLut =
    [
        (0, [0x87A0, 0x8B18, 0x8F10, 0xB306, 0xA704]), // read: CMD_DDR A0, RADDR_DDR 24, CADDR_DDR 16, DUMMY, READ_DDR
    ];

    /// <summary>The block the flashloader builds for <paramref name="flash"/> from option0's max_freq index.</summary>
    public static byte[] FromOption(FlashDevice flash, int maxFrequency)
    {
        var block = new byte[Size];
        var span = block.AsSpan();
        BinaryPrimitives.WriteUInt32LittleEndian(span[TagOffset..], Tag);
        BinaryPrimitives.WriteUInt32LittleEndian(span[VersionOffset..], Version);
        span[CsHoldTimeOffset] = 3;
        span[CsSetupTimeOffset] = 3;
        span[DeviceTypeOffset] = 1;                  // serial NOR
        span[SerialClockFrequencyOffset] = (byte)maxFrequency;
        BinaryPrimitives.WriteUInt32LittleEndian(span[FlashA1SizeOffset..], (uint)flash.Size);
        BinaryPrimitives.WriteUInt32LittleEndian(span[PageSizeOffset..], (uint)flash.PageSize);
        BinaryPrimitives.WriteUInt32LittleEndian(span[SectorSizeOffset..], (uint)flash.SectorSize);
        span[IpCommandClockFrequencyOffset] = 1;
        BinaryPrimitives.WriteUInt32LittleEndian(span[BlockSizeOffset..], (uint)flash.BlockSize);

        if (flash.Kind == FlashKind.HyperFlash)
        {
            span[ReadSampleClockSourceOffset] = 3;   // external DQS
            span[ColumnAddressWidthOffset] = 3;
            BinaryPrimitives.WriteUInt32LittleEndian(span[ControllerMiscOptionOffset..], 0x59);
            span[PadTypeOffset] = 8;
            span[LutCustomSequenceEnableOffset] = 1;
            BinaryPrimitives.WriteUInt16LittleEndian(span[BusyOffsetOffset..], 15);
            BinaryPrimitives.WriteUInt16LittleEndian(span[BusyBitPolarityOffset..], 1);
            span[UniformBlockSizeOffset] = 1;
            WriteLut(span, HyperFlashLut);
        }
        else
        {
            span[ReadSampleClockSourceOffset] = 1;   // loopback from DQS pad
            BinaryPrimitives.WriteUInt32LittleEndian(span[ControllerMiscOptionOffset..], 0x10);
            span[PadTypeOffset] = 4;                 // quad
            WriteLut(span, QuadSpiLut);
        }

        return block;
    }

    /// <summary>Geometry from a complete FCB; false when it is not one or its numbers make no sense.</summary>
    public static bool TryReadGeometry(ReadOnlySpan<byte> block, out FlashGeometry geometry)
    {
        geometry = default;
        if (block.Length < Size || BinaryPrimitives.ReadUInt32LittleEndian(block) != Tag)
        {
            return false;
        }

        var total = (long)BinaryPrimitives.ReadUInt32LittleEndian(block[FlashA1SizeOffset..])
            + BinaryPrimitives.ReadUInt32LittleEndian(block[FlashA2SizeOffset..])
            + BinaryPrimitives.ReadUInt32LittleEndian(block[FlashB1SizeOffset..])
            + BinaryPrimitives.ReadUInt32LittleEndian(block[FlashB2SizeOffset..]);
        var page = BinaryPrimitives.ReadUInt32LittleEndian(block[PageSizeOffset..]);
        var sector = BinaryPrimitives.ReadUInt32LittleEndian(block[SectorSizeOffset..]);
        var blockSize = BinaryPrimitives.ReadUInt32LittleEndian(block[BlockSizeOffset..]);
        if (total <= 0 || !IsPowerOfTwo(page) || page > 1024 || !IsPowerOfTwo(sector) || sector < page)
        {
            return false;
        }

        geometry = new FlashGeometry(total, (int)page, (int)sector, (int)blockSize, block[SerialClockFrequencyOffset]);
        return true;
    }

    private static bool IsPowerOfTwo(uint value) => value != 0 && (value & (value - 1)) == 0;

    private static void WriteLut(Span<byte> block, (int Sequence, ushort[] Instructions)[] lut)
    {
        foreach (var (sequence, instructions) in lut)
        {
            var offset = LookupTableOffset + (sequence * 16);
            for (var i = 0; i < instructions.Length; i++)
            {
                BinaryPrimitives.WriteUInt16LittleEndian(block[(offset + (2 * i))..], instructions[i]);
            }
        }
    }
}
