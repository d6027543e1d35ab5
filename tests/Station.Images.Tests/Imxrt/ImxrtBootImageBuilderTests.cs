using Station.Images.Formats;
using Station.Images.Imxrt;
using Station.Testing;

namespace Station.Images.Tests.Imxrt;

public sealed class ImxrtBootImageBuilderTests
{
    public static TheoryData<string, string, string> Families => new()
    {
        { "rt102x", "MIMXRT1020", "evkmimxrt1020_iled_blinky_ext_FLASH" },
        { "rt105x", "MIMXRT1050", "evkbimxrt1050_iled_blinky_ext_FLASH" },
        { "rt106x", "MIMXRT1060", "evkmimxrt1060_iled_blinky_ext_FLASH" },
    };

    [Theory]
    [MemberData(nameof(Families))]
    public void Build_SpsdkApplication_NoPaddingImageIsByteIdentical(string family, string device, string app)
    {
        var image = Build(family, device, app, withFcb: false, fill: 0x00);
        var expected = SharedTestData.Read($"spsdk/{family}/output/{app}_unsigned_nopadding.bin");
        Assert.Equal(expected, image.NoPaddingImage);
        Assert.Equal(0x6000_1000u, image.NoPaddingAddress);
    }

    [Theory]
    [MemberData(nameof(Families))]
    public void Build_SpsdkApplicationWithoutFcb_FullImageIsByteIdentical(string family, string device, string app)
    {
        var image = Build(family, device, app, withFcb: false, fill: 0x00);
        Assert.Equal(SharedTestData.Read($"spsdk/{family}/output/{app}_unsigned.bin"), image.FullImage);
    }

    [Theory]
    [InlineData("rt105x", "MIMXRT1050", "evkbimxrt1050_iled_blinky_ext_FLASH")]
    [InlineData("rt106x", "MIMXRT1060", "evkmimxrt1060_iled_blinky_ext_FLASH")]
    public void Build_SpsdkApplicationWithFcb_FullImageIsByteIdentical(string family, string device, string app)
    {
        var image = Build(family, device, app, withFcb: true, fill: 0x00);
        Assert.Equal(SharedTestData.Read($"spsdk/{family}/output/{app}_unsigned_fcb.bin"), image.FullImage);
        Assert.Equal(SharedTestData.Read($"spsdk/{family}/output/{app}_unsigned_nofcb.bin"), image.NoPaddingImage);
    }

    [Fact]
    public void Build_FillFF_DiffersFromSptOnlyInTheGapBeforeTheIvt()
    {
        // IMAGES.md A.1.3: nxpimage fills 0x200-0xFFF with 0xFF and differs from SPT in exactly those 3584 bytes.
        var image = Build("rt106x", "MIMXRT1060", "evkmimxrt1060_iled_blinky_ext_FLASH", withFcb: true, fill: 0xFF);
        var spt = SharedTestData.Read("spsdk/rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned_fcb.bin");
        var differing = Enumerable.Range(0, spt.Length).Where(i => spt[i] != image.FullImage[i]).ToList();
        Assert.Equal(3584, differing.Count);
        Assert.Equal(0x200, differing[0]);
        Assert.Equal(0xFFF, differing[^1]);
    }

    [Fact]
    public void Build_Rt1064_UsesFlexSpi2Base()
    {
        var app = SharedTestData.Read("spsdk/rt106x/evkmimxrt1060_iled_blinky_ext_FLASH.bin");
        var device = ImxrtDevices.Find("MIMXRT1064")!;
        var application = BinaryImageReader.Read(app, 0x7000_2000, "app.bin");
        var image = ImxrtBootImageBuilder.Build(application, new ImxrtBuildOptions { Device = device });
        Assert.Equal(0x7000_1000u, image.Ivt.Self);
        Assert.Equal(0x7000_1020u, image.Ivt.BootData);
        Assert.Equal(0x7000_0000u, image.BootData.Start);
        Assert.Equal((uint)(0x2000 + app.Length), image.BootData.Length);
    }

