namespace Station.Images.Inspect;

/// <summary>What an inspected file turned out to be.</summary>
public enum ImageKind
{
    /// <summary>A plain application: a vector table first, no boot header.</summary>
    Application,

    /// <summary>An i.MX RT full boot image (FCB area, IVT at 0x1000, application at 0x2000).</summary>
    ImxrtFull,

    /// <summary>An i.MX RT nopadding boot image (IVT at 0, application at 0x1000).</summary>
    ImxrtNoPadding,

    /// <summary>An MCUboot image (header magic 0x96F3B83D).</summary>
    Mcuboot,
}
