namespace Station.Images.Lint;

/// <summary>The imgtool options that make an application boot from its slot.</summary>
/// <param name="HeaderSize">--header-size: the link address of the vector table minus the slot address.</param>
/// <param name="PadHeader">--pad-header: true when the input begins with its vector table; false when it already has a zero gap.</param>
public sealed record McubootSigningAdvice(int HeaderSize, bool PadHeader)
{
    /// <summary>The options as a user types them.</summary>
    public string Options => PadHeader ? $"--header-size 0x{HeaderSize:X} --pad-header" : $"--header-size 0x{HeaderSize:X} without --pad-header";

    /// <inheritdoc/>
    public override string ToString() => Options;
}
