using System.Buffers.Binary;
using Station.Simulator.Memory;

namespace Station.Simulator.Sdp;

/// <summary>
/// What READ_REGISTER / WRITE_REGISTER and DCD writes reach besides RAM: the OCOTP fuse shadow
/// registers (read-only here, OcotpBase + 0x400 + 0x10 × index) and a plain store for every other
/// address (peripherals read back what was written, 0 otherwise). Lost on reset.
/// </summary>
internal sealed class RomRegisters
{
    private readonly BoardHardware _hardware;
    private readonly Dictionary<uint, uint> _words = [];

    public RomRegisters(BoardHardware hardware)
    {
        _hardware = hardware;
    }

    public byte[] Read(uint address, int count)
    {
        var bytes = new byte[count];
        if (_hardware.TryReadRam(address, bytes))
        {
            return bytes;
        }

        Span<byte> word = stackalloc byte[sizeof(uint)];
        for (var i = 0; i < count; i++)
        {
            var byteAddress = address + (uint)i;
            BinaryPrimitives.WriteUInt32LittleEndian(word, ReadWord(byteAddress & ~3u));
            bytes[i] = word[(int)(byteAddress & 3)];
        }

        return bytes;
    }

    /// <summary>Writes <paramref name="width"/> bytes (1, 2 or 4) of <paramref name="value"/>, little-endian.</summary>
    public void Write(uint address, uint value, int width)
    {
        Span<byte> bytes = stackalloc byte[sizeof(uint)];
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, value);
        if (_hardware.TryWriteRam(address, bytes[..width]))
        {
            return;
        }

        for (var i = 0; i < width; i++)
        {
            var byteAddress = address + (uint)i;
            var aligned = byteAddress & ~3u;
            var shift = 8 * (int)(byteAddress & 3);
            var word = _words.GetValueOrDefault(aligned);
            _words[aligned] = (word & ~(0xFFu << shift)) | ((uint)bytes[i] << shift);
        }
    }

    public uint ReadWord(uint alignedAddress)
    {
        var shadowBase = _hardware.Family.OcotpBase + 0x400;
        var offset = alignedAddress - shadowBase;
        if (alignedAddress >= shadowBase && offset / 0x10 < (uint)_hardware.Fuses.WordCount)
        {
            return offset % 0x10 == 0 ? _hardware.Fuses.Read((int)(offset / 0x10)) : 0;
        }

        return _words.GetValueOrDefault(alignedAddress);
    }
}
