namespace Station.Images.Imxrt;

/// <summary>The flash parts the FCB generator knows (IMAGES.md A.2).</summary>
public static class FlashPresets
{
    private const string WinbondQe = "Winbond JV-IQ parts ship with QE = 1; JV-IM parts need QE set before XIP (inferred, check the ordering code).";
    private const string IssiQe = "ISSI parts ship with QE = 0: set QE once (e.g. with the flashloader's 0xC0000007 option) or the quad read fails (inferred).";

    /// <summary>Every preset.</summary>
    public static IReadOnlyList<FlashPreset> All { get; } =
    [
        new("W25Q32JV", 0x0040_0000, 133, WinbondQe),
        new("W25Q64JV", 0x0080_0000, 133, WinbondQe),
        new("W25Q128JV", 0x0100_0000, 133, WinbondQe),
        new("IS25WP064", 0x0080_0000, 133, IssiQe),
        new("IS25LP064", 0x0080_0000, 133, IssiQe),
        new("IS25WP128", 0x0100_0000, 133, IssiQe),
    ];

    /// <summary>The preset called <paramref name="name"/> (case-insensitive, suffixes such as "A" or "-JQ" ignored), or null.</summary>
    public static FlashPreset? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = new string(name.Where(char.IsLetterOrDigit).ToArray()).ToUpperInvariant();
        return All.FirstOrDefault(p => key.StartsWith(p.Name, StringComparison.Ordinal));
    }

    /// <summary>The preset names, for messages.</summary>
    public static string KnownNames => string.Join(", ", All.Select(p => p.Name));
}
