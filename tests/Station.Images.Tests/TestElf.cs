using System.Buffers.Binary;
using System.Text;

namespace Station.Images.Tests;

/// <summary>Writes small ELF32 little-endian ARM executables for tests (program headers, sections, symbols).</summary>
internal sealed class TestElf
{
    private readonly List<(uint Physical, uint Virtual, byte[] Data)> _segments = [];
    private readonly List<(string Name, uint Address, uint Size)> _sections = [];
    private readonly List<(string Name, uint Value)> _symbols = [];

    public uint Entry { get; set; }

    public TestElf Load(uint physical, byte[] data, uint? @virtual = null)
    {
        _segments.Add((physical, @virtual ?? physical, data));
        return this;
    }

    public TestElf Section(string name, uint address, uint size)
    {
        _sections.Add((name, address, size));
        return this;
    }

    public TestElf Symbol(string name, uint value)
    {
        _symbols.Add((name, value));
        return this;
    }

    public byte[] Build()
    {
        const int HeaderLength = 52;
        const int PhLength = 32;
        const int ShLength = 40;
        var output = new List<byte>(new byte[HeaderLength]);
        var phoff = output.Count;
        output.AddRange(new byte[PhLength * _segments.Count]);
        var dataOffsets = new List<int>();
        foreach (var segment in _segments)
        {
            dataOffsets.Add(output.Count);
            output.AddRange(segment.Data);
        }

        // Section name table, symbol string table, symbol table.
        var shstr = new List<byte> { 0 };
        var names = new List<int>();
        foreach (var name in _sections.Select(s => s.Name).Concat([".symtab", ".strtab", ".shstrtab"]))
        {
            names.Add(shstr.Count);
            shstr.AddRange(Encoding.ASCII.GetBytes(name));
            shstr.Add(0);
        }

        var strtab = new List<byte> { 0 };
        var symtab = new List<byte>(new byte[16]); // symbol 0 is the null symbol
        foreach (var (name, value) in _symbols)
        {
            var entry = new byte[16];
            BinaryPrimitives.WriteUInt32LittleEndian(entry, (uint)strtab.Count);
            BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(4), value);
            entry[12] = 0x10; // STB_GLOBAL, STT_NOTYPE
            entry[14] = 1; // section 1
            symtab.AddRange(entry);
            strtab.AddRange(Encoding.ASCII.GetBytes(name));
            strtab.Add(0);
        }

        var symtabOffset = output.Count;
        output.AddRange(symtab);
        var strtabOffset = output.Count;
        output.AddRange(strtab);
        var shstrOffset = output.Count;
        output.AddRange(shstr);
        while (output.Count % 4 != 0)
        {
            output.Add(0);
        }

        var shoff = output.Count;
        var sectionCount = 1 + _sections.Count + 3;
        var sh = new byte[ShLength * sectionCount];
        for (var i = 0; i < _sections.Count; i++)
        {
            WriteSection(sh.AsSpan(ShLength * (i + 1)), names[i], type: 1, flags: 6, _sections[i].Address, 0, _sections[i].Size, link: 0, entsize: 0);
        }

        var symIndex = 1 + _sections.Count;
        WriteSection(sh.AsSpan(ShLength * symIndex), names[_sections.Count], type: 2, flags: 0, 0, (uint)symtabOffset, (uint)symtab.Count, link: (uint)(symIndex + 1), entsize: 16);
        WriteSection(sh.AsSpan(ShLength * (symIndex + 1)), names[_sections.Count + 1], type: 3, flags: 0, 0, (uint)strtabOffset, (uint)strtab.Count, link: 0, entsize: 0);
        WriteSection(sh.AsSpan(ShLength * (symIndex + 2)), names[_sections.Count + 2], type: 3, flags: 0, 0, (uint)shstrOffset, (uint)shstr.Count, link: 0, entsize: 0);
        output.AddRange(sh);

        var bytes = output.ToArray();
        var header = bytes.AsSpan();
        header[0] = 0x7F;
        header[1] = (byte)'E';
        header[2] = (byte)'L';
        header[3] = (byte)'F';
        header[4] = 1; // ELFCLASS32
        header[5] = 1; // ELFDATA2LSB
        header[6] = 1; // EV_CURRENT
        BinaryPrimitives.WriteUInt16LittleEndian(header[16..], 2); // ET_EXEC
        BinaryPrimitives.WriteUInt16LittleEndian(header[18..], 40); // EM_ARM
        BinaryPrimitives.WriteUInt32LittleEndian(header[20..], 1);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], Entry);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)phoff);
        BinaryPrimitives.WriteUInt32LittleEndian(header[32..], (uint)shoff);
        BinaryPrimitives.WriteUInt16LittleEndian(header[40..], HeaderLength);
        BinaryPrimitives.WriteUInt16LittleEndian(header[42..], PhLength);
        BinaryPrimitives.WriteUInt16LittleEndian(header[44..], (ushort)_segments.Count);
        BinaryPrimitives.WriteUInt16LittleEndian(header[46..], ShLength);
        BinaryPrimitives.WriteUInt16LittleEndian(header[48..], (ushort)sectionCount);
        BinaryPrimitives.WriteUInt16LittleEndian(header[50..], (ushort)(sectionCount - 1));
        for (var i = 0; i < _segments.Count; i++)
        {
            var ph = header[(phoff + (PhLength * i))..];
            BinaryPrimitives.WriteUInt32LittleEndian(ph, 1); // PT_LOAD
            BinaryPrimitives.WriteUInt32LittleEndian(ph[4..], (uint)dataOffsets[i]);
            BinaryPrimitives.WriteUInt32LittleEndian(ph[8..], _segments[i].Virtual);
            BinaryPrimitives.WriteUInt32LittleEndian(ph[12..], _segments[i].Physical);
            BinaryPrimitives.WriteUInt32LittleEndian(ph[16..], (uint)_segments[i].Data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(ph[20..], (uint)_segments[i].Data.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(ph[24..], 5);
            BinaryPrimitives.WriteUInt32LittleEndian(ph[28..], 4);
        }

        return bytes;
    }

    private static void WriteSection(Span<byte> sh, int name, uint type, uint flags, uint address, uint offset, uint size, uint link, uint entsize)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(sh, (uint)name);
        BinaryPrimitives.WriteUInt32LittleEndian(sh[4..], type);
        BinaryPrimitives.WriteUInt32LittleEndian(sh[8..], flags);
        BinaryPrimitives.WriteUInt32LittleEndian(sh[12..], address);
        BinaryPrimitives.WriteUInt32LittleEndian(sh[16..], offset);
        BinaryPrimitives.WriteUInt32LittleEndian(sh[20..], size);
        BinaryPrimitives.WriteUInt32LittleEndian(sh[24..], link);
        BinaryPrimitives.WriteUInt32LittleEndian(sh[36..], entsize);
    }
}
