using System.Buffers.Binary;
using System.Text.Json;
using Station.Images.Formats;
using Station.Testing;

namespace Station.Cli.Tests.Image;

public sealed class ImageCommandsTests : IDisposable
{
    private readonly ScratchFolder _cli = new();

    [Fact]
    public async Task Build_Rt1064WithFcbFromBin_WritesBootImageAtFlexSpi2()
    {
        var app = _cli.Write("app.bin", SampleImages.Application(0x7000_2000));
        var result = await InProcessCli.RunAsync("image", "build", "--device", "MIMXRT1064", "--fcb", SharedTestData.PathOf("fcb/mimxrt1064_sip_w25q32jv.fcb"), "--input", app, "--output", _cli.PathOf("boot.bin"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("write it at 0x70000000", result.Stdout, StringComparison.Ordinal);
        var boot = _cli.Read("boot.bin");
        Assert.Equal(SharedTestData.Read("fcb/mimxrt1064_sip_w25q32jv.fcb"), boot[..512]);
        Assert.Equal(0x7000_1000u, BinaryPrimitives.ReadUInt32LittleEndian(boot.AsSpan(0x1014)));
        Assert.Equal(0x7000_2041u, BinaryPrimitives.ReadUInt32LittleEndian(boot.AsSpan(0x1004)));
        Assert.Equal(0x2000 + 0x1000, boot.Length);
    }

    [Theory]
    [InlineData("hex")]
    [InlineData("srec")]
    [InlineData("elf")]
    public async Task Build_TextAndElfInputs_GiveTheSameImageAsTheBin(string kind)
    {
        var application = SampleImages.Application(0x7000_2000);
        var appImage = BinaryImageReader.Read(application, 0x7000_2000, "app");
        var input = kind switch
        {
            "hex" => _cli.Write("app.hex", Station.Images.Export.IntelHexWriter.Write(appImage)),
            "srec" => _cli.Write("app.srec", Station.Images.Export.SRecordWriter.Write(appImage)),
            _ => _cli.Write("app.elf", SampleImages.Elf(0x7000_2000, application)),
        };
        var bin = _cli.Write("app.bin", application);
        var fromBin = await InProcessCli.RunAsync("image", "build", "--device", "MIMXRT1064", "--flash", "W25Q32JV", "--input", bin, "--output", _cli.PathOf("a.bin"));
        var fromOther = await InProcessCli.RunAsync("image", "build", "--device", "MIMXRT1064", "--flash", "W25Q32JV", "--input", input, "--output", _cli.PathOf("b.bin"));
        Assert.Equal(0, fromBin.ExitCode);
        Assert.True(fromOther.ExitCode == 0, fromOther.Stderr);
        Assert.Equal(_cli.Read("a.bin"), _cli.Read("b.bin"));
    }

    [Fact]
    public async Task Build_SpsdkGoldenWithFcb_IsByteIdenticalFullAndNoPadding()
    {
        string[] common = ["image", "build", "--device", "MIMXRT1062", "--fcb", SharedTestData.PathOf("spsdk/rt106x/flex_spi.fcb"), "--input", SharedTestData.PathOf("spsdk/rt106x/evkmimxrt1060_iled_blinky_ext_FLASH.bin")];
        Assert.Equal(0, (await InProcessCli.RunAsync([.. common, "--output", _cli.PathOf("full.bin")])).ExitCode);
        Assert.Equal(0, (await InProcessCli.RunAsync([.. common, "--output", _cli.PathOf("nopad.bin"), "--nopadding"])).ExitCode);
        Assert.Equal(SharedTestData.Read("spsdk/rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned_fcb.bin"), _cli.Read("full.bin"));
        Assert.Equal(SharedTestData.Read("spsdk/rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned_nopadding.bin"), _cli.Read("nopad.bin"));
    }

    [Fact]
    public async Task Build_FillFF_FillsTheGapBeforeTheIvt()
    {
        var result = await InProcessCli.RunAsync("image", "build", "--device", "RT1060", "--flash", "IS25WP064", "--fill", "0xFF", "--input", SharedTestData.PathOf("spsdk/rt106x/evkmimxrt1060_iled_blinky_ext_FLASH.bin"), "--output", _cli.PathOf("boot.bin"));
        Assert.Equal(0, result.ExitCode);
        Assert.All(_cli.Read("boot.bin")[0x200..0x1000], b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public async Task Build_HexOutput_IsWrittenAtTheFlashAddress()
    {
        var result = await InProcessCli.RunAsync("image", "build", "--device", "RT1060", "--flash", "IS25WP064", "--input", SharedTestData.PathOf("spsdk/rt106x/evkmimxrt1060_iled_blinky_ext_FLASH.bin"), "--output", _cli.PathOf("boot.hex"), "--nopadding");
        Assert.Equal(0, result.ExitCode);
        var hex = IntelHexReader.Read(_cli.Read("boot.hex"), "boot.hex");
        Assert.Equal(0x6000_1000u, hex.StartAddress);
        Assert.Equal(SharedTestData.Read("spsdk/rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned_nopadding.bin"), hex.ToFlat(0xFF));
    }

    [Theory]
    [InlineData("hex")]
    [InlineData("srec")]
    public async Task Export_BootImage_ReadsBackToTheSameBytesAtTheAddress(string format)
    {
        var boot = _cli.Write("boot.bin", SharedTestData.Read("spsdk/rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned_fcb.bin"));
        var output = _cli.PathOf($"boot.{format}");
        var result = await InProcessCli.RunAsync("image", "export", "--input", boot, "--address", "0x70000000", "--format", format, "--output", output);
        Assert.Equal(0, result.ExitCode);
        var image = FirmwareReader.Read(await File.ReadAllBytesAsync(output), output, 0);
        Assert.Equal(0x7000_0000u, image.StartAddress);
        Assert.Equal(await File.ReadAllBytesAsync(boot), image.ToFlat(0xFF));
    }

    [Fact]
    public async Task Export_BinWithoutAddress_UsesTheIvtForBootImages()
    {
        var nopad = _cli.Write("nopad.bin", SharedTestData.Read("spsdk/rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned_nopadding.bin"));
        var result = await InProcessCli.RunAsync("image", "export", "--input", nopad, "--format", "srec", "--output", _cli.PathOf("nopad.srec"));
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0x6000_1000u, SRecordReader.Read(_cli.Read("nopad.srec"), "nopad.srec").StartAddress);
    }

    [Fact]
    public async Task Export_PlainBinWithoutAddress_FailsWithOneLine()
    {
        var app = _cli.Write("app.bin", SampleImages.Application(0x6000_2000));
        var result = await InProcessCli.RunAsync("image", "export", "--input", app, "--format", "hex", "--output", _cli.PathOf("app.hex"));
        AssertOneLineFailure(result, "give --address");
    }

    [Fact]
    public async Task Inspect_Json_DescribesTheBootImage()
    {
        var result = await InProcessCli.RunAsync("image", "inspect", "--json", "--device", "RT1060", SharedTestData.PathOf("spsdk/rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned_fcb.bin"));
        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("ImxrtFull", root.GetProperty("kind").GetString());
        Assert.Equal("0x60000000", root.GetProperty("address").GetString());
        Assert.Equal("0x60002305", root.GetProperty("imxrt").GetProperty("ivt").GetProperty("entry").GetString());
        Assert.Equal(120, root.GetProperty("imxrt").GetProperty("fcb").GetProperty("serialClkMhz").GetInt32());
        Assert.Equal("0x20020000", root.GetProperty("vectorTable").GetProperty("initialStackPointer").GetString());
        Assert.Equal(64, root.GetProperty("sha256").GetString()!.Length);
    }

    [Fact]
    public async Task Inspect_Text_ShowsFcbIvtAndVectors()
    {
        var result = await InProcessCli.RunAsync("image", "inspect", SharedTestData.PathOf("spsdk/rt105x/output/evkbimxrt1050_iled_blinky_ext_FLASH_unsigned_fcb.bin"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("FCB          at 0x0", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("IVT          at 0x60001000", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("reset 0x60002305", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_GoldenImage_PassesWithExitCode0()
    {
        var result = await InProcessCli.RunAsync("image", "lint", "--device", "MIMXRT1060", SharedTestData.PathOf("spsdk/rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned_fcb.bin"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ok:", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lint_WrongPart_FailsWithTheReason()
    {
        var result = await InProcessCli.RunAsync("image", "lint", "--device", "MIMXRT1064", SharedTestData.PathOf("spsdk/rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned_fcb.bin"));
        AssertOneLineFailure(result, "0x70000000");
    }

    [Fact]
    public async Task Build_AppLinkedForAnotherPart_RefusesToWrite()
    {
        var result = await InProcessCli.RunAsync("image", "build", "--device", "MIMXRT1064", "--flash", "W25Q32JV", "--input", SharedTestData.PathOf("spsdk/rt106x/evkmimxrt1060_iled_blinky_ext_FLASH.bin"), "--output", _cli.PathOf("boot.bin"));
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("not written", result.Stderr, StringComparison.Ordinal);
        Assert.False(File.Exists(_cli.PathOf("boot.bin")));
    }

    [Fact]
    public async Task Build_UnknownDevice_FailsWithOneLine()
    {
        var result = await InProcessCli.RunAsync("image", "build", "--device", "MIMXRT9999", "--input", "x.bin", "--output", _cli.PathOf("boot.bin"));
        AssertOneLineFailure(result, "unknown device 'MIMXRT9999'");
    }

    [Fact]
    public async Task Build_MissingInput_FailsNamingTheFile()
    {
        var missing = _cli.PathOf("missing.bin");
        var result = await InProcessCli.RunAsync("image", "build", "--device", "RT1060", "--input", missing, "--output", _cli.PathOf("boot.bin"));
        AssertOneLineFailure(result, $"{missing}: file not found");
    }

    [Fact]
    public async Task Build_CorruptHex_FailsNamingFileAndLine()
    {
        var hex = _cli.Write("bad.hex", ":10200000000102030405060708090A0B0C0D0E0F00\n:00000001FF\n"u8.ToArray());
        var result = await InProcessCli.RunAsync("image", "build", "--device", "RT1060", "--input", hex, "--output", _cli.PathOf("boot.bin"));
        AssertOneLineFailure(result, $"{hex}: line 1: bad checksum");
    }

    [Fact]
    public async Task Build_BinAtWrongAddress_FailsSayingWhere()
    {
        var app = _cli.Write("app.bin", SampleImages.Application(0x7000_4000));
        var result = await InProcessCli.RunAsync("image", "build", "--device", "RT1064", "--input", app, "--address", "0x70004000", "--output", _cli.PathOf("boot.bin"));
        AssertOneLineFailure(result, "must start at 0x70002000");
    }

    [Fact]
    public async Task Build_ImageLargerThanFlash_Fails()
    {
        var big = new byte[0x40_0000];
        SampleImages.Application(0x7000_2000).CopyTo(big, 0);
        var app = _cli.Write("big.bin", big);
        var result = await InProcessCli.RunAsync("image", "build", "--device", "RT1064", "--input", app, "--output", _cli.PathOf("boot.bin"));
        AssertOneLineFailure(result, "past the MIMXRT1064 flash region");
    }

    [Fact]
    public async Task Build_BadNumber_IsAParseError()
    {
        var result = await InProcessCli.RunAsync("image", "build", "--device", "RT1060", "--input", "a.bin", "--output", "b.bin", "--address", "sixty");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("'sixty' is not a number", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_MissingRequiredOption_Fails()
    {
        var result = await InProcessCli.RunAsync("image", "build", "--device", "RT1060");
        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--input", result.Stderr, StringComparison.Ordinal);
    }

    private static void AssertOneLineFailure(CliResult result, string reason)
    {
        Assert.NotEqual(0, result.ExitCode);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var line = Assert.Single(lines, l => l.StartsWith("error:", StringComparison.Ordinal));
        Assert.Contains(reason, line, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
