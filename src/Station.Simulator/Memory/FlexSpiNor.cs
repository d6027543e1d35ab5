using System.Buffers.Binary;
using System.Globalization;
using Station.Simulator.Faults;
using Station.Simulator.MBoot;
using Station.Simulator.Timing;

namespace Station.Simulator.Memory;

/// <summary>
/// The flashloader's FlexSPI NOR driver state (MCUBOOT flexspi_nor_memory.c, PROTOCOLS 6.3):
/// configuration, the one-page write buffer, erase with sector alignment and erase-verify,
/// page programming with the cumulative-write check and program-verify, and FCB programming.
/// The NOR array itself is <see cref="BoardHardware.Flash"/>, which outlives the flashloader.
/// </summary>
internal sealed partial class FlexSpiNor
{
    /// <summary>configure-memory magic: program the current FCB to the base (PROTOCOLS 6.2).</summary>
    public const uint ProgramConfigBlockMagic = 0xF000_000F;

    // The FlexSPI AMBA window as the flashloader memory map lists it, up to 0x7F7FFFFF.
    private const uint WindowEnd = 0x7F7F_FFFF;

    private readonly BoardHardware _hardware;
    private readonly FlashDevice _chip;
    private readonly DevicePacer _pacer;
    private readonly FaultInjector _faults;
    private byte[] _configBlock = new byte[FlexSpiConfigBlock.Size];
    private FlashGeometry _geometry;
    private byte[] _pageBuffer = [];
    private bool _addingToBuffer;
    private uint _writeAddress;
    private int _offset;
    private uint? _failingPage;

    public FlexSpiNor(BoardHardware hardware, DevicePacer pacer, FaultInjector faults)
    {
        _hardware = hardware;
        _chip = hardware.Family.Flash;
        Base = hardware.Family.FlexSpiBase;
        _pacer = pacer;
        _faults = faults;
    }

    /// <summary>FlexSPI AMBA base (FLASH_CFG_BLOCK_BASE on RT10xx).</summary>
    public uint Base { get; }

    public bool IsConfigured { get; private set; }

    /// <summary>The last address of the map entry: the window before configuration, the flash after.</summary>
    public uint MapEnd => IsConfigured ? (uint)(Base + _geometry.Size - 1) : WindowEnd;

    public bool InWindow(uint address) => address >= Base && address <= WindowEnd;

    /// <summary>external-memory-attributes values (PROTOCOLS 5, tag 0x19) or 10205 before configuration.</summary>
    public MBootStatus GetAttributes(out uint[] values)
    {
        values = [];
        if (!IsConfigured)
        {
            return MBootStatus.MemoryNotConfigured;
        }

        // Flags: bit0 start, bit1 size, bit2 page, bit3 sector, bit4 block.
        var flags = 0x0Fu | (_geometry.BlockSize > 0 ? 0x10u : 0u);
        values = [flags, Base, (uint)(_geometry.Size / 1024), (uint)_geometry.PageSize, (uint)_geometry.SectorSize, (uint)_geometry.BlockSize];
        return MBootStatus.Success;
    }

    /// <summary>flexspi_nor_mem_config on the 512 bytes at the config address.</summary>
    public MBootStatus Configure(ReadOnlySpan<byte> config)
    {
        var option0 = BinaryPrimitives.ReadUInt32LittleEndian(config);
        if (option0 >> 28 == 0xC && (option0 & 0xFFF0_0000) == 0xCF90_0000)
        {
            // Runtime FlexSPI instance selection: accepted, the NOR counts as unconfigured again.
            IsConfigured = false;
            return MBootStatus.Success;
        }

        if (option0 >> 28 == 0xC)
        {
            var status = ConfigureFromOption(option0);
            return status;
        }

        if (option0 == ProgramConfigBlockMagic)
        {
            // MCUBOOT: without a configured NOR the status stays kStatus_InvalidArgument.
            return IsConfigured ? ProgramConfigBlock() : MBootStatus.InvalidArgument;
        }

        if (FlexSpiConfigBlock.TryReadGeometry(config, out var geometry))
        {
            if (geometry.Size > _chip.Size)
            {
                return MBootStatus.InvalidArgument; // the simulator cannot map more than the part
            }

            Apply(config[..FlexSpiConfigBlock.Size].ToArray(), geometry);
            return MBootStatus.Success;
        }

        return MBootStatus.InvalidArgument;
    }

    /// <summary>Reset or power loss: the controller forgets its configuration and buffer.</summary>
    public void Forget()
    {
        IsConfigured = false;
        _addingToBuffer = false;
        _failingPage = null;
    }

    public MBootStatus Read(uint address, Span<byte> destination)
    {
        if (!IsConfigured)
        {
            return MBootStatus.MemoryNotConfigured;
        }

        _hardware.Flash.Read(address - Base, destination);
        return MBootStatus.Success;
    }

    private MBootStatus ConfigureFromOption(uint option0)
    {
        // Option word layout (PROTOCOLS 6.2): [31:28] tag 0xC, [27:24] option size, [23:20] device
        // type, [19:16] query pads, [15:12] cmd pads, [11:8] QE, [7:4] misc, [3:0] max_freq.
        var optionSize = (int)((option0 >> 24) & 0xF);
        var deviceType = (int)((option0 >> 20) & 0xF);
        var maxFrequency = (int)(option0 & 0xF);
        if (optionSize > 1)
        {
            return MBootStatus.InvalidArgument;
        }

        var supported = _chip.Kind == FlashKind.QuadSpi ? deviceType is 0 or 1 : deviceType is 2 or 3;
        if (!supported)
        {
            // Probing the wrong protocol finds nothing (unverified which of the two codes each case gives).
            return _chip.Kind == FlashKind.QuadSpi && deviceType is 2 or 3
                ? MBootStatus.FlexSpiNorFlashNotFound
                : MBootStatus.FlexSpiNorSfdpNotFound;
        }

        var block = FlexSpiConfigBlock.FromOption(_chip, maxFrequency);
        FlexSpiConfigBlock.TryReadGeometry(block, out var geometry);
        Apply(block, geometry);
        return MBootStatus.Success;
    }

    private void Apply(byte[] block, FlashGeometry geometry)
    {
        IsConfigured = false;
        _configBlock = block;
        _geometry = geometry;
        _pageBuffer = new byte[geometry.PageSize];
        _addingToBuffer = false;
        IsConfigured = true;
    }

    private MBootStatus ProgramConfigBlock()
    {
        if (!_hardware.Flash.IsBlank(0, FlexSpiConfigBlock.Size))
        {
            return MBootStatus.MemoryCumulativeWrite;
        }

        BeginProgramOperation(Base, FlexSpiConfigBlock.Size);
        var status = Write(Base, _configBlock);
        if (status == MBootStatus.Success)
        {
            status = Flush();
        }

        if (status != MBootStatus.Success)
        {
            // MCUBOOT: erase the half-written config block (the erase is not verified here).
            EraseSectors(Base, FlexSpiConfigBlock.Size);
        }

        return status;
    }

    private static string Describe(uint address) => string.Create(CultureInfo.InvariantCulture, $"0x{address:X8}");
}
