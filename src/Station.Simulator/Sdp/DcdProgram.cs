using System.Buffers.Binary;

namespace Station.Simulator.Sdp;

/// <summary>
/// Runs a HAB4 device configuration data block (DCD): header tag 0xD2, length u16 BE, version
/// 0x4x; then commands: Write Data (0xCC; width in the parameter's low 3 bits, bit 3 mask, bit 4
/// set; address/value pairs BE), Check Data (0xCF; treated as satisfied at once, the simulated
/// peripherals have no status to poll), NOP (0xC0) and Unlock (0xB2, ignored).
/// </summary>
internal static class DcdProgram
{
    private const byte HeaderTag = 0xD2;
    private const byte WriteData = 0xCC;
    private const byte CheckData = 0xCF;
    private const byte Nop = 0xC0;
    private const byte Unlock = 0xB2;

    /// <summary>Applies the writes; false when the block is not a well-formed DCD.</summary>
    public static bool TryRun(ReadOnlySpan<byte> dcd, RomRegisters registers)
    {
        if (dcd.Length < 4 || dcd[0] != HeaderTag || (dcd[3] & 0xF0) != 0x40)
        {
            return false;
        }

        int total = BinaryPrimitives.ReadUInt16BigEndian(dcd[1..]);
        if (total > dcd.Length || total < 4)
        {
            return false;
        }

        var offset = 4;
        while (offset < total)
        {
            if (offset + 4 > total)
            {
                return false;
            }

            var tag = dcd[offset];
            int length = BinaryPrimitives.ReadUInt16BigEndian(dcd[(offset + 1)..]);
            var parameter = dcd[offset + 3];
            if (length < 4 || offset + length > total)
            {
                return false;
            }

            var body = dcd[(offset + 4)..(offset + length)];
            switch (tag)
            {
                case WriteData when body.Length % 8 == 0 && (parameter & 7) is 1 or 2 or 4:
                    ApplyWrites(body, parameter, registers);
                    break;
                case CheckData or Nop or Unlock:
                    break;
                default:
                    return false;
            }

            offset += length;
        }

        return true;
    }

    private static void ApplyWrites(ReadOnlySpan<byte> pairs, byte parameter, RomRegisters registers)
    {
        var width = parameter & 7;
        var mask = (parameter & 0x08) != 0;
        var set = (parameter & 0x10) != 0;
        for (var i = 0; i < pairs.Length; i += 8)
        {
            var address = BinaryPrimitives.ReadUInt32BigEndian(pairs[i..]);
            var value = BinaryPrimitives.ReadUInt32BigEndian(pairs[(i + 4)..]);
            if (mask)
            {
                var current = BinaryPrimitives.ReadUInt32LittleEndian(registers.Read(address, 4));
                value = set ? current | value : current & ~value;
            }

            registers.Write(address, value, width);
        }
    }
}