    [Fact]
    public void Build_Rt1010_PlacesFcbAt0x400()
    {
        var app = SharedTestData.Read("spsdk/rt106x/evkmimxrt1060_iled_blinky_ext_FLASH.bin");
        var device = ImxrtDevices.Find("RT1011")!;
        var fcb = FlexSpiNorConfig.FromPreset(FlashPresets.Find("W25Q32JV")!, device);
        var image = ImxrtBootImageBuilder.Build(BinaryImageReader.Read(app, 0x6000_2000, "app.bin"), new ImxrtBuildOptions { Device = device, Fcb = fcb, Fill = 0xFF });
        Assert.Equal("FCFB"u8.ToArray(), image.FullImage[0x400..0x404]);
        Assert.All(image.FullImage[..0x400], b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public void Build_ApplicationAtWrongAddress_ThrowsNamingTheAddress()
    {
        var app = SharedTestData.Read("spsdk/rt106x/evkmimxrt1060_iled_blinky_ext_FLASH.bin");
        var options = new ImxrtBuildOptions { Device = ImxrtDevices.Find("MIMXRT1060")! };
        var ex = Assert.Throws<ImageFormatException>(() => ImxrtBootImageBuilder.Build(BinaryImageReader.Read(app, 0x6000_4000, "app.bin"), options));
        Assert.Contains("0x60002000", ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("app.bin:", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ApplicationBelowBase_Throws()
    {
        var options = new ImxrtBuildOptions { Device = ImxrtDevices.Find("MIMXRT1064")! };
        var ex = Assert.Throws<ImageFormatException>(() => ImxrtBootImageBuilder.Build(BinaryImageReader.Read(new byte[64], 0x6000_2000, "app.bin"), options));
        Assert.Contains("below", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ApplicationLargerThanFlash_Throws()
    {
        var options = new ImxrtBuildOptions { Device = ImxrtDevices.Find("MIMXRT1064")! };
        var tooBig = new byte[0x40_0000];
        var ex = Assert.Throws<ImageFormatException>(() => ImxrtBootImageBuilder.Build(BinaryImageReader.Read(tooBig, 0x7000_2000, "big.bin"), options));
        Assert.Contains("past the MIMXRT1064 flash region", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_AlreadyABootImage_Throws()
    {
        var full = SharedTestData.Read("spsdk/rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned_fcb.bin");
        var options = new ImxrtBuildOptions { Device = ImxrtDevices.Find("MIMXRT1060")! };
        var ex = Assert.Throws<ImageFormatException>(() => ImxrtBootImageBuilder.Build(BinaryImageReader.Read(full, 0x6000_2000, "boot.bin"), options));
        Assert.Contains("already a boot image", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_FcbWithoutTag_Throws()
    {
        var app = SharedTestData.Read("spsdk/rt106x/evkmimxrt1060_iled_blinky_ext_FLASH.bin");
        var options = new ImxrtBuildOptions { Device = ImxrtDevices.Find("MIMXRT1060")!, Fcb = FlexSpiNorConfig.Parse(new byte[512], "zero.fcb") };
        var ex = Assert.Throws<ImageFormatException>(() => ImxrtBootImageBuilder.Build(BinaryImageReader.Read(app, 0x6000_2000, "app.bin"), options));
        Assert.StartsWith("zero.fcb:", ex.Message, StringComparison.Ordinal);
    }

    private static ImxrtBootImage Build(string family, string device, string app, bool withFcb, byte fill)
    {
        var bytes = SharedTestData.Read($"spsdk/{family}/{app}.bin");
        var fcb = withFcb ? FlexSpiNorConfig.Parse(SharedTestData.Read($"spsdk/{family}/flex_spi.fcb"), "flex_spi.fcb") : null;
        var options = new ImxrtBuildOptions { Device = ImxrtDevices.Find(device)!, Fcb = fcb, Fill = fill };
        return ImxrtBootImageBuilder.Build(BinaryImageReader.Read(bytes, 0x6000_2000, $"{app}.bin"), options);
    }
}
