using System.Globalization;
using Station.Simulator.MBoot;
using Station.Simulator.Timing;

namespace Station.Simulator.Memory;

internal sealed partial class FlexSpiNor
{
    /// <summary>
    /// Starts one programming operation (a write-memory data phase, a fill, the FCB): draws the
    /// program-verify fault for it and, when it fires, picks the page that will read back wrong.
    /// </summary>
    public void BeginProgramOperation(uint address, long length)
    {
        _failingPage = null;
        if (!IsConfigured || length <= 0 || !_faults.ShouldFire(FaultKind.ProgramFailure, out var occurrence))
        {
            return;
        }

        var page = (uint)_geometry.PageSize;
        var first = address & ~(page - 1);
        var pages = (int)((address + length - first + page - 1) / page);
        _failingPage = first + ((uint)_faults.Choose(pages) * page);
        _faults.Record(FaultKind.ProgramFailure, occurrence, $"page {Describe(_failingPage.Value)} fails program-verify");
    }

    /// <summary>flexspi_nor_mem_write: buffers a page; a new write must start page-aligned (20105).</summary>
    public MBootStatus Write(uint address, ReadOnlySpan<byte> data)
    {
        if (!IsConfigured)
        {
            return MBootStatus.MemoryNotConfigured;
        }

        while (!data.IsEmpty)
        {
            if (!_addingToBuffer)
            {
                if ((address & (uint)(_geometry.PageSize - 1)) != 0)
                {
                    return MBootStatus.FlexSpiNorWriteAlignmentError;
                }

                (_addingToBuffer, _offset, _writeAddress) = (true, 0, address);
            }
            else if (_writeAddress + (uint)_offset != address)
            {
                // Not a continuation: program what is buffered, then start over with this write.
                var flushed = Flush();
                if (flushed != MBootStatus.Success)
                {
                    return flushed;
                }

                continue;
            }

            var count = Math.Min(data.Length, _geometry.PageSize - _offset);
            data[..count].CopyTo(_pageBuffer.AsSpan(_offset));
            _offset += count;
            address += (uint)count;
            data = data[count..];
            if (_offset == _geometry.PageSize)
            {
                var status = Flush();
                if (status != MBootStatus.Success)
                {
                    return status;
                }
            }
        }

        return MBootStatus.Success;
    }

    /// <summary>
    /// flexspi_nor_mem_flush: pads the buffered page with 0xFF, checks it is blank (10203),
    /// programs it and reads it back (20106).
    /// </summary>
    public MBootStatus Flush()
    {
        if (!_addingToBuffer)
        {
            return MBootStatus.Success;
        }

        _addingToBuffer = false;
        _pageBuffer.AsSpan(_offset).Fill(0xFF);
        var offset = _writeAddress - Base;
        if (!_hardware.Flash.IsBlank(offset, _geometry.PageSize))
        {
            return MBootStatus.MemoryCumulativeWrite;
        }

        _pacer.Charge(DeviceTimeCategory.FlashProgram, _chip.PageProgram);
        if (!_faults.Plan.WriteProtected)
        {
            var programmed = _pageBuffer.ToArray();
            if (_failingPage == _writeAddress)
            {
                programmed[0] ^= 0x01; // a bit that did not take (or took where it should not)
                _failingPage = null;
            }

            _hardware.Flash.Write(offset, programmed);
        }

        _offset = 0;
        var readBack = _hardware.Flash.Read(offset, _geometry.PageSize);
        return VerifyReadsFail() || !readBack.AsSpan().SequenceEqual(_pageBuffer)
            ? MBootStatus.FlexSpiNorCommandFailure
            : MBootStatus.Success;
    }

    /// <summary>flexspi_nor_mem_fill: the pattern word written through the page buffer, then flushed.</summary>
    public MBootStatus Fill(uint address, long length, uint pattern)
    {
        if (!IsConfigured)
        {
            return MBootStatus.MemoryNotConfigured;
        }

        BeginProgramOperation(address, length);
        Span<byte> word = stackalloc byte[sizeof(uint)];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32LittleEndian(word, pattern);
        while (length > 0)
        {
            var count = (int)Math.Min(length, word.Length);
            var status = Write(address, word[..count]);
            if (status != MBootStatus.Success)
            {
                return status;
            }

            address += (uint)count;
            length -= count;
        }

        return Flush();
    }

    /// <summary>flexspi_nor_mem_erase: start aligned down, end up, to sectors; then erase-verify (20106).</summary>
    public MBootStatus Erase(uint address, long length)
    {
        if (!IsConfigured)
        {
            return MBootStatus.MemoryNotConfigured;
        }

        var (alignedStart, alignedLength) = EraseSectors(address, length);
        if (_faults.ShouldFire(FaultKind.EraseFailure, out var occurrence))
        {
            var sectors = (int)(alignedLength / _geometry.SectorSize);
            var victim = alignedStart + ((uint)_faults.Choose(sectors) * (uint)_geometry.SectorSize);
            _hardware.Flash.Write(victim - Base, [0x00]);
            _faults.Record(FaultKind.EraseFailure, occurrence, string.Create(CultureInfo.InvariantCulture, $"sector 0x{victim:X8} not erased"));
        }

        return VerifyReadsFail() || !_hardware.Flash.IsBlank(alignedStart - Base, alignedLength)
            ? MBootStatus.FlexSpiNorCommandFailure
            : MBootStatus.Success;
    }

    /// <summary>flexspi_nor_mem_erase_all (RAM flashloader): chip erase, then blank check of the whole part.</summary>
    public MBootStatus EraseAll()
    {
        if (!IsConfigured)
        {
            return MBootStatus.MemoryNotConfigured;
        }

        _pacer.Charge(DeviceTimeCategory.FlashErase, _chip.ChipErase);
        if (!_faults.Plan.WriteProtected)
        {
            _hardware.Flash.Clear(0, _geometry.Size);
        }

        if (_faults.ShouldFire(FaultKind.EraseFailure, out var occurrence))
        {
            var victim = (uint)_faults.Choose((int)(_geometry.Size / _geometry.SectorSize)) * (uint)_geometry.SectorSize;
            _hardware.Flash.Write(victim, [0x00]);
            _faults.Record(FaultKind.EraseFailure, occurrence, string.Create(CultureInfo.InvariantCulture, $"chip erase left sector 0x{Base + victim:X8}"));
        }

        return VerifyReadsFail() || !_hardware.Flash.IsBlank(0, _geometry.Size)
            ? MBootStatus.FlexSpiNorCommandFailure
            : MBootStatus.Success;
    }

    private (uint Start, long Length) EraseSectors(uint address, long length)
    {
        var sector = (uint)_geometry.SectorSize;
        var start = address & ~(sector - 1);
        var end = Math.Min((address + length + sector - 1) & ~((long)sector - 1), Base + _geometry.Size);
        var alignedLength = end - start;
        _pacer.Charge(DeviceTimeCategory.FlashErase, _chip.SectorErase * (alignedLength / sector));
        if (!_faults.Plan.WriteProtected)
        {
            _hardware.Flash.Clear(start - Base, alignedLength);
        }

        return (start, alignedLength);
    }

    // A marginal board (PROTOCOLS 9.2): verify reads at a max_freq index above the limit fail.
    private bool VerifyReadsFail() => _faults.Plan.MarginalFrequency is { } limit && _geometry.MaxFrequency > limit;
}
