using System.Buffers.Binary;
using System.Text;

namespace Station.Images.Formats;

/// <summary>
/// An ELF32 little-endian file: its loadable segments (at their physical addresses), entry point,
/// and, when present, section headers and symbols (used by the MCUboot link-address lint).
/// Layouts per the System V ABI (ELF32: 52-byte header, 32-byte program headers, 40-byte section
/// headers, 16-byte symbols).
/// </summary>
public sealed class ElfFile
{
    private const int HeaderLength = 52;
    private const int ProgramHeaderLength = 32;
    private const int SectionHeaderLength = 40;
    private const int SymbolLength = 16;
    private const uint PtLoad = 1;
    private const uint ShtSymtab = 2;

    private ElfFile(string name, uint entry, ushort machine, IReadOnlyList<ElfProgramSegment> loadSegments,
        IReadOnlyList<ElfSection> sections, IReadOnlyList<ElfSymbol> symbols, FirmwareImage image)
    {
        Name = name;
        Entry = entry;
        Machine = machine;
        LoadSegments = loadSegments;
        Sections = sections;
        Symbols = symbols;
        Image = image;
    }

    /// <summary>The file name, for messages.</summary>
    public string Name { get; }

    /// <summary>e_entry.</summary>
    public uint Entry { get; }

    /// <summary>e_machine (40 = ARM).</summary>
    public ushort Machine { get; }

    /// <summary>PT_LOAD program headers that carry bytes, in file order.</summary>
    public IReadOnlyList<ElfProgramSegment> LoadSegments { get; }

    /// <summary>Section headers (empty when the file has none).</summary>
    public IReadOnlyList<ElfSection> Sections { get; }

    /// <summary>Symbols from .symtab (empty when stripped).</summary>
    public IReadOnlyList<ElfSymbol> Symbols { get; }

    /// <summary>The loadable bytes as a sparse image at their physical (load) addresses.</summary>
    public FirmwareImage Image { get; }

    /// <summary>Whether <paramref name="bytes"/> start with the ELF magic.</summary>
    public static bool HasMagic(ReadOnlySpan<byte> bytes) => bytes.Length >= 4 && bytes[0] == 0x7F && bytes[1] == (byte)'E' && bytes[2] == (byte)'L' && bytes[3] == (byte)'F';

    /// <summary>Parses an ELF32 little-endian file.</summary>
    /// <exception cref="ImageFormatException">Not ELF32 LE, truncated, or a table points outside the file.</exception>
    public static ElfFile Parse(ReadOnlySpan<byte> bytes, string name)
    {
        if (!HasMagic(bytes))
        {
            throw new ImageFormatException(name, "not an ELF file (no 7F 'ELF' magic)");
        }

        if (bytes.Length < HeaderLength)
        {
            throw new ImageFormatException(name, $"ELF header truncated ({bytes.Length} of {HeaderLength} bytes)");
        }

        if (bytes[4] != 1 || bytes[5] != 1)
        {
            throw new ImageFormatException(name, $"only ELF32 little-endian is supported (class {bytes[4]}, data encoding {bytes[5]})");
        }

        var machine = BinaryPrimitives.ReadUInt16LittleEndian(bytes[18..]);
        var entry = BinaryPrimitives.ReadUInt32LittleEndian(bytes[24..]);
        var phoff = BinaryPrimitives.ReadUInt32LittleEndian(bytes[28..]);
        var shoff = BinaryPrimitives.ReadUInt32LittleEndian(bytes[32..]);
        var phentsize = BinaryPrimitives.ReadUInt16LittleEndian(bytes[42..]);
        var phnum = BinaryPrimitives.ReadUInt16LittleEndian(bytes[44..]);
        var shentsize = BinaryPrimitives.ReadUInt16LittleEndian(bytes[46..]);
        var shnum = BinaryPrimitives.ReadUInt16LittleEndian(bytes[48..]);
        var shstrndx = BinaryPrimitives.ReadUInt16LittleEndian(bytes[50..]);

        if (phnum == 0)
        {
            throw new ImageFormatException(name, "the ELF file has no program headers (an object file, not a linked image?)");
        }

        if (phentsize < ProgramHeaderLength)
        {
            throw new ImageFormatException(name, $"program header size {phentsize} is below the ELF32 minimum {ProgramHeaderLength}");
        }

        RequireRange(bytes, phoff, (long)phentsize * phnum, "program header table", name);
        var loads = new List<ElfProgramSegment>();
        var segments = new List<ImageSegment>();
        for (var i = 0; i < phnum; i++)
        {
            var ph = bytes.Slice((int)phoff + (i * phentsize), ProgramHeaderLength);
            if (BinaryPrimitives.ReadUInt32LittleEndian(ph) != PtLoad)
            {
                continue;
            }

            var offset = BinaryPrimitives.ReadUInt32LittleEndian(ph[4..]);
            var vaddr = BinaryPrimitives.ReadUInt32LittleEndian(ph[8..]);
            var paddr = BinaryPrimitives.ReadUInt32LittleEndian(ph[12..]);
            var filesz = BinaryPrimitives.ReadUInt32LittleEndian(ph[16..]);
            var memsz = BinaryPrimitives.ReadUInt32LittleEndian(ph[20..]);
            if (filesz == 0)
            {
                continue;
            }

            RequireRange(bytes, offset, filesz, $"PT_LOAD segment {i} (0x{paddr:X8}, {filesz} bytes)", name);
            loads.Add(new ElfProgramSegment(paddr, vaddr, filesz, memsz));
            segments.Add(new ImageSegment(paddr, bytes.Slice((int)offset, (int)filesz).ToArray()));
        }

        if (segments.Count == 0)
        {
            throw new ImageFormatException(name, "the ELF file has no PT_LOAD segment with bytes");
        }

        var (sections, symbols) = shoff == 0 || shnum == 0
            ? ([], [])
            : ReadSections(bytes, shoff, shentsize, shnum, shstrndx, name);
        var image = FirmwareImage.Create(name, FirmwareFormat.Elf, segments, entry);
        return new ElfFile(name, entry, machine, loads, sections, symbols, image);
    }

