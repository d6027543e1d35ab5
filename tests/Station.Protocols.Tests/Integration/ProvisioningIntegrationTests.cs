using System.Runtime.Versioning;
using Station.Protocols.MBoot;
using Station.Protocols.Sdp;
using Station.Simulator;
using Station.Testing;

namespace Station.Protocols.Tests.Integration;

/// <summary>
/// The provisioning sequence of PROTOCOLS.md 6.3 end to end with the production clients: SDP
/// loads the flashloader and jumps; the board comes back as the flashloader on the same port; MBoot
/// configures the NOR, erases, programs the FCB with 0xF000000F, writes the boot image and reads it back.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class ProvisioningIntegrationTests
{
    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task Provision_Rt1064FromTheRom_BootImageAndFcbInNor(Link link)
    {
        var token = TestTimeouts.Unexpected;
        var bootImage = SharedTestData.Read("spsdk/rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned_nopadding.bin");
        await using var bench = await BoardBench.RomAsync(link);

        // sdphost write-file 0x20000000 ivt_flashloader.bin ; sdphost jump-address 0x20000400
        await using (var sdp = await bench.OpenSdpAsync())
        {
            if (link == Link.Usb)
            {
                Assert.Equal((BoardFamily.RomVendorId, BoardFamily.Rt1064.RomProductId), (bench.LastUsbDevice!.VendorId, bench.LastUsbDevice.ProductId));
            }

            var loaded = await sdp.WriteFileAsync(Rt1064.FlashloaderLoad, SharedTestData.Read("spsdk/rt106x/ivt_flashloader.bin"), token);
            Assert.Equal(SdpResponseValue.WriteFileComplete, loaded.Status);
            Assert.Equal(HabMode.Open, (await sdp.JumpAddressAsync(Rt1064.FlashloaderIvt, token)).HabMode);
        }

        // The flashloader re-enumerates on the same port (USB) or takes over the same line (UART).
        var mboot = await bench.OpenMBootAsync();
        if (link == Link.Usb)
        {
            Assert.Equal((BoardFamily.FlashloaderVendorId, BoardFamily.FlashloaderProductId, BoardBench.Port),
                (bench.LastUsbDevice!.VendorId, bench.LastUsbDevice.ProductId, bench.LastUsbDevice.PortPath));
        }

        // blhost get-property 1
        Assert.Equal("K2.1.0", (await mboot.GetCurrentVersionAsync(token))?.ToString());

        // blhost fill-memory 0x2000 4 0xC0000007 ; blhost configure-memory 9 0x2000
        await Rt1064.ConfigureAsync(mboot, Rt1064.OptionWord, token);

        // blhost flash-erase-region 0x70000000 0x6000 9
        await mboot.FlashEraseRegionAsync(Rt1064.Nor, 0x6000, MBootMemoryId.FlexSpiNor, token);

        // blhost fill-memory 0x2000 4 0xF000000F ; blhost configure-memory 9 0x2000 (writes the FCB)
        await Rt1064.ConfigureAsync(mboot, Rt1064.ProgramFcb, token);

        // blhost write-memory 0x70001000 image_with_ivt.bin 9
        await mboot.WriteMemoryAsync(Rt1064.Nor + 0x1000, bootImage, MBootMemoryId.FlexSpiNor, token);

        var fcb = await mboot.ReadMemoryAsync(Rt1064.Nor, 512, MBootMemoryId.FlexSpiNor, token);
        Assert.Equal("FCFB"u8.ToArray(), fcb[..4]);
        Assert.Equal(bootImage, await mboot.ReadMemoryAsync(Rt1064.Nor + 0x1000, bootImage.Length, MBootMemoryId.FlexSpiNor, token));
        Assert.Equal(bootImage, bench.Board.ReadFlash(Rt1064.Nor + 0x1000, bootImage.Length));

        // A second FCB program finds the area programmed: cumulative write.
        var again = await Assert.ThrowsAsync<MBootCommandException>(() => Rt1064.ConfigureAsync(mboot, Rt1064.ProgramFcb, token));
        Assert.Equal((MBootCommandTag.ConfigureMemory, MBootStatusCode.MemoryCumulativeWrite), (again.Command, again.Status));
    }
}
