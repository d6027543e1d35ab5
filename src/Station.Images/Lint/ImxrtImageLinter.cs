using Station.Images.Imxrt;

namespace Station.Images.Lint;

/// <summary>
/// Checks an i.MX RT FlexSPI NOR boot image before it is written: FCB tag, version, clock and read
/// LUT; IVT self, boot data and entry pointers against the base; boot data length covering the
/// application; the application's stack pointer and reset handler against where it will run; and
/// the image against the flash region. Every finding says what to change.
/// </summary>
public static partial class ImxrtImageLinter
{
    /// <summary>Lints a full or nopadding boot image.</summary>
    /// <param name="image">What <see cref="ImxrtImageReader"/> found.</param>
    /// <param name="device">The part the image is for.</param>
    /// <param name="writeAddress">Where the file will be written, when it says so itself (HEX/SREC/ELF) or the user gave it.</param>
    public static IReadOnlyList<LintFinding> Lint(ImxrtImageInfo image, ImxrtDevice device, uint? writeAddress = null)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(device);
        var findings = new List<LintFinding>();
        var baseAddress = image.BaseAddress;
        if (baseAddress != device.FlexSpiBase)
        {
            findings.Add(Error("ivt-base", $"the IVT says the image is at 0x{baseAddress + (uint)device.IvtOffset:X8}, so it was built for flash base 0x{baseAddress:X8}, but the {device.Name} boots from 0x{device.FlexSpiBase:X8}: rebuild it for the {device.Name}"));
        }

        if (writeAddress is { } address && address != image.WriteAddress)
        {
            findings.Add(Error("ivt-self", $"the file is written at 0x{address:X8} but its IVT self pointer needs it at 0x{image.WriteAddress:X8} ({(image.Kind == ImxrtImageKind.NoPadding ? "a nopadding image goes to base + 0x1000" : "a full image goes to the base")}): write it at 0x{image.WriteAddress:X8}"));
        }

        if (image.Kind == ImxrtImageKind.Full)
        {
            LintFcb(image, device, findings);
        }
        else
        {
            findings.Add(Info("nopadding", $"nopadding image: write it at 0x{image.WriteAddress:X8}; the FCB at 0x{baseAddress + (uint)device.FcbOffset:X8} must already be in flash"));
        }

        LintIvt(image, findings);
        LintBootData(image, findings);
        LintApplicationVectors(image.Application.Span, image.ApplicationAddress, device, findings);
        LintFit(image, device, findings);
        return findings;
    }

    private static void LintIvt(ImxrtImageInfo image, List<LintFinding> findings)
    {
        var ivt = image.Ivt;
        var self = ivt.Self;
        var end = (ulong)image.WriteAddress + (ulong)image.Bytes.Length;
        if (ivt.BootData != self + 0x20)
        {
            var inside = ivt.BootData >= image.WriteAddress && ivt.BootData + (ulong)BootData.EncodedLength <= end;
            findings.Add(inside
                ? Warning("ivt-boot-data", $"boot_data points to 0x{ivt.BootData:X8}, not right after the IVT (0x{self + 0x20:X8}) where NXP's tools put it")
                : Error("ivt-boot-data", $"boot_data points to 0x{ivt.BootData:X8}, outside the image: set it to 0x{self + 0x20:X8} (IVT + 0x20)"));
        }

        var appStart = image.ApplicationAddress;
        var bdtEnd = image.BootData is { } bdt ? (ulong)bdt.Start + bdt.Length : end;
        var entryEnd = Math.Min(end, bdtEnd);
        if (ivt.Entry < appStart || ivt.Entry >= entryEnd)
        {
            findings.Add(Error("ivt-entry", $"the IVT entry 0x{ivt.Entry:X8} is outside the application 0x{appStart:X8}-0x{entryEnd - 1:X8}: it must be the reset handler (vector table word 1) of an application linked at 0x{appStart:X8}"));
        }
        else if ((ivt.Entry & 1) == 0 && ivt.Entry != appStart)
        {
            findings.Add(Warning("ivt-entry", $"the IVT entry 0x{ivt.Entry:X8} is even: a Cortex-M7 runs Thumb code, so it should be the reset handler with bit 0 set (or the vector table at 0x{appStart:X8})"));
        }

        if (ivt.Dcd != 0 && (ivt.Dcd < image.WriteAddress || ivt.Dcd >= end))
        {
            findings.Add(Error("ivt-dcd", $"the IVT DCD pointer 0x{ivt.Dcd:X8} is outside the image; set it to 0 or to the DCD inside the image"));
        }

        if (ivt.Csf != 0)
        {
            findings.Add(Info("ivt-csf", $"the image is signed (CSF at 0x{ivt.Csf:X8}); the HAB signature is not checked here"));
        }

        if (ivt.Reserved1 != 0 || ivt.Reserved2 != 0)
        {
            findings.Add(Warning("ivt-reserved", "the IVT's reserved words are not 0"));
        }
    }

    private static void LintBootData(ImxrtImageInfo image, List<LintFinding> findings)
    {
        if (image.BootData is not { } bdt)
        {
            findings.Add(Error("bdt-missing", "the boot data the IVT points to is not in the image"));
            return;
        }

        if (bdt.Start != image.BaseAddress)
        {
            findings.Add(Error("bdt-start", $"boot data start 0x{bdt.Start:X8} is not the flash base 0x{image.BaseAddress:X8}: set it to the base (the image starts at flash offset 0)"));
        }

        var needed = (ulong)image.WriteAddress + (ulong)image.Bytes.Length - image.BaseAddress;
        if (bdt.Length < needed)
        {
            findings.Add(Error("bdt-length", $"boot data length 0x{bdt.Length:X} does not cover the application: the image runs to base + 0x{needed:X}; set the length to at least 0x{needed:X} (0x2000 + application length)"));
        }

        if (bdt.Plugin != 0)
        {
            findings.Add(Warning("bdt-plugin", $"boot data plugin flag is {bdt.Plugin}: the ROM will treat the image as a plugin and return to it"));
        }
    }

    private static void LintFit(ImxrtImageInfo image, ImxrtDevice device, List<LintFinding> findings)
    {
        var regionSize = image.Fcb is { HasValidTag: true, FlashA1Size: > 0 } fcb ? fcb.FlashA1Size : device.FlashRegionSize;
        var source = image.Fcb is { HasValidTag: true, FlashA1Size: > 0 } ? "the FCB's flash size" : $"the {device.Name} flash region";
        var end = (ulong)image.WriteAddress + (ulong)image.Bytes.Length;
        var limit = (ulong)image.BaseAddress + regionSize;
        if (image.WriteAddress < image.BaseAddress)
        {
            findings.Add(Error("flash-below-base", $"the image starts at 0x{image.WriteAddress:X8}, below the flash base 0x{image.BaseAddress:X8}"));
        }

        if (end > limit)
        {
            findings.Add(Error("flash-size", $"the image ends at 0x{end - 1:X8}, past {source} (0x{image.BaseAddress:X8}-0x{limit - 1:X8}): shrink the application or use a larger flash"));
        }
    }

    private static LintFinding Error(string code, string message) => new(LintSeverity.Error, code, message);

    private static LintFinding Warning(string code, string message) => new(LintSeverity.Warning, code, message);

    private static LintFinding Info(string code, string message) => new(LintSeverity.Info, code, message);
}