    /// <summary>The first symbol called <paramref name="symbolName"/>, if any.</summary>
    public ElfSymbol? FindSymbol(string symbolName) => Symbols.FirstOrDefault(s => s.Name == symbolName);

    /// <summary>The first section called <paramref name="sectionName"/>, if any.</summary>
    public ElfSection? FindSection(string sectionName) => Sections.FirstOrDefault(s => s.Name == sectionName);

    private static (IReadOnlyList<ElfSection>, IReadOnlyList<ElfSymbol>) ReadSections(
        ReadOnlySpan<byte> bytes, uint shoff, ushort shentsize, ushort shnum, ushort shstrndx, string name)
    {
        if (shentsize < SectionHeaderLength)
        {
            throw new ImageFormatException(name, $"section header size {shentsize} is below the ELF32 minimum {SectionHeaderLength}");
        }

        RequireRange(bytes, shoff, (long)shentsize * shnum, "section header table", name);
        var raw = new List<(uint NameOffset, uint Type, uint Flags, uint Address, uint Offset, uint Size, uint Link)>(shnum);
        for (var i = 0; i < shnum; i++)
        {
            var sh = bytes.Slice((int)shoff + (i * shentsize), SectionHeaderLength);
            raw.Add((
                BinaryPrimitives.ReadUInt32LittleEndian(sh),
                BinaryPrimitives.ReadUInt32LittleEndian(sh[4..]),
                BinaryPrimitives.ReadUInt32LittleEndian(sh[8..]),
                BinaryPrimitives.ReadUInt32LittleEndian(sh[12..]),
                BinaryPrimitives.ReadUInt32LittleEndian(sh[16..]),
                BinaryPrimitives.ReadUInt32LittleEndian(sh[20..]),
                BinaryPrimitives.ReadUInt32LittleEndian(sh[24..])));
        }

        var names = ReadOnlySpan<byte>.Empty;
        if (shstrndx < raw.Count && raw[shstrndx].Type != 8)
        {
            RequireRange(bytes, raw[shstrndx].Offset, raw[shstrndx].Size, "section name table", name);
            names = bytes.Slice((int)raw[shstrndx].Offset, (int)raw[shstrndx].Size);
        }

        var sections = new List<ElfSection>(raw.Count);
        foreach (var r in raw)
        {
            sections.Add(new ElfSection(CString(names, r.NameOffset), r.Type, r.Address, r.Size, r.Flags));
        }

        var symbols = new List<ElfSymbol>();
        foreach (var table in raw.Where(r => r.Type == ShtSymtab))
        {
            RequireRange(bytes, table.Offset, table.Size, "symbol table", name);
            var strings = ReadOnlySpan<byte>.Empty;
            if (table.Link < raw.Count)
            {
                var link = raw[(int)table.Link];
                RequireRange(bytes, link.Offset, link.Size, "symbol string table", name);
                strings = bytes.Slice((int)link.Offset, (int)link.Size);
            }

            for (var offset = 0; offset + SymbolLength <= table.Size; offset += SymbolLength)
            {
                var sym = bytes.Slice((int)table.Offset + offset, SymbolLength);
                symbols.Add(new ElfSymbol(
                    CString(strings, BinaryPrimitives.ReadUInt32LittleEndian(sym)),
                    BinaryPrimitives.ReadUInt32LittleEndian(sym[4..]),
                    BinaryPrimitives.ReadUInt32LittleEndian(sym[8..]),
                    (byte)(sym[12] & 0x0F)));
            }
        }

        return (sections, symbols);
    }

    private static string CString(ReadOnlySpan<byte> table, uint offset)
    {
        if (offset >= table.Length)
        {
            return string.Empty;
        }

        var rest = table[(int)offset..];
        var end = rest.IndexOf((byte)0);
        return Encoding.ASCII.GetString(end < 0 ? rest : rest[..end]);
    }

    private static void RequireRange(ReadOnlySpan<byte> bytes, uint offset, long length, string what, string name)
    {
        if ((long)offset + length > bytes.Length)
        {
            throw new ImageFormatException(name, $"{what} at file offset 0x{offset:X} (+{length} bytes) lies past the end of the {bytes.Length}-byte file; the file is truncated or corrupt");
        }
    }
}
