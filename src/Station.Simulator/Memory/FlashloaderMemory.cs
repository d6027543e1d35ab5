using System.Buffers.Binary;
using Station.Simulator.MBoot;

namespace Station.Simulator.Memory;

/// <summary>
/// The flashloader's memory interface (MCUBOOT memory.c): finds the map entry that holds a whole
/// range (RAM windows, the FlexSPI window), refuses the reserved region (the flashloader image),
/// and routes to RAM or FlexSPI NOR. Memory ids of group 0 (0, 9, …) locate by address; other
/// groups (SEMC NAND, SD, …) are not built into this flashloader (PROTOCOLS 6.1).
/// </summary>
internal sealed class FlashloaderMemory
{
    public const uint FlexSpiNorMemoryId = 9;

    private readonly BoardHardware _hardware;
    private readonly LoadedImage _reserved;

    public FlashloaderMemory(BoardHardware hardware, FlexSpiNor flexSpi, LoadedImage reserved)
    {
        _hardware = hardware;
        FlexSpi = flexSpi;
        _reserved = reserved;
    }

    public FlexSpiNor FlexSpi { get; }

    public LoadedImage Reserved => _reserved;

    /// <summary>mem_write_check: what the write of the remaining range would hit, checked before each data packet.</summary>
    public MBootStatus WriteCheck(uint address, long length, uint memoryId)
    {
        if (!IsMappedGroup(memoryId))
        {
            return MBootStatus.MemoryRangeInvalid;
        }

        if (length == 0)
        {
            return MBootStatus.Success;
        }

        if (IsReserved(address, length))
        {
            return MBootStatus.MemoryRangeInvalid;
        }

        return Find(address, length) switch
        {
            Target.None => MBootStatus.MemoryRangeInvalid,
            Target.FlexSpi when !FlexSpi.IsConfigured => MBootStatus.MemoryNotConfigured,
            _ => MBootStatus.Success,
        };
    }

    /// <summary>True when a write of this range goes to FlexSPI NOR (so it is a programming operation).</summary>
    public bool IsFlexSpi(uint address, long length) => Find(address, length) == Target.FlexSpi;

    public MBootStatus Write(uint address, ReadOnlySpan<byte> data, uint memoryId)
    {
        var status = WriteCheck(address, data.Length, memoryId);
        if (status != MBootStatus.Success || data.IsEmpty)
        {
            return status;
        }

        if (Find(address, data.Length) == Target.Ram)
        {
            _hardware.TryWriteRam(address, data);
            return MBootStatus.Success;
        }

        return FlexSpi.Write(address, data);
    }

    /// <summary>mem_flush at the end of a write-memory data phase (the last partial NOR page).</summary>
    public MBootStatus Flush() => FlexSpi.Flush();

    public MBootStatus Read(uint address, Span<byte> destination, uint memoryId)
    {
        if (!IsMappedGroup(memoryId))
        {
            return MBootStatus.MemoryRangeInvalid;
        }

        switch (Find(address, destination.Length))
        {
            case Target.Ram:
                _hardware.TryReadRam(address, destination);
                return MBootStatus.Success;
            case Target.FlexSpi:
                return FlexSpi.Read(address, destination);
            default:
                return MBootStatus.MemoryRangeInvalid;
        }
    }

    public MBootStatus Fill(uint address, long length, uint pattern)
    {
        if (length == 0)
        {
            return MBootStatus.Success;
        }

        if (IsReserved(address, length))
        {
            return MBootStatus.MemoryRangeInvalid;
        }

        switch (Find(address, length))
        {
            case Target.Ram:
                var bytes = new byte[length];
                Span<byte> word = stackalloc byte[sizeof(uint)];
                BinaryPrimitives.WriteUInt32LittleEndian(word, pattern);
                for (var i = 0; i < bytes.Length; i++)
                {
                    bytes[i] = word[i % word.Length];
                }

                _hardware.TryWriteRam(address, bytes);
                return MBootStatus.Success;
            case Target.FlexSpi:
                return FlexSpi.Fill(address, length, pattern);
            default:
                return MBootStatus.MemoryRangeInvalid;
        }
    }

    /// <summary>mem_erase: RAM has no erase (10214); length 0 succeeds wherever it points.</summary>
    public MBootStatus Erase(uint address, long length, uint memoryId)
    {
        if (!IsMappedGroup(memoryId))
        {
            return MBootStatus.InvalidArgument;
        }

        var target = Find(address, length);
        if (target == Target.None || length == 0)
        {
            return length == 0 ? MBootStatus.Success : MBootStatus.MemoryRangeInvalid;
        }

        if (target == Target.Ram)
        {
            return MBootStatus.MemoryUnsupportedCommand;
        }

        return IsReserved(address, length) ? MBootStatus.MemoryRangeInvalid : FlexSpi.Erase(address, length);
    }

    /// <summary>flash-erase-all: only the FlexSPI NOR id; RT10xx has no internal flash (id 0 is not built in).</summary>
    public MBootStatus EraseAll(uint memoryId) =>
        memoryId == FlexSpiNorMemoryId ? FlexSpi.EraseAll() : MBootStatus.InvalidArgument;

    /// <summary>configure-memory: the config block must lie in RAM for a whole FCB (else 4).</summary>
    public MBootStatus Configure(uint memoryId, uint configAddress)
    {
        if (memoryId != FlexSpiNorMemoryId)
        {
            return MBootStatus.InvalidArgument;
        }

        var config = new byte[FlexSpiConfigBlock.Size];
        return _hardware.TryReadRam(configAddress, config) ? FlexSpi.Configure(config) : MBootStatus.InvalidArgument;
    }

    /// <summary>is_valid_application_location: RAM, or the configured NOR.</summary>
    public bool IsValidApplicationAddress(uint address) =>
        _hardware.IsRam(address, 1) || (FlexSpi.IsConfigured && address >= FlexSpi.Base && address <= FlexSpi.MapEnd);

    private static bool IsMappedGroup(uint memoryId) => memoryId >> 8 == 0;

    private bool IsReserved(uint address, long length) =>
        address <= _reserved.End && address + length - 1 >= _reserved.Start;

    private Target Find(uint address, long length)
    {
        if (_hardware.IsRam(address, length))
        {
            return Target.Ram;
        }

        var last = address + Math.Max(length, 1) - 1;
        return address >= FlexSpi.Base && last <= FlexSpi.MapEnd ? Target.FlexSpi : Target.None;
    }

    private enum Target
    {
        None,
        Ram,
        FlexSpi,
    }
}
