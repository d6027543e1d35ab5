using Station.Protocols.MBoot;

namespace Station.Protocols.Tests.Integration;

/// <summary>Addresses and steps of the RT1064 flashloader flow (PROTOCOLS.md 6.2, 6.3, 8).</summary>
internal static class Rt1064
{
    /// <summary>FlexSPI2 base of the in-package W25Q32JV.</summary>
    public const uint Nor = 0x7000_0000;

    /// <summary>4 MiB of NOR.</summary>
    public const int NorSize = 4 * 1024 * 1024;

    /// <summary>OCRAM: free RAM for data (the flashloader sits in DTCM).</summary>
    public const uint Ocram = 0x2020_0000;

    /// <summary>Where the configuration words go before configure-memory (SPSDK's RT10xx buffer).</summary>
    public const uint ConfigBuffer = 0x2000;

    /// <summary>QuadSPI SDR via SFDP, 133 MHz class: the RT1064 in-package flash.</summary>
    public const uint OptionWord = 0xC000_0007;

    /// <summary>Program the FCB built by the last option-word configure.</summary>
    public const uint ProgramFcb = 0xF000_000F;

    /// <summary>NXP's flashloader for RT106x, loaded at 0x20000000 with its IVT at 0x20000400.</summary>
    public const uint FlashloaderLoad = 0x2000_0000;

    public const uint FlashloaderIvt = 0x2000_0400;

    /// <summary>fill-memory 0x2000 4 word; configure-memory 9 0x2000.</summary>
    public static async Task ConfigureAsync(MBootClient client, uint word, CancellationToken cancellationToken)
    {
        await client.FillMemoryAsync(ConfigBuffer, sizeof(uint), word, cancellationToken);
        await client.ConfigureMemoryAsync(MBootMemoryId.FlexSpiNor, ConfigBuffer, cancellationToken);
    }

    /// <summary>Deterministic bytes that are neither blank (0xFF) nor zero.</summary>
    public static byte[] Pattern(int length, int seed = 1)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
