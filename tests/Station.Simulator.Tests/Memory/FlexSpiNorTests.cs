using Station.Simulator.Tests.Support;

namespace Station.Simulator.Tests.Memory;

/// <summary>FlexSPI NOR rules of PROTOCOLS 6.3, over raw USB reports.</summary>
public sealed class FlexSpiNorTests
{
    private const uint Nor = 0x7000_0000; // RT1064 in-package W25Q32JV

    private static SimulatedBoardOptions Flashloader(string? faults = null) => new()
    {
        Name = "nor-board",
        StartInFlashloader = true,
        Faults = FaultPlan.Parse(faults),
    };

    [Fact]
    public async Task BeforeConfigure_EraseWriteReadAndAttributes_Answer10205()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader());
        await using var _ = rig;

        Assert.Equal(10205u, await host.StatusOfAsync(0x02, Nor, 0x1000, 9));
        Assert.Equal(10205u, await host.WriteMemoryAsync(Nor + 0x1000, new byte[256], 9));
        Assert.Equal(10205u, (await host.ReadMemoryAsync(Nor, 16)).Status);
        Assert.Equal(10205u, await host.StatusOfAsync(0x01, 9));
        await host.CommandAsync(0x07, 0x19, 9);
        Assert.Equal(Hex.Of(Wire.Packet(0xA7, 0, 10205)), Hex.Of(await host.PayloadAsync(3)));
    }

    [Fact]
    public async Task ConfigureOptionWord_ExternalMemoryAttributesDescribeTheW25Q32JV()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader());
        await using var _ = rig;

        Assert.Equal(0u, await host.ConfigureAsync(0xC000_0007));
        await host.CommandAsync(0x07, 0x19, 9);

        Assert.Equal(new uint[] { 0, 0x1F, Nor, 4096, 256, 4096, 65536 }, (await host.ReplyAsync()).Parameters);
    }

    [Theory]
    [InlineData(0u)]
    [InlineData(9u)]
    public async Task WriteAndReadMemory_MemoryId0Or9AtAMappedAddress_SameResult(uint memoryId)
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader());
        await using var _ = rig;
        await host.ConfigureAsync(0xC000_0007);
        Assert.Equal(0u, await host.StatusOfAsync(0x02, Nor + 0x1000, 0x1000, memoryId));
        var image = Enumerable.Range(0, 3000).Select(i => (byte)(i * 13)).ToArray();

        Assert.Equal(0u, await host.WriteMemoryAsync(Nor + 0x1000, image, memoryId));
        var (status, data) = await host.ReadMemoryAsync(Nor + 0x1000, image.Length, memoryId);

        Assert.Equal(0u, status);
        Assert.Equal(image, data);
        Assert.Equal(image, board.ReadFlash(Nor + 0x1000, image.Length));
    }

    [Fact]
    public async Task EraseRegion_UnalignedRange_ErasesWholeSectorsAroundIt()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader());
        await using var _ = rig;
        await host.ConfigureAsync(0xC000_0007);
        var ones = Enumerable.Repeat((byte)0x00, 0x3000).ToArray();
        Assert.Equal(0u, await host.WriteMemoryAsync(Nor + 0x1000, ones));

        Assert.Equal(0u, await host.StatusOfAsync(0x02, Nor + 0x2010, 0x10, 0));

        Assert.All(board.ReadFlash(Nor + 0x2000, 0x1000), b => Assert.Equal(0xFF, b));
        Assert.All(board.ReadFlash(Nor + 0x1000, 0x1000), b => Assert.Equal(0x00, b));
        Assert.All(board.ReadFlash(Nor + 0x3000, 0x1000), b => Assert.Equal(0x00, b));
    }

    [Fact]
    public async Task Write_NewWriteNotPageAligned_20105()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader());
        await using var _ = rig;
        await host.ConfigureAsync(0xC000_0007);

        Assert.Equal(20105u, await host.WriteMemoryAsync(Nor + 0x1010, new byte[64]));
    }

    [Fact]
    public async Task Write_PageNotBlank_10203()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader());
        await using var _ = rig;
        await host.ConfigureAsync(0xC000_0007);
        Assert.Equal(0u, await host.WriteMemoryAsync(Nor + 0x1000, new byte[256]));

        Assert.Equal(10203u, await host.WriteMemoryAsync(Nor + 0x1000, new byte[256]));
    }

    [Fact]
    public async Task Write_LastPartialPage_PaddedWith0xFFAndProgrammedAtTheEndOfTheDataPhase()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader());
        await using var _ = rig;
        await host.ConfigureAsync(0xC000_0007);

        Assert.Equal(0u, await host.WriteMemoryAsync(Nor + 0x1000, Enumerable.Repeat((byte)0x11, 300).ToArray()));

        Assert.All(board.ReadFlash(Nor + 0x1000, 300), b => Assert.Equal(0x11, b));
        Assert.All(board.ReadFlash(Nor + 0x1000 + 300, 512 - 300), b => Assert.Equal(0xFF, b));
        // The padded page was programmed: continuing it is a new, misaligned write; rewriting it is cumulative.
        Assert.Equal(20105u, await host.WriteMemoryAsync(Nor + 0x1000 + 300, new byte[10]));
        Assert.Equal(10203u, await host.WriteMemoryAsync(Nor + 0x1100, new byte[10]));
    }

    [Fact]
    public async Task FillMemory_OnNor_GoesThroughThePageBuffer()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader());
        await using var _ = rig;
        await host.ConfigureAsync(0xC000_0007);

        Assert.Equal(0u, await host.StatusOfAsync(0x05, Nor + 0x1000, 10, 0x1234_5678));

        Assert.Equal("78 56 34 12 78 56 34 12 78 56 FF FF", Hex.Of(board.ReadFlash(Nor + 0x1000, 12)));
        Assert.Equal(20105u, await host.StatusOfAsync(0x05, Nor + 0x1002, 4, 0));
    }

    [Fact]
    public async Task AfterConfigure_AddressBeyondTheFlash_10200()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader());
        await using var _ = rig;
        await host.ConfigureAsync(0xC000_0007);

        Assert.Equal(10200u, await host.StatusOfAsync(0x02, Nor + 0x40_0000, 0x1000, 0));
        Assert.Equal(10200u, await host.WriteMemoryAsync(Nor + 0x3F_FF00, new byte[512]));
    }

    [Fact]
    public async Task EraseRegion_Ram_10214_AndLengthZeroAnywhere_Success()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader());
        await using var _ = rig;

        Assert.Equal(10214u, await host.StatusOfAsync(0x02, 0x2020_0000, 0x1000, 0));
        Assert.Equal(0u, await host.StatusOfAsync(0x02, 0x1000_0000, 0, 0));
    }

    [Fact]
    public async Task WriteMemory_IntoTheFlashloaderImage_10200()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader());
        await using var _ = rig;

        Assert.Equal(10200u, await host.WriteMemoryAsync(0x2001_0000, new byte[16]));
        Assert.Equal(10200u, await host.StatusOfAsync(0x05, 0x2000_0000, 4, 0));
    }

    [Fact]
    public async Task ConfigureMemory_UnknownIdOrConfigOutsideRam_4()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader());
        await using var _ = rig;

        Assert.Equal(4u, await host.StatusOfAsync(0x11, 0x101, 0x2000));
        Assert.Equal(4u, await host.StatusOfAsync(0x11, 9, 0x1000_0000));
        Assert.Equal(4u, await host.StatusOfAsync(0x11, 9, 0x2000)); // RAM holds 0, not an option word
        Assert.Equal(4u, await host.StatusOfAsync(0x01, 0)); // no internal flash on RT10xx
    }

    [Fact]
    public async Task ConfigureMemory_OptionForTheWrongFlashKind_FailsAndLeavesNorUnconfigured()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1050, Flashloader());
        await using var _ = rig;

        Assert.Equal(20107u, await host.ConfigureAsync(0xC000_0007)); // QuadSPI SFDP probe on HyperFlash
        Assert.Equal(10205u, await host.StatusOfAsync(0x02, 0x6000_0000, 0x1000, 0));
        Assert.Equal(0u, await host.ConfigureAsync(0xC023_3007));   // HyperFlash 1V8
        await host.CommandAsync(0x07, 0x19, 9);
        Assert.Equal(new uint[] { 0, 0x1F, 0x6000_0000, 65536, 512, 256 * 1024, 256 * 1024 }, (await host.ReplyAsync()).Parameters);
    }

    [Fact]
    public async Task ProgramConfigBlock_AfterOptionConfigure_WritesTheRt1064FcbNxpShips()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader());
        await using var _ = rig;
        await host.ConfigureAsync(0xC000_0007);
        Assert.Equal(0u, await host.StatusOfAsync(0x02, Nor, 0x6000, 9));

        Assert.Equal(0u, await host.ConfigureAsync(0xF000_000F));

        var expected = SharedTestData.Read("fcb/mimxrt1064_sip_w25q32jv.fcb");
        Assert.Equal(Hex.Of(expected), Hex.Of(board.ReadFlash(Nor, 512)));
    }

    [Fact]
    public async Task ProgramConfigBlock_OnRt1060_GoesToItsBase0x60000000()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1060, Flashloader());
        await using var _ = rig;
        await host.ConfigureAsync(0xC000_0007);

        Assert.Equal(0u, await host.ConfigureAsync(0xF000_000F));

        Assert.Equal("46 43 46 42 00 04 01 56", Hex.Of(board.ReadFlash(0x6000_0000, 8)));
        Assert.Equal(0x0080_0000u, Wire.U32(board.ReadFlash(0x6000_0000, 512), 0x50));
    }

    [Fact]
    public async Task ProgramConfigBlock_BeforeAnyConfigure_4AndNothingWritten()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader());
        await using var _ = rig;

        Assert.Equal(4u, await host.ConfigureAsync(0xF000_000F));

        Assert.All(board.ReadFlash(Nor, 512), b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public async Task ProgramConfigBlock_AreaNotBlank_10203()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader());
        await using var _ = rig;
        await host.ConfigureAsync(0xC000_0007);
        Assert.Equal(0u, await host.ConfigureAsync(0xF000_000F));

        Assert.Equal(10203u, await host.ConfigureAsync(0xF000_000F));
    }

    [Fact]
    public async Task ConfigureMemory_WholeFcbInRam_UsedVerbatim()
    {
        var (rig, _, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader());
        await using var _ = rig;
        var fcb = SharedTestData.Read("fcb/mimxrt1064_sip_w25q32jv.fcb");
        Assert.Equal(0u, await host.WriteMemoryAsync(0x2020_0000, fcb));

        Assert.Equal(0u, await host.StatusOfAsync(0x11, 9, 0x2020_0000));

        await host.CommandAsync(0x07, 0x19, 9);
        Assert.Equal(new uint[] { 0, 0x1F, Nor, 4096, 256, 4096, 65536 }, (await host.ReplyAsync()).Parameters);
    }

    [Fact]
    public async Task EraseAll_Configured_ErasesTheChip()
    {
        var (rig, board, host) = await UsbRig.StartAsync(BoardFamily.Rt1064, Flashloader());
        await using var _ = rig;
        await host.ConfigureAsync(0xC000_0007);
        Assert.Equal(0u, await host.WriteMemoryAsync(Nor + 0x20_0000, new byte[256]));

        Assert.Equal(0u, await host.StatusOfAsync(0x01, 9));

        Assert.All(board.ReadFlash(Nor + 0x20_0000, 256), b => Assert.Equal(0xFF, b));
        Assert.Equal(TimeSpan.FromSeconds(10), board.DeviceTime.FlashErase);
    }
}
