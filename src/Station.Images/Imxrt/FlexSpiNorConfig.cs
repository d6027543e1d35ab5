using System.Buffers.Binary;

namespace Station.Images.Imxrt;

/// <summary>
/// The 512-byte FlexSPI NOR configuration block (FCB, <c>flexspi_nor_config_t</c>, tag "FCFB") the
/// ROM reads from flash offset 0 (0x400 on RT1010). Field offsets: IMAGES.md A.1.1. Parsing keeps
/// the exact bytes; the properties are views of them.
/// </summary>
public sealed partial class FlexSpiNorConfig
{
    /// <summary>Size of the block.</summary>
    public const int Length = 0x200;

    /// <summary>"FCFB" read as a little-endian word.</summary>
    public const uint ExpectedTag = 0x4246_4346;

    /// <summary>Version 'V' 1.4.0, as SPT, the SDK and the flashloader write it.</summary>
    public const uint DefaultVersion = 0x5601_0400;

    private const int LookupTableOffset = 0x80;
    private const int LookupTableWords = 64; // 16 sequences x 4 words

    private readonly byte[] _bytes;

    private FlexSpiNorConfig(byte[] bytes, string source)
    {
        _bytes = bytes;
        Source = source;
    }

    /// <summary>Where the block came from: a file name, or "preset NAME".</summary>
    public string Source { get; }

    /// <summary>The 512 bytes.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>0x000 tag; <see cref="ExpectedTag"/> when valid.</summary>
    public uint Tag => U32(0x000);

    /// <summary>0x004 version, 0x56 ('V') in the top byte, then major, minor, bugfix.</summary>
    public uint Version => U32(0x004);

    /// <summary>0x00C readSampleClkSrc: 0 internal loopback, 1 DQS pad loopback, 2 SCK pad, 3 external DQS.</summary>
    public byte ReadSampleClockSource => _bytes[0x00C];

    /// <summary>0x00D csHoldTime.</summary>
    public byte CsHoldTime => _bytes[0x00D];

    /// <summary>0x00E csSetupTime.</summary>
    public byte CsSetupTime => _bytes[0x00E];

    /// <summary>0x00F columnAddressWidth (3 for HyperBus).</summary>
    public byte ColumnAddressWidth => _bytes[0x00F];

    /// <summary>0x010 deviceModeCfgEnable: run deviceModeSeq at boot (e.g. set QE).</summary>
    public byte DeviceModeConfigEnable => _bytes[0x010];

    /// <summary>0x011 deviceModeType (1 QuadEnable, …).</summary>
    public byte DeviceModeType => _bytes[0x011];

    /// <summary>0x014 deviceModeSeq (byte 0 seqNum, byte 1 seqId).</summary>
    public uint DeviceModeSequence => U32(0x014);

    /// <summary>0x018 deviceModeArg.</summary>
    public uint DeviceModeArgument => U32(0x018);

    /// <summary>0x01C configCmdEnable.</summary>
    public byte ConfigCommandEnable => _bytes[0x01C];

    /// <summary>0x040 controllerMiscOption (bit 4 safe-config-freq, bit 6 DDR, …).</summary>
    public uint ControllerMiscOption => U32(0x040);

    /// <summary>0x044 deviceType: 1 serial NOR, 2 NAND, 3 RAM/HyperFlash.</summary>
    public byte DeviceType => _bytes[0x044];

    /// <summary>0x045 sflashPadType: 1, 2, 4 or 8 data lines.</summary>
    public byte SerialFlashPadType => _bytes[0x045];

    /// <summary>0x046 serialClkFreq: a per-SoC code (see <see cref="ImxrtDevice.ClockMhz"/>).</summary>
    public byte SerialClockFrequency => _bytes[0x046];

    /// <summary>0x047 lutCustomSeqEnable.</summary>
    public byte LutCustomSequenceEnable => _bytes[0x047];

    /// <summary>0x050 sflashA1Size in bytes.</summary>
    public uint FlashA1Size => U32(0x050);

    /// <summary>0x054 sflashA2Size.</summary>
    public uint FlashA2Size => U32(0x054);

    /// <summary>0x058 sflashB1Size.</summary>
    public uint FlashB1Size => U32(0x058);

    /// <summary>0x05C sflashB2Size.</summary>
    public uint FlashB2Size => U32(0x05C);

    /// <summary>0x1C0 pageSize.</summary>
    public uint PageSize => U32(0x1C0);

    /// <summary>0x1C4 sectorSize.</summary>
    public uint SectorSize => U32(0x1C4);

    /// <summary>0x1C8 ipcmdSerialClkFreq (0 = same as serialClkFreq).</summary>
    public byte IpCommandSerialClockFrequency => _bytes[0x1C8];

    /// <summary>0x1C9 isUniformBlockSize.</summary>
    public byte IsUniformBlockSize => _bytes[0x1C9];

    /// <summary>0x1CC serialNorType: 0 SPI, 1 HyperBus, 2 XPI, 3 NoCmd.</summary>
    public byte SerialNorType => _bytes[0x1CC];

    /// <summary>0x1D0 blockSize.</summary>
    public uint BlockSize => U32(0x1D0);

    /// <summary>Total flash behind the controller (A1 + A2 + B1 + B2).</summary>
    public ulong TotalFlashSize => (ulong)FlashA1Size + FlashA2Size + FlashB1Size + FlashB2Size;

    /// <summary>Whether the tag reads "FCFB".</summary>
    public bool HasValidTag => Tag == ExpectedTag;

    /// <summary>The 64 LUT words (16 sequences of 4) at 0x080.</summary>
    public IReadOnlyList<uint> LookupTable => Enumerable.Range(0, LookupTableWords).Select(i => U32(LookupTableOffset + (4 * i))).ToArray();

    /// <summary>The instructions of LUT sequence <paramref name="index"/> up to the first STOP.</summary>
    public IReadOnlyList<FlexSpiLutInstruction> Sequence(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(index, 15);
        var result = new List<FlexSpiLutInstruction>();
        for (var i = 0; i < 8; i++)
        {
            // Sequence n starts at 0x80 + 16n; two 16-bit instructions per word, low half first.
            var instruction = FlexSpiLutInstruction.Decode(BinaryPrimitives.ReadUInt16LittleEndian(_bytes.AsSpan(LookupTableOffset + (16 * index) + (2 * i))));
            if (instruction.Opcode == FlexSpiLutOpcode.Stop)
            {
                break;
            }

            result.Add(instruction);
        }

        return result;
    }

    /// <summary>
    /// Reads an FCB from <paramref name="bytes"/>: exactly 512 bytes, or more if everything past 512
    /// is erased (0xFF) or zero (FCB files padded to a sector). The tag is not checked here; the
    /// builder and the linter do that.
    /// </summary>
    /// <exception cref="ImageFormatException">Too short, or more than an FCB.</exception>
    public static FlexSpiNorConfig Parse(ReadOnlySpan<byte> bytes, string name)
    {
        if (bytes.Length < Length)
        {
            throw new ImageFormatException(name, $"an FCB is {Length} bytes; this file has {bytes.Length}");
        }

        var rest = bytes[Length..];
        if (rest.ContainsAnyExcept((byte)0x00) && rest.ContainsAnyExcept((byte)0xFF))
        {
            throw new ImageFormatException(name, $"an FCB is {Length} bytes; this file has {bytes.Length} with data after byte 512 (is it a whole boot image?)");
        }

        return new FlexSpiNorConfig(bytes[..Length].ToArray(), name);
    }

    private uint U32(int offset) => BinaryPrimitives.ReadUInt32LittleEndian(_bytes.AsSpan(offset));
}
