using Station.Images.Imxrt;
using Station.Images.Inspect;
using Station.Images.Lint;
using Station.Images.Mcuboot;
using Station.Images.Signing;
using Station.Testing;
using Xunit.Abstractions;

namespace Station.Images.Tests.Fuzz;

/// <summary>
/// Issue 8's mutation fuzz over the image parsers, seeded with the golden files of tests/TestData
/// (NXP's FCBs and boot images, imgtool's MCUboot images): bit flips, boundary bytes, cuts, inserted,
/// repeated and removed slices (Station.Testing's <see cref="Mutator"/>, fixed seed, fixed case
/// counts; STATION_FUZZ_CASES raises them). Every parser must accept the bytes or refuse them with
/// <see cref="ImageFormatException"/> (a signature check: <see cref="ImageSignatureException"/>);
/// linters return findings and never throw. BadInputTests keeps the named corrupt files and the
/// prefix-cut sweep; this adds the random mutations and the verifier and linters after a parse.
/// </summary>
public sealed class ImageParserFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 8;

    private static readonly string[] Fcbs = ["fcb/mimxrt1064_sip_w25q32jv.fcb", "spsdk/fcb/rt106x/fcb.bin", "spsdk/rt102x/flex_spi.fcb", "spsdk/rt105x/flex_spi.fcb", "spsdk/rt106x/flex_spi.fcb"];

    private static readonly string[] BootImages =
    [
        "spsdk/rt102x/output/evkmimxrt1020_iled_blinky_ext_FLASH_unsigned_nopadding.bin",
        "spsdk/rt105x/output/evkbimxrt1050_iled_blinky_ext_FLASH_unsigned_fcb.bin",
        "spsdk/rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned.bin",
        "spsdk/rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned_nofcb.bin",
        "spsdk/rt106x/ivt_flashloader.bin",
    ];

    private static readonly (string Image, string Key)[] McubootImages =
    [
        ("mcuboot/app.signed.ecdsa-p256.bin", "mcuboot/ecdsa-p256.pem"),
        ("mcuboot/app.signed.rsa-2048.bin", "mcuboot/rsa-2048.pem"),
        ("mcuboot/app.signed.ed25519.bin", "mcuboot/ed25519.pem"),
    ];

    [Fact]
    public void FlexSpiNorConfigParse_MutatedFcbs_ParseOrThrowImageFormat()
    {
        var seeds = Fcbs.Select(SharedTestData.Read).ToList();
        var fuzz = new Mutator(Seed);
        var outcomes = new FuzzOutcomes("FCB", e => e is ImageFormatException f && Names(f, "fcb") ? "refused" : null);
        for (var i = 0; i < Mutator.Cases(20_000); i++)
        {
            var fcb = fuzz.Next(seeds, 1024);
            outcomes.Run(i, fcb, () =>
            {
                var config = FlexSpiNorConfig.Parse(fcb, "fcb");
                _ = config.ToString();
                return "parsed";
            });
        }

        output.WriteLine(outcomes.ToString());
        outcomes.AssertReached("parsed", "refused");
    }

    [Fact]
    public void ImxrtImageReader_MutatedBootImages_ReadAndLintOrThrowImageFormat()
    {
        var seeds = BootImages.Select(SharedTestData.Read).ToList();
        var devices = new[] { ImxrtDevices.Find("RT1020")!, ImxrtDevices.Find("RT1050")!, ImxrtDevices.Find("RT1060")!, ImxrtDevices.Find("RT1064")! };
        var fuzz = new Mutator(Seed);
        var outcomes = new FuzzOutcomes("i.MX RT boot image", e => e is ImageFormatException ? "refused" : null);
        for (var i = 0; i < Mutator.Cases(2_000); i++)
        {
            var image = fuzz.Next(seeds, 0x12000);
            var device = fuzz.Random.Next(3) == 0 ? null : devices[fuzz.Random.Next(devices.Length)];
            outcomes.Run(i, image, () =>
            {
                if (ImxrtImageReader.TryRead(image, device) is not { } info)
                {
                    return "not a boot image";
                }

                var findings = ImxrtImageLinter.Lint(info, device ?? info.Device ?? devices[2]);
                return findings.Any(f => f.Severity == LintSeverity.Error) ? "read, lint errors" : "read, clean";
            });
        }

        output.WriteLine(outcomes.ToString());
        outcomes.AssertReached("read, clean", "read, lint errors", "not a boot image");
    }

    [Fact]
    public void McubootParse_MutatedSignedImages_ParseLintVerifyOrThrowTheirExceptions()
    {
        var seeds = McubootImages.Select(m => SharedTestData.Read(m.Image)).ToList();
        var keys = McubootImages.Select(m => SigningKey.FromPem(File.ReadAllText(SharedTestData.PathOf(m.Key)), m.Key)).ToList();
        var lint = new McubootLintOptions { SlotAddress = 0xC000, RamStart = 0x2000_0000, RamSize = 0x4_0000 };
        var fuzz = new Mutator(Seed);
        var outcomes = new FuzzOutcomes("MCUboot image", e => e switch
        {
            ImageFormatException f when Names(f, "mcuboot") => "refused (format)",
            ImageSignatureException s when s.FileName == "mcuboot" => "refused (signature)",
            _ => null,
        });
        for (var i = 0; i < Mutator.Cases(3_000); i++)
        {
            var bytes = fuzz.Next(seeds, 4096);
            var key = keys[fuzz.Random.Next(keys.Count)];
            outcomes.Run(i, bytes, () =>
            {
                var image = McubootImage.Parse(bytes, "mcuboot");
                _ = McubootHeaderLinter.LintSigned(image, lint);
                McubootVerifier.Verify(image, key);
                return "verified";
            });
        }

        output.WriteLine(outcomes.ToString());
        outcomes.AssertReached("refused (format)", "refused (signature)"); // a signature refusal means the parse and the lint passed
    }

    [Fact]
    public void ImageInspector_MutatedImagesOfEveryKind_InspectOrThrowImageFormat()
    {
        var seeds = Fcbs.Concat(BootImages).Concat(McubootImages.Select(m => m.Image)).Select(SharedTestData.Read)
            .Concat(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "TestData", "BadInput")).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Select(File.ReadAllBytes))
            .Where(s => s.Length > 0)
            .ToList();
        var fuzz = new Mutator(Seed);
        var outcomes = new FuzzOutcomes("image inspection", e => e is ImageFormatException f && Names(f, "inspect") ? "refused" : null);
        for (var i = 0; i < Mutator.Cases(2_000); i++)
        {
            var bytes = fuzz.Next(seeds, 0x12000);
            outcomes.Run(i, bytes, () => ImageInspector.Inspect(bytes, "inspect", 0x6000_0000).Kind.ToString());
        }

        output.WriteLine(outcomes.ToString());
        outcomes.AssertReached("refused");
        Assert.True(outcomes.Count("refused") < Mutator.Cases(2_000), outcomes.ToString());
    }

    /// <summary>A refusal names the file and says what is wrong.</summary>
    private static bool Names(ImageFormatException exception, string file) =>
        exception.FileName == file && !string.IsNullOrWhiteSpace(exception.Problem);
}
