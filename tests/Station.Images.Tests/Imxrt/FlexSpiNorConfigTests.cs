using Station.Images.Imxrt;
using Station.Testing;

namespace Station.Images.Tests.Imxrt;

public sealed class FlexSpiNorConfigTests
{
    [Fact]
    public void FromPreset_Is25wp064OnRt1060_IsByteIdenticalToSptFcb()
    {
        var fcb = FlexSpiNorConfig.FromPreset(FlashPresets.Find("IS25WP064")!, ImxrtDevices.Find("MIMXRT1062")!);
        Assert.Equal(SharedTestData.Read("spsdk/rt106x/flex_spi.fcb"), fcb.Bytes.ToArray());
    }

    [Fact]
    public void FromPreset_W25q32jvOnRt1064_IsByteIdenticalToMcuBootFlasherFcb()
    {
        var fcb = FlexSpiNorConfig.FromPreset(FlashPresets.Find("W25Q32JV")!, ImxrtDevices.Find("MIMXRT1064")!);
        Assert.Equal(SharedTestData.Read("fcb/mimxrt1064_sip_w25q32jv.fcb"), fcb.Bytes.ToArray());
    }

    [Fact]
    public void FromPreset_Is25lp064OnRt1020_IsByteIdenticalToSptFcb()
    {
        // The RT1020 EVK's IS25LP064: same 8 MiB quad LUT, clock code 7 (133 MHz on RT102x).
        var fcb = FlexSpiNorConfig.FromPreset(FlashPresets.Find("IS25LP064A")!, ImxrtDevices.Find("RT1020")!);
        Assert.Equal(SharedTestData.Read("spsdk/rt102x/flex_spi.fcb"), fcb.Bytes.ToArray());
    }

    [Fact]
    public void FromPreset_QuadReadLut_DecodesAsImagesDocA2()
    {
        var fcb = FlexSpiNorConfig.FromPreset(FlashPresets.Find("W25Q32JV")!, ImxrtDevices.Find("MIMXRT1064")!);
        var read = fcb.Sequence(0);
        Assert.Equal(
            [
                new FlexSpiLutInstruction(FlexSpiLutOpcode.CmdSdr, 1, 0xEB),
                new FlexSpiLutInstruction(FlexSpiLutOpcode.RaddrSdr, 4, 24),
                new FlexSpiLutInstruction(FlexSpiLutOpcode.DummySdr, 4, 6),
                new FlexSpiLutInstruction(FlexSpiLutOpcode.ReadSdr, 4, 4),
            ],
            read);
        Assert.Equal(0x0A1804EBu, fcb.LookupTable[0]);
        Assert.Equal(0x26043206u, fcb.LookupTable[1]);
    }

    [Fact]
    public void FromPreset_ExplicitClock_UsesThePartsOwnCode()
    {
        var rt1060 = FlexSpiNorConfig.FromPreset(FlashPresets.Find("W25Q64JV")!, ImxrtDevices.Find("RT1060")!, serialClockMhz: 133);
        var rt1020 = FlexSpiNorConfig.FromPreset(FlashPresets.Find("W25Q64JV")!, ImxrtDevices.Find("RT1020")!, serialClockMhz: 133);
        Assert.Equal(8, rt1060.SerialClockFrequency);
        Assert.Equal(7, rt1020.SerialClockFrequency);
    }

    [Fact]
    public void FromPreset_ClockTheSocDoesNotOffer_Throws()
    {
        var ex = Assert.Throws<ArgumentException>(() => FlexSpiNorConfig.FromPreset(FlashPresets.Find("W25Q64JV")!, ImxrtDevices.Find("RT1020")!, serialClockMhz: 120));
        Assert.Contains("no 120 MHz", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HyperFlashFcb_ReadsFields()
    {
        var fcb = FlexSpiNorConfig.Parse(SharedTestData.Read("spsdk/rt105x/flex_spi.fcb"), "flex_spi.fcb");
        Assert.True(fcb.HasValidTag);
        Assert.Equal(0x56010400u, fcb.Version);
        Assert.Equal(3, fcb.ReadSampleClockSource);
        Assert.Equal(3, fcb.ColumnAddressWidth);
        Assert.Equal(0x59u, fcb.ControllerMiscOption);
        Assert.Equal(8, fcb.SerialFlashPadType);
        Assert.Equal(7, fcb.SerialClockFrequency);
        Assert.Equal(0x0400_0000u, fcb.FlashA1Size);
        Assert.Equal(1, fcb.SerialNorType);
        Assert.Equal(FlexSpiLutOpcode.CmdDdr, fcb.Sequence(0)[0].Opcode);
        Assert.Equal(8, fcb.Sequence(0)[0].PadCount);
    }

    [Fact]
    public void Parse_ShortFile_ThrowsNamingTheFile()
    {
        var ex = Assert.Throws<ImageFormatException>(() => FlexSpiNorConfig.Parse(new byte[100], "short.fcb"));
        Assert.Equal("short.fcb: an FCB is 512 bytes; this file has 100", ex.Message);
    }

    [Fact]
    public void Parse_ErasedPaddingAfterTheBlock_IsAccepted()
    {
        var padded = new byte[0x1000];
        padded.AsSpan().Fill(0xFF);
        SharedTestData.Read("spsdk/rt106x/flex_spi.fcb").CopyTo(padded, 0);
        Assert.True(FlexSpiNorConfig.Parse(padded, "padded.fcb").HasValidTag);
    }

    [Fact]
    public void Parse_DataAfterTheBlock_Throws()
    {
        var full = SharedTestData.Read("spsdk/rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned_fcb.bin");
        Assert.Throws<ImageFormatException>(() => FlexSpiNorConfig.Parse(full, "boot.bin"));
    }
}
