namespace Station.Images.Imxrt;

/// <summary>Which of NXP's two boot image shapes a file has (IMAGES.md A.1.3).</summary>
public enum ImxrtImageKind
{
    /// <summary>From flash offset 0: FCB area, IVT at 0x1000, application at 0x2000. Written at the base.</summary>
    Full,

    /// <summary>The HAB container: IVT at 0, application at 0x1000. Written at base + 0x1000.</summary>
    NoPadding,
}
