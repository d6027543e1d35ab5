using Station.Images.Export;
using Station.Images.Formats;
using Station.Images.Lint;
using Station.Images.Mcuboot;
using Station.Images.Signing;
using Station.Testing;

namespace Station.Images.Tests.Lint;

[Trait("Issue", "https://devzone.nordicsemi.com/f/nordic-q-a/109057/")]
public sealed class McubootHeaderLinterTests
{
    private const uint Slot = 0xC000;
    private static readonly McubootLintOptions Options = new() { SlotAddress = Slot, RamStart = 0x2000_0000, RamSize = 0x4_0000 };

    [Theory]
    [InlineData("app.signed.ecdsa-p256.bin")]
    [InlineData("app.signed.rsa-2048.bin")]
    [InlineData("app.signed.ed25519.bin")]
    [InlineData("app.signed.ecdsa-p256.pad-confirm.bin")]
    public void LintSigned_ImgtoolGoldenImage_WillBoot(string file)
    {
        var result = McubootHeaderLinter.LintSigned(McubootImage.Parse(SharedTestData.Read($"mcuboot/{file}"), file), Options);
        Assert.True(result.WillBoot, string.Join("\n", result.Findings));
        Assert.Equal(0xC200u, result.LinkAddress);
    }

    [Fact]
    public void LintSigned_LinkedFor0x200SignedWithHeader32AndPad_NamesHeaderSize0x200WithPadHeader()
    {
        // Variant 1 (the NCS case): the input starts with its vector table, linked at slot + 0x200.
        var signed = Sign(SyntheticApp.Create(Slot + 0x200), header: 0x20, padHeader: true);
        var result = McubootHeaderLinter.LintSigned(signed, Options);
        Assert.False(result.WillBoot);
        Assert.Equal(new McubootSigningAdvice(0x200, PadHeader: true), result.Advice);
        var error = result.Findings.FirstError()!;
        Assert.Equal("mcuboot-header-size", error.Code);
        Assert.Contains("linked for 0x0000C200 but sits at 0x0000C020", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("re-sign with --header-size 0x200 --pad-header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LintSigned_GoldenAppSignedWithHeader32_IsCaught()
    {
        // The 1 KiB golden app.bin (linked at 0xC200) signed the wrong way.
        var signed = Sign(SharedTestData.Read("mcuboot/app.bin"), header: 0x20, padHeader: true);
        var result = McubootHeaderLinter.LintSigned(signed, Options);
        Assert.Equal(new McubootSigningAdvice(0x200, PadHeader: true), result.Advice);
    }

    [Fact]
    public void LintSigned_ZeroGapInputSignedWithPadHeader_NamesHeaderSize0x200WithoutPadHeader()
    {
        // Variant 2 (plain Zephyr): the input already has the 0x200 zero gap and --pad-header is added anyway.
        var input = SyntheticApp.WithZeroGap(SyntheticApp.Create(Slot + 0x200), 0x200);
        var result = McubootHeaderLinter.LintSigned(Sign(input, header: 0x20, padHeader: true), Options);
        Assert.Equal(new McubootSigningAdvice(0x200, PadHeader: false), result.Advice);
        var error = result.Findings.FirstError()!;
        Assert.Contains("MSP and reset at hdr_size 0x20 are 0", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("re-sign with --header-size 0x200 without --pad-header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LintSigned_ZeroGapInputSignedWith0x200AndPadHeader_NamesWithoutPadHeader()
    {
        // The "0x400 cousin": header 0x200 + pad on an input that already has the gap.
        var input = SyntheticApp.WithZeroGap(SyntheticApp.Create(Slot + 0x200), 0x200);
        var result = McubootHeaderLinter.LintSigned(Sign(input, header: 0x200, padHeader: true), Options);
        Assert.Equal(new McubootSigningAdvice(0x200, PadHeader: false), result.Advice);
    }

    [Fact]
    public void LintSigned_ZeroGapInputSignedWithHeader32WithoutPad_NamesHeaderSize0x200()
    {
        var input = SyntheticApp.WithZeroGap(SyntheticApp.Create(Slot + 0x200), 0x200);
        var result = McubootHeaderLinter.LintSigned(Sign(input, header: 0x20, padHeader: false), Options);
        Assert.Equal(new McubootSigningAdvice(0x200, PadHeader: false), result.Advice);
    }

    [Theory]
    [InlineData(0x200, false, true)] // plain Zephyr: gap input, no --pad-header
    [InlineData(0x200, true, false)] // NCS: input starts with the table, --pad-header
    public void LintSigned_CorrectlySignedSyntheticApp_WillBoot(int header, bool padHeader, bool gapInput)
    {
        var app = SyntheticApp.Create(Slot + 0x200, size: 0x8000, seed: 7);
        var input = gapInput ? SyntheticApp.WithZeroGap(app, 0x200) : app;
        var result = McubootHeaderLinter.LintSigned(Sign(input, header, padHeader), Options);
        Assert.True(result.WillBoot, string.Join("\n", result.Findings));
    }

    [Fact]
    public void LintSigned_LinkedForAnotherSlot_SaysToCheckTheSlot()
    {
        var signed = Sign(SyntheticApp.Create(0x8_0200), header: 0x200, padHeader: true);
        var result = McubootHeaderLinter.LintSigned(signed, Options);
        Assert.False(result.WillBoot);
        Assert.Contains(result.Findings, f => f.Code == "mcuboot-slot" && f.Message.Contains("--slot-address", StringComparison.Ordinal));
    }

    [Fact]
    public void LintSigned_StackOutsideGivenRam_ReportsNoVectorTable()
    {
        var signed = McubootImage.Parse(SharedTestData.Read("mcuboot/app.signed.ed25519.bin"), "app.bin");
        var result = McubootHeaderLinter.LintSigned(signed, Options with { RamStart = 0x3000_0000 });
        Assert.Equal("mcuboot-no-vector-table", result.Findings.FirstError()!.Code);
    }

    [Fact]
    public void LintUnsigned_ElfLinkedAtSlotPlus0x200StartingWithTable_AdvisesPadHeader()
    {
        var app = SyntheticApp.Create(Slot + 0x200);
        var elf = ElfFile.Parse(new TestElf { Entry = Slot + 0x241 }.Load(Slot + 0x200, app).Section("rom_start", Slot + 0x200, 0x40).Section("text", Slot + 0x240, 0x100).Symbol("_vector_table", Slot + 0x200).Build(), "zephyr.elf");
        var result = McubootHeaderLinter.LintUnsigned(elf.Image, elf, Options);
        Assert.True(result.WillBoot);
        Assert.Equal(new McubootSigningAdvice(0x200, PadHeader: true), result.Advice);
        Assert.Contains(result.Findings, f => f.Message.Contains("symbol _vector_table", StringComparison.Ordinal));
    }

    [Fact]
    public void LintUnsigned_ElfWithIntendedHeader32_FailsNamingTheFix()
    {
        var app = SyntheticApp.Create(Slot + 0x200);
        var elf = ElfFile.Parse(new TestElf().Load(Slot + 0x200, app).Symbol("_vector_table", Slot + 0x200).Build(), "zephyr.elf");
        var result = McubootHeaderLinter.LintUnsigned(elf.Image, elf, Options, headerSize: 0x20, padHeader: true);
        var error = result.Findings.FirstError()!;
        Assert.Equal("mcuboot-header-size", error.Code);
        Assert.Contains("puts the vector table at 0x0000C020", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("sign with --header-size 0x200 --pad-header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LintUnsigned_ZephyrElfWithZeroGap_AdvisesNoPadHeader()
    {
        var image = SyntheticApp.WithZeroGap(SyntheticApp.Create(Slot + 0x200), 0x200);
        var elf = ElfFile.Parse(new TestElf().Load(Slot, image).Section("rom_start", Slot + 0x200, 0x40).Build(), "zephyr.elf");
        var result = McubootHeaderLinter.LintUnsigned(elf.Image, elf, Options, headerSize: 0x200, padHeader: true);
        Assert.Equal(new McubootSigningAdvice(0x200, PadHeader: false), result.Advice);
        Assert.EndsWith("sign with --header-size 0x200 without --pad-header", result.Findings.FirstError()!.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LintUnsigned_HexStartingWithTable_AdvisesPadHeaderAndAcceptsIt()
    {
        var hex = IntelHexWriter.Write(BinaryImageReader.Read(SyntheticApp.Create(Slot + 0x200), Slot + 0x200, "app.bin"));
        var image = IntelHexReader.Read(hex, "app.hex");
        var result = McubootHeaderLinter.LintUnsigned(image, null, Options, headerSize: 0x200, padHeader: true);
        Assert.True(result.WillBoot, string.Join("\n", result.Findings));
        Assert.Equal(new McubootSigningAdvice(0x200, PadHeader: true), result.Advice);
    }

    [Fact]
    public void LintUnsigned_HexWithNonZeroGap_Fails()
    {
        var image = SyntheticApp.WithZeroGap(SyntheticApp.Create(Slot + 0x200), 0x200);
        image[0x10] = 0x55;
        var result = McubootHeaderLinter.LintUnsigned(BinaryImageReader.Read(image, Slot, "app.bin"), null, Options);
        Assert.Equal("mcuboot-gap-not-zero", result.Findings.FirstError()!.Code);
    }

    [Fact]
    public void LintUnsigned_SignedHexMadeWithHeader32_IsOffTheSlotAndNamesTheFix()
    {
        var app = BinaryImageReader.Read(SyntheticApp.Create(Slot + 0x200), Slot + 0x200, "app.hex");
        var options = new McubootSignOptions { HeaderSize = 0x20, PadHeader = true, Align = 4 };
        var signed = McubootSigner.SignToImage(app, null, options);
        var result = McubootHeaderLinter.LintUnsigned(signed, null, Options);
        Assert.Contains(result.Findings, f => f.Code == "mcuboot-file-address");
        Assert.Equal(new McubootSigningAdvice(0x200, PadHeader: true), result.Advice);
    }

    private static McubootImage Sign(byte[] input, int header, bool padHeader)
    {
        using var key = SigningKey.FromPem(File.ReadAllText(SharedTestData.PathOf("mcuboot/ed25519.pem")), "ed25519.pem");
        var options = new McubootSignOptions { HeaderSize = header, PadHeader = padHeader, Align = 4, Version = McubootVersion.Parse("1.0.0") };
        return McubootImage.Parse(McubootSigner.Sign(input, key, options, "app.bin"), "signed.bin");
    }
}
