namespace Station.Images.Formats;

/// <summary>One entry of an ELF symbol table.</summary>
/// <param name="Name">Symbol name.</param>
/// <param name="Value">st_value: the symbol's address.</param>
/// <param name="Size">st_size.</param>
/// <param name="Type">Low nibble of st_info (0 NOTYPE, 1 OBJECT, 2 FUNC, 3 SECTION).</param>
public sealed record ElfSymbol(string Name, uint Value, uint Size, byte Type);
