using Station.Images.Imxrt;

namespace Station.Images.Lint;

public static partial class ImxrtImageLinter
{
    private static void LintFcb(ImxrtImageInfo image, ImxrtDevice device, List<LintFinding> findings)
    {
        if (image.Fcb is not { } fcb)
        {
            var offsetText = $"0x{device.FcbOffset:X}";
            findings.Add(Warning("fcb-missing", $"no FCB (\"FCFB\") at flash offset {offsetText}: a blank board will not boot; build with --fcb FILE or --flash PRESET unless the flash already holds an FCB"));
            return;
        }

        if (image.FcbOffset != device.FcbOffset)
        {
            findings.Add(Error("fcb-offset", $"the FCB is at offset 0x{image.FcbOffset:X} but the {device.Name} ROM reads it at 0x{device.FcbOffset:X}: rebuild the image for the {device.Name}"));
        }

        LintFcbFields(fcb, device, findings);
    }

    /// <summary>Checks an FCB on its own (tag, version, clock code, read LUT, sizes) for <paramref name="device"/>.</summary>
    public static IReadOnlyList<LintFinding> LintFcb(FlexSpiNorConfig fcb, ImxrtDevice device)
    {
        ArgumentNullException.ThrowIfNull(fcb);
        ArgumentNullException.ThrowIfNull(device);
        var findings = new List<LintFinding>();
        LintFcbFields(fcb, device, findings);
        return findings;
    }

    private static void LintFcbFields(FlexSpiNorConfig fcb, ImxrtDevice device, List<LintFinding> findings)
    {
        if (!fcb.HasValidTag)
        {
            findings.Add(Error("fcb-tag", $"the FCB tag is 0x{fcb.Tag:X8}, not \"FCFB\" (0x{FlexSpiNorConfig.ExpectedTag:X8}): the ROM will not use it; use a real FCB file or --flash PRESET"));
            return;
        }

        if (fcb.Version >> 24 != 0x56 || ((fcb.Version >> 16) & 0xFF) != 1)
        {
            findings.Add(Error("fcb-version", $"the FCB version is 0x{fcb.Version:X8}; the RT10xx ROM expects 'V' 1.x (e.g. 0x{FlexSpiNorConfig.DefaultVersion:X8})"));
        }

        if (fcb.ReadSampleClockSource > 3)
        {
            findings.Add(Error("fcb-sample-clock", $"readSampleClkSrc {fcb.ReadSampleClockSource} is not 0-3; use 1 (loopback from DQS pad) for quad SPI"));
        }

        if (device.ClockMhz(fcb.SerialClockFrequency) is { } mhz)
        {
            findings.Add(Info("fcb-clock", $"serialClkFreq {fcb.SerialClockFrequency} = {mhz} MHz on the {device.Name}"));
        }
        else
        {
            findings.Add(Error("fcb-clock", $"serialClkFreq {fcb.SerialClockFrequency} is not a clock the {device.Name} ROM knows (1-{device.SerialClockMhz.Count}: {string.Join("/", device.SerialClockMhz)} MHz); the FCB was probably made for another part"));
        }

        if (fcb.SerialFlashPadType is not (1 or 2 or 4 or 8))
        {
            findings.Add(Error("fcb-pads", $"sflashPadType {fcb.SerialFlashPadType} is not 1, 2, 4 or 8"));
        }

        if (fcb.Sequence(0).Count == 0)
        {
            findings.Add(Error("fcb-lut", "LUT sequence 0 (read) is empty: the ROM cannot read the flash; use the quad read LUT (0x0A1804EB 0x26043206) or --flash PRESET"));
        }

        if (fcb.FlashA1Size == 0 && fcb.FlashB1Size == 0)
        {
            findings.Add(Error("fcb-size", "sflashA1Size is 0: set it to the flash size"));
        }
    }
}
