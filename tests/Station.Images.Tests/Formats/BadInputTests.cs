using Station.Images.Formats;
using Station.Images.Imxrt;
using Station.Images.Lint;
using Station.Images.Mcuboot;

namespace Station.Images.Tests.Formats;

public sealed class BadInputTests
{
    public static TheoryData<string, string> Corpus => new()
    {
        { "truncated-no-eof.hex", "no end-of-file record" },
        { "truncated-mid-record.hex", "line 3: odd number of hex digits" },
        { "bad-checksum.hex", "line 2: bad checksum" },
        { "unknown-record-type.hex", "unknown record type 0x06" },
        { "overlap.hex", "overlapping data: 0x60002008" },
        { "not-hex-text.hex", "line 2: a record must start with ':'" },
        { "truncated-no-termination.srec", "no termination record" },
        { "bad-checksum.srec", "line 2: bad checksum" },
        { "count-mismatch.srec", "count record says 5 data records, the file has 2" },
        { "reserved-s4.srec", "S4 is a reserved record type" },
        { "overlap.srec", "overlapping data" },
        { "truncated-header.elf", "ELF header truncated" },
        { "truncated-segment.elf", "PT_LOAD segment 0" },
        { "program-headers-past-end.elf", "program header table at file offset 0x1000" },
        { "elf64.elf", "only ELF32 little-endian" },
        { "big-endian.elf", "only ELF32 little-endian" },
        { "overlapping-segments.elf", "overlapping data" },
        { "empty.bin", "the file is empty" },
    };

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Read_CorruptFile_ThrowsNamingFileAndProblem(string file, string problem)
    {
        var ex = Assert.Throws<ImageFormatException>(() => FirmwareReader.Read(Load(file), file, 0x6000_2000));
        Assert.Equal(file, ex.FileName);
        Assert.StartsWith($"{file}: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mcuboot-truncated.bin", "truncated")]
    [InlineData("mcuboot-no-tlv.bin", "no TLV area at 0x600")]
    [InlineData("mcuboot-tlv-overrun.bin", "past the end of the TLV area")]
    public void McubootParse_CorruptFile_ThrowsNamingFileAndProblem(string file, string problem)
    {
        var ex = Assert.Throws<ImageFormatException>(() => McubootImage.Parse(Load(file), file));
        Assert.Equal(file, ex.FileName);
        Assert.Contains(problem, ex.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void FcbParse_ShortFile_ThrowsNamingFile()
    {
        var ex = Assert.Throws<ImageFormatException>(() => FlexSpiNorConfig.Parse(Load("fcb-short.fcb"), "fcb-short.fcb"));
        Assert.Equal("fcb-short.fcb", ex.FileName);
    }

    [Fact]
    public void Corpus_EveryFileIsListedInTheReadme()
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "TestData", "BadInput");
        var readme = File.ReadAllText(Path.Combine(folder, "README.md"));
        foreach (var file in Directory.GetFiles(folder).Select(Path.GetFileName).Where(f => f != "README.md"))
        {
            Assert.Contains($"| {file} |", readme, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void ReadAndInspect_CutAndFlippedFiles_NeverThrowAnythingButImageFormatException()
    {
        // Every prefix of every valid-format sample, and byte flips, either parse or fail cleanly.
        var samples = new[]
        {
            Load("overlap.hex"), Load("count-mismatch.srec"), Load("overlapping-segments.elf"), Load("mcuboot-tlv-overrun.bin"),
            Station.Testing.SharedTestData.Read("mcuboot/app.signed.rsa-2048.bin"),
            Station.Testing.SharedTestData.Read("spsdk/rt102x/output/evkmimxrt1020_iled_blinky_ext_FLASH_unsigned_nopadding.bin")[..0x1100],
        };
        var random = new Random(3);
        foreach (var sample in samples)
        {
            for (var length = 0; length <= sample.Length; length += Math.Max(1, sample.Length / 40))
            {
                var cut = sample[..length];
                var flipped = cut.ToArray();
                if (flipped.Length > 0)
                {
                    flipped[random.Next(flipped.Length)] ^= (byte)(1 << random.Next(8));
                }

                foreach (var candidate in new[] { cut, flipped })
                {
                    TryAll(candidate);
                }
            }
        }
    }

    private static void TryAll(byte[] candidate)
    {
        try
        {
            FirmwareReader.Read(candidate, "fuzz", 0);
        }
        catch (ImageFormatException)
        {
        }

        try
        {
            var image = McubootImage.Parse(candidate, "fuzz");
            _ = McubootHeaderLinter.LintSigned(image, new McubootLintOptions { SlotAddress = 0xC000, RamStart = 0x2000_0000, RamSize = 0x4_0000 });
        }
        catch (ImageFormatException)
        {
        }

        try
        {
            var inspection = Station.Images.Inspect.ImageInspector.Inspect(candidate, "fuzz", 0x6000_0000);
            if (inspection.Imxrt is { } imxrt)
            {
                _ = ImxrtImageLinter.Lint(imxrt, ImxrtDevices.Find("RT1020")!);
            }
        }
        catch (ImageFormatException)
        {
        }
    }

    private static byte[] Load(string file) => File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "TestData", "BadInput", file));
}
