using System.Buffers.Binary;

namespace Station.Cli.Tests.Image;

/// <summary>Inputs for the image commands: a Cortex-M application and a minimal ELF around it.</summary>
internal static class SampleImages
{
    /// <summary>A Cortex-M application linked at <paramref name="linkAddress"/>: vector table, PUSH at +0x40, <c>b .</c> at +0x44.</summary>
    public static byte[] Application(uint linkAddress, int size = 0x1000, uint stackTop = 0x2002_0000)
    {
        var bytes = new byte[size];
        new Random(5).NextBytes(bytes);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes, stackTop);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), linkAddress + 0x41);
        for (var i = 2; i < 16; i++)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4 * i), linkAddress + 0x45);
        }

        bytes[0x40] = 0x80;
        bytes[0x41] = 0xB5;
        bytes[0x44] = 0xFE;
        bytes[0x45] = 0xE7;
        return bytes;
    }

    /// <summary>A one-segment ELF32 LE executable with an optional "_vector_table" symbol.</summary>
    public static byte[] Elf(uint address, byte[] data, uint? vectorTable = null)
    {
        // Layout: ELF header (52) | program header (32) | data | .symtab | .strtab | .shstrtab | 4 section headers (40 each).
        var strtab = "\0_vector_table\0"u8.ToArray();
        var shstrtab = "\0.symtab\0.strtab\0.shstrtab\0"u8.ToArray();
        var symtab = new byte[vectorTable is null ? 16 : 32];
        if (vectorTable is { } vt)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(symtab.AsSpan(16), 1);
            BinaryPrimitives.WriteUInt32LittleEndian(symtab.AsSpan(20), vt);
            symtab[28] = 0x10;
        }

        var dataAt = 52 + 32;
        var symAt = dataAt + data.Length;
        var strAt = symAt + symtab.Length;
        var shstrAt = strAt + strtab.Length;
        var shAt = (shstrAt + shstrtab.Length + 3) / 4 * 4;
        var file = new byte[shAt + (4 * 40)];
        file[0] = 0x7F;
        file[1] = (byte)'E';
        file[2] = (byte)'L';
        file[3] = (byte)'F';
        file[4] = 1;
        file[5] = 1;
        file[6] = 1;
        var h = file.AsSpan();
        BinaryPrimitives.WriteUInt16LittleEndian(h[16..], 2);
        BinaryPrimitives.WriteUInt16LittleEndian(h[18..], 40);
        BinaryPrimitives.WriteUInt32LittleEndian(h[20..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(h[24..], address + 0x41);
        BinaryPrimitives.WriteUInt32LittleEndian(h[28..], 52);
        BinaryPrimitives.WriteUInt32LittleEndian(h[32..], (uint)shAt);
        BinaryPrimitives.WriteUInt16LittleEndian(h[40..], 52);
        BinaryPrimitives.WriteUInt16LittleEndian(h[42..], 32);
        BinaryPrimitives.WriteUInt16LittleEndian(h[44..], 1);
        BinaryPrimitives.WriteUInt16LittleEndian(h[46..], 40);
        BinaryPrimitives.WriteUInt16LittleEndian(h[48..], 4);
        BinaryPrimitives.WriteUInt16LittleEndian(h[50..], 3);
        var ph = h[52..];
        BinaryPrimitives.WriteUInt32LittleEndian(ph, 1);
        BinaryPrimitives.WriteUInt32LittleEndian(ph[4..], (uint)dataAt);
        BinaryPrimitives.WriteUInt32LittleEndian(ph[8..], address);
        BinaryPrimitives.WriteUInt32LittleEndian(ph[12..], address);
        BinaryPrimitives.WriteUInt32LittleEndian(ph[16..], (uint)data.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(ph[20..], (uint)data.Length);
        data.CopyTo(file, dataAt);
        symtab.CopyTo(file, symAt);
        strtab.CopyTo(file, strAt);
        shstrtab.CopyTo(file, shstrAt);
        Section(h[(shAt + 40)..], 1, 2, symAt, symtab.Length, link: 2);
        Section(h[(shAt + 80)..], 9, 3, strAt, strtab.Length, link: 0);
        Section(h[(shAt + 120)..], 17, 3, shstrAt, shstrtab.Length, link: 0);
        return file;
    }

    private static void Section(Span<byte> sh, uint name, uint type, int offset, int size, uint link)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(sh, name);
        BinaryPrimitives.WriteUInt32LittleEndian(sh[4..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(sh[16..], (uint)offset);
        BinaryPrimitives.WriteUInt32LittleEndian(sh[20..], (uint)size);
        BinaryPrimitives.WriteUInt32LittleEndian(sh[24..], link);
        BinaryPrimitives.WriteUInt32LittleEndian(sh[36..], type == 2 ? 16u : 0u);
    }
}
