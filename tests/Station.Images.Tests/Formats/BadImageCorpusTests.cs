using Station.Images.Imxrt;
using Station.Images.Lint;
using Station.Images.Mcuboot;
using Station.Images.Signing;
using Station.Testing;

namespace Station.Images.Tests.Formats;

/// <summary>
/// The rest of the bad-image corpus (TestData/BadInput, issue 8), beside BadInputTests' reader and
/// prefix-cut cases: MCUboot headers and TLV areas that are wrong, a hash that no longer matches, an
/// FCB with data after it, and boot images whose FCB or IVT the linter must call out by code.
/// </summary>
public sealed class BadImageCorpusTests
{
    [Theory]
    [InlineData("mcuboot-bad-magic.bin", "not an MCUboot image: magic 0x12345678")]
    [InlineData("mcuboot-v1-magic.bin", "old MCUboot v1 image")]
    [InlineData("mcuboot-header-size-small.bin", "ih_hdr_size 0x10 is smaller than the 32-byte header")]
    [InlineData("mcuboot-tlv-cut.bin", "past the end of the 1677-byte file")]
    public void McubootParse_BadImage_ThrowsNamingTheProblem(string file, string problem)
    {
        var ex = Assert.Throws<ImageFormatException>(() => McubootImage.Parse(Load(file), file));

        Assert.Equal(file, ex.FileName);
        Assert.Contains(problem, ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void McubootVerify_PayloadByteFlipped_ThrowsHashMismatch()
    {
        var image = McubootImage.Parse(Load("mcuboot-hash-mismatch.bin"), "mcuboot-hash-mismatch.bin");
        using var key = SigningKey.FromPem(File.ReadAllText(SharedTestData.PathOf("mcuboot/ecdsa-p256.pem")), "ecdsa-p256.pem");

        var ex = Assert.Throws<ImageSignatureException>(() => McubootVerifier.Verify(image, key));

        Assert.Equal("mcuboot-hash-mismatch.bin", ex.FileName);
        Assert.Contains("hash mismatch", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void FcbParse_DataAfterTheBlock_AsksWhetherItIsAWholeImage()
    {
        var ex = Assert.Throws<ImageFormatException>(() => FlexSpiNorConfig.Parse(Load("fcb-long.fcb"), "fcb-long.fcb"));

        Assert.Contains("with data after byte 512 (is it a whole boot image?)", ex.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("boot-fcb-bad-tag.bin", "RT1060", "fcb-missing", LintSeverity.Warning)] // no "FCFB": the reader finds no FCB at all
    [InlineData("boot-ivt-bad-entry.bin", "RT1060", "ivt-entry", LintSeverity.Error)]
    [InlineData("boot-ivt-bad-entry.bin", "RT1064", "ivt-base", LintSeverity.Error)]
    public void Lint_BadBootImage_ReportsTheFaultByCode(string file, string device, string code, LintSeverity severity)
    {
        var part = ImxrtDevices.Find(device)!;
        var image = ImxrtImageReader.TryRead(Load(file), part);

        Assert.NotNull(image);
        var finding = Assert.Single(ImxrtImageLinter.Lint(image, part), f => f.Code == code);
        Assert.Equal(severity, finding.Severity);
    }

    private static byte[] Load(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "BadInput", file));
}
