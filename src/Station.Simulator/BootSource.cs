namespace Station.Simulator;

/// <summary>What the ROM does after reset or power-on (the boot pins / BT_FUSE_SEL).</summary>
public enum BootSource
{
    /// <summary>Always the serial downloader: the board comes back as the ROM device (a production fixture).</summary>
    SerialDownloader,

    /// <summary>
    /// Boot from FlexSPI NOR when it holds an FCB ('FCFB' at the base) and an IVT at base + 0x1000
    /// (the board then runs the application and leaves the bus); otherwise fall back to the serial
    /// downloader, as the ROM does.
    /// </summary>
    InternalBoot,
}
