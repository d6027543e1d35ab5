namespace Station.Images.Formats;

/// <summary>One section header of an ELF file (name, type, address, size).</summary>
/// <param name="Name">Section name from the section-name string table (".text", "rom_start", …).</param>
/// <param name="Type">sh_type (1 PROGBITS, 2 SYMTAB, 3 STRTAB, 8 NOBITS, …).</param>
/// <param name="Address">sh_addr: the run (virtual) address.</param>
/// <param name="Size">sh_size in bytes.</param>
/// <param name="Flags">sh_flags (2 = ALLOC, 4 = EXECINSTR).</param>
public sealed record ElfSection(string Name, uint Type, uint Address, uint Size, uint Flags)
{
    /// <summary>Whether <paramref name="address"/> lies inside this section.</summary>
    public bool Contains(uint address) => address >= Address && (ulong)address < (ulong)Address + Size;
}
