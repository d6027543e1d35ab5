using Station.Core.Devices;
using Station.Core.Fuses;

namespace Station.Core.Recipes;

/// <summary>
/// A validated recipe with its files loaded: immutable, identified by name, version and the SHA-256
/// of the recipe file (STYLE 4.5: Recipe as stored → RecipePlan validated → run).
/// </summary>
public sealed record RecipePlan(
    string Name,
    int Version,
    string ContentSha256,
    DeviceFamily Device,
    FlashloaderPlan Flashloader,
    FlashConfiguration Flash,
    BootImagePlan Image,
    IReadOnlyList<FuseRequest> Fuses,
    bool MayBurnFuses,
    RunPolicy Policy)
{
    /// <summary>How a run names its recipe in records and logs.</summary>
    public string Identity => $"{Name} v{Version} ({ContentSha256[..12]})";
}

/// <summary>The flashloader loaded over SDP, and where it goes.</summary>
public sealed record FlashloaderPlan(byte[] Bytes, string Sha256, uint LoadAddress, uint JumpAddress);

/// <summary>How the FlexSPI NOR is configured: option words (with slower fallbacks) or a full FCB.</summary>
public sealed record FlashConfiguration(uint MemoryId, IReadOnlyList<uint> OptionWords, byte[]? Fcb, IReadOnlyList<uint> FallbackOptionWords);

/// <summary>The boot image written to flash, its expected SHA-256, and its flash address.</summary>
public sealed record BootImagePlan(byte[] Bytes, string Sha256, uint Address);
