using System.Buffers.Binary;
using Station.Images.Formats;
using Station.Images.Imxrt;
using Station.Images.Lint;
using Station.Testing;

namespace Station.Images.Tests.Lint;

public sealed class ImxrtImageLinterTests
{
    private static readonly ImxrtDevice Rt1060 = ImxrtDevices.Find("MIMXRT1060")!;

    [Theory]
    [InlineData("rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned_fcb.bin", "MIMXRT1060")]
    [InlineData("rt105x/output/evkbimxrt1050_iled_blinky_ext_FLASH_unsigned_fcb.bin", "MIMXRT1050")]
    [InlineData("rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned_nopadding.bin", "MIMXRT1060")]
    [InlineData("rt102x/output/evkmimxrt1020_iled_blinky_ext_FLASH_unsigned_nopadding.bin", "MIMXRT1020")]
    public void Lint_NxpGoldenImage_HasNoErrors(string file, string device)
    {
        var findings = Lint(SharedTestData.Read($"spsdk/{file}"), ImxrtDevices.Find(device)!);
        Assert.False(findings.HasErrors(), string.Join("\n", findings));
    }

    [Fact]
    public void Lint_FullImageWithoutFcb_WarnsWhatToAdd()
    {
        var findings = Lint(SharedTestData.Read("spsdk/rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned.bin"), Rt1060);
        var warning = Assert.Single(findings, f => f.Code == "fcb-missing");
        Assert.Contains("--fcb", warning.Message, StringComparison.Ordinal);
        Assert.False(findings.HasErrors());
    }

    [Fact]
    public void Lint_Rt1060ImageOnRt1064_ReportsWrongBase()
    {
        var findings = Lint(SharedTestData.Read("spsdk/rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned_fcb.bin"), ImxrtDevices.Find("RT1064")!);
        Assert.Contains(findings, f => f.Code == "ivt-base" && f.Message.Contains("0x70000000", StringComparison.Ordinal));
    }

    [Fact]
    public void Lint_BadFcbTag_IsAnError()
    {
        var image = Golden();
        image[0] = 0x00;

        // Without the tag the reader no longer sees an FCB; a corrupted version is caught by the field check instead.
        var findings = Lint(image, Rt1060);
        Assert.Contains(findings, f => f.Code == "fcb-missing");
        image[0] = 0x46;
        image[7] = 0x55;
        Assert.Contains(Lint(image, Rt1060), f => f.Code == "fcb-version" && f.Severity == LintSeverity.Error);
    }

    [Fact]
    public void Lint_ClockCodeUnknownToTheRom_IsAnError()
    {
        var image = Golden();
        image[0x46] = 9; // 166 MHz on RT106x, unknown on RT102x
        Assert.DoesNotContain(Lint(image, Rt1060), f => f.Code == "fcb-clock" && f.Severity == LintSeverity.Error);
        Assert.Contains(Lint(image, ImxrtDevices.Find("RT1020")!), f => f.Code == "fcb-clock" && f.Severity == LintSeverity.Error);
    }

    [Fact]
    public void Lint_EmptyReadLut_IsAnError()
    {
        var image = Golden();
        image.AsSpan(0x80, 16).Clear();
        Assert.Contains(Lint(image, Rt1060), f => f.Code == "fcb-lut");
    }

    [Fact]
    public void Lint_EntryOutsideApplication_SaysWhatItMustBe()
    {
        var image = Golden();
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(0x1004), 0x6000_0101);
        var finding = Assert.Single(Lint(image, Rt1060), f => f.Code == "ivt-entry");
        Assert.Contains("reset handler", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_BootDataLengthShort_SaysTheLengthNeeded()
    {
        var image = Golden();
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(0x1024), 0x3000);
        var finding = Assert.Single(Lint(image, Rt1060), f => f.Code == "bdt-length");
        Assert.Contains("at least 0x5208", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_BootDataStartNotBase_IsAnError()
    {
        var image = Golden();
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(0x1020), 0x6000_1000);
        Assert.Contains(Lint(image, Rt1060), f => f.Code == "bdt-start");
    }

    [Fact]
    public void Lint_ApplicationLinkedElsewhere_SaysWhereToLinkIt()
    {
        // An app linked at 0x70002000 wrapped as if for 0x60000000.
        var app = SyntheticApp.Create(0x7000_2000);
        var built = ImxrtBootImageBuilder.Build(BinaryImageReader.Read(app, 0x6000_2000, "app.bin"), new ImxrtBuildOptions { Device = Rt1060 });
        var finding = Assert.Single(Lint(built.FullImage, Rt1060), f => f.Code == "app-link-address");
        Assert.Contains("link the application at 0x60002000", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lint_StackNotInRam_IsAnError()
    {
        var app = SyntheticApp.Create(0x6000_2000, stackTop: 0x1000_0000);
        var built = ImxrtBootImageBuilder.Build(BinaryImageReader.Read(app, 0x6000_2000, "app.bin"), new ImxrtBuildOptions { Device = Rt1060 });
        Assert.Contains(Lint(built.FullImage, Rt1060), f => f.Code == "app-stack" && f.Severity == LintSeverity.Error);
    }

    [Fact]
    public void Lint_ImageBiggerThanFcbFlash_IsAnError()
    {
        var image = Golden();
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(0x50), 0x4000); // 16 KiB flash
        Assert.Contains(Lint(image, Rt1060), f => f.Code == "flash-size");
    }

    [Fact]
    public void Lint_NopaddingFileWrittenAtBase_SaysWhereToWriteIt()
    {
        var nopadding = SharedTestData.Read("spsdk/rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned_nopadding.bin");
        var info = ImxrtImageReader.TryRead(nopadding)!;
        var finding = Assert.Single(ImxrtImageLinter.Lint(info, Rt1060, writeAddress: 0x6000_0000), f => f.Code == "ivt-self");
        Assert.Contains("write it at 0x60001000", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LintApplication_RawGoldenApp_WarnsItNeedsBuilding()
    {
        var app = BinaryImageReader.Read(SharedTestData.Read("spsdk/rt106x/evkmimxrt1060_iled_blinky_ext_FLASH.bin"), 0x6000_2000, "app.bin");
        var findings = ImxrtImageLinter.LintApplication(app, Rt1060, 0x6000_0000);
        Assert.Contains(findings, f => f.Code == "no-boot-header");
        Assert.False(findings.HasErrors(), string.Join("\n", findings));
    }

    private static byte[] Golden() => SharedTestData.Read("spsdk/rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned_fcb.bin");

    private static IReadOnlyList<LintFinding> Lint(byte[] image, ImxrtDevice device) =>
        ImxrtImageLinter.Lint(ImxrtImageReader.TryRead(image, device) ?? throw new InvalidOperationException("not a boot image"), device);
}
