namespace Station.Images.Formats;

/// <summary>One PT_LOAD program header of an ELF file.</summary>
/// <param name="PhysicalAddress">p_paddr: where the bytes are loaded (flash for XIP code and .data's initial values).</param>
/// <param name="VirtualAddress">p_vaddr: where they run.</param>
/// <param name="FileSize">p_filesz: bytes stored in the file.</param>
/// <param name="MemorySize">p_memsz: bytes in memory (the rest is zero-filled, e.g. .bss).</param>
public sealed record ElfProgramSegment(uint PhysicalAddress, uint VirtualAddress, uint FileSize, uint MemorySize);
