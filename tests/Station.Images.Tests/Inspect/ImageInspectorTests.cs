using System.Security.Cryptography;
using Station.Images.Export;
using Station.Images.Inspect;
using Station.Testing;

namespace Station.Images.Tests.Inspect;

public sealed class ImageInspectorTests
{
    private const string Full = "spsdk/rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned_fcb.bin";
    private const string NoPadding = "spsdk/rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned_nopadding.bin";

    [Fact]
    public void Inspect_FullBootImage_RecognisesLayoutAndBase()
    {
        var bytes = SharedTestData.Read(Full);
        var result = ImageInspector.Inspect(bytes, "boot.bin");
        Assert.Equal(ImageKind.ImxrtFull, result.Kind);
        Assert.Equal(0x6000_0000u, result.Address);
        Assert.True(result.Imxrt!.Fcb!.HasValidTag);
        Assert.Equal(0x6000_2305u, result.Imxrt.Ivt.Entry);
        Assert.Equal(0x5208u, result.Imxrt.BootData!.Length);
        Assert.Equal(0x2002_0000u, result.VectorTable!.InitialStackPointer);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), result.Sha256);
    }

    [Fact]
    public void Inspect_NoPaddingImage_IsWrittenAtBasePlus0x1000()
    {
        var result = ImageInspector.Inspect(SharedTestData.Read(NoPadding), "nopad.bin");
        Assert.Equal(ImageKind.ImxrtNoPadding, result.Kind);
        Assert.Equal(0x6000_1000u, result.Address);
        Assert.Null(result.Imxrt!.Fcb);
    }

    [Fact]
    public void Inspect_FullImageAsHex_HasTheSameShaAsTheBin()
    {
        var bytes = SharedTestData.Read(Full);
        var hex = ImageExporter.Export(bytes, 0x6000_0000, ExportFormat.IntelHex, "boot.hex");
        var result = ImageInspector.Inspect(hex, "boot.hex");
        Assert.Equal(FirmwareFormat.IntelHex, result.Format);
        Assert.Equal(ImageKind.ImxrtFull, result.Kind);
        Assert.Equal(0x6000_0000u, result.Address);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), result.Sha256);
    }

    [Fact]
    public void Inspect_McubootImage_ParsesHeaderAndVectorTable()
    {
        var result = ImageInspector.Inspect(SharedTestData.Read("mcuboot/app.signed.ecdsa-p256.pad-confirm.bin"), "signed.bin", address: 0xC000);
        Assert.Equal(ImageKind.Mcuboot, result.Kind);
        Assert.Equal("1.2.3+0", result.Mcuboot!.Header.Version.ToString());
        Assert.True(result.Mcuboot.Trailer!.IsConfirmed);
        Assert.Equal(0xC241u, result.VectorTable!.Reset);
        Assert.Equal(0xC200u, result.VectorTable.Address);
    }

    [Fact]
    public void Inspect_ElfApplication_ReportsEntryAndAddress()
    {
        var elf = new TestElf { Entry = 0x6000_2041 }.Load(0x6000_2000, SyntheticApp.Create(0x6000_2000, size: 0x200)).Build();
        var result = ImageInspector.Inspect(elf, "app.elf");
        Assert.Equal(FirmwareFormat.Elf, result.Format);
        Assert.Equal(ImageKind.Application, result.Kind);
        Assert.Equal(0x6000_2000u, result.Address);
        Assert.Equal(0x6000_2041u, result.EntryPoint);
        Assert.Equal(0x200, result.Length);
    }

    [Fact]
    public void Inspect_RawBinWithoutAddress_LeavesAddressUnknown()
    {
        var result = ImageInspector.Inspect(SharedTestData.Read("spsdk/rt106x/evkmimxrt1060_iled_blinky_ext_FLASH.bin"), "app.bin");
        Assert.Equal(ImageKind.Application, result.Kind);
        Assert.Null(result.Address);
        Assert.Equal(0x6000_2305u, result.VectorTable!.Reset);
    }
}
