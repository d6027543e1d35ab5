namespace Station.Core.Recipes;

/// <summary>
/// A recipe file as written (YAML), before validation. Every field is optional here so that the
/// validator can name everything missing at once; numbers are text so <c>0x70001000</c> works.
/// The format is described in docs/RECIPES.md.
/// </summary>
public sealed class RecipeDocument
{
    public string? Name { get; set; }

    public string? Version { get; set; }

    public string? Device { get; set; }

    public FlashloaderSection? Flashloader { get; set; }

    public FlashSection? Flash { get; set; }

    public ImageSection? Image { get; set; }

    public FusesSection? Fuses { get; set; }

    public PolicySection? Policy { get; set; }

    public sealed class FlashloaderSection
    {
        public string? File { get; set; }

        public string? Sha256 { get; set; }

        public string? LoadAddress { get; set; }

        public string? JumpAddress { get; set; }
    }

    public sealed class FlashSection
    {
        public string? MemoryId { get; set; }

        public List<string>? OptionWords { get; set; }

        public string? Fcb { get; set; }

        public List<string>? FallbackOptionWords { get; set; }
    }

    public sealed class ImageSection
    {
        public string? File { get; set; }

        public string? Sha256 { get; set; }

        public string? Address { get; set; }
    }

    public sealed class FusesSection
    {
        public bool Burn { get; set; }

        public List<FuseWordEntry>? Words { get; set; }
    }

    public sealed class FuseWordEntry
    {
        public string? Word { get; set; }

        public string? Value { get; set; }

        public string? Mask { get; set; }

        public bool Lock { get; set; }
    }

    public sealed class PolicySection
    {
        public string? TransportRetries { get; set; }

        public string? FlashRetries { get; set; }

        public bool? ReconfigureAtLowerClock { get; set; }

        public bool? ReloadFlashloader { get; set; }

        public string? PowerCycle { get; set; }

        public string? StageTimeout { get; set; }
    }
}
