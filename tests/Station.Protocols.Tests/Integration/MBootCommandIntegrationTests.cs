using System.Buffers.Binary;
using System.Runtime.Versioning;
using Station.Protocols.MBoot;
using Station.Protocols.Transport;
using Station.Simulator;
using Station.Testing;

namespace Station.Protocols.Tests.Integration;

/// <summary>
/// Every MBoot client command against the simulated RT1064 flashloader, over USB HID framing and
/// over UART framing through a real pseudo-terminal. The client and the simulator were written
/// independently from PROTOCOLS.md; here they have to agree.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class MBootCommandIntegrationTests
{
    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task GetProperty_KnownTags_DecodeAndUnknownTagsAreNull(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(link);
        var client = await bench.OpenMBootAsync();

        Assert.Equal("K2.1.0", (await client.GetCurrentVersionAsync(token))?.ToString());
        Assert.Equal(link == Link.Usb ? 1012 : 512, await client.GetMaxPacketSizeAsync(token));
        var uniqueId = new byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64LittleEndian(uniqueId, bench.Board.UniqueId);
        Assert.Equal(uniqueId, await client.GetUniqueDeviceIdAsync(token));
        var commands = await client.GetAvailableCommandsAsync(token);
        Assert.NotNull(commands);
        Assert.True(commands.Supports(MBootCommandTag.WriteMemory));
        Assert.True(commands.Supports(MBootCommandTag.ConfigureMemory));
        Assert.False(commands.Supports(MBootCommandTag.ReceiveSbFile));
        var reserved = Assert.Single((await client.GetReservedRegionsAsync(token))!);
        var loader = bench.Board.Flashloader!;
        Assert.Equal((loader.Start, loader.End), (reserved.Start, reserved.End));
        Assert.False((await client.GetSecurityStateAsync(token))!.IsSecure);
        Assert.Equal([Rt1064.Ocram], await client.GetPropertyAsync(MBootPropertyTag.RamStartAddress, 2, token));
        Assert.Equal([1u], await client.GetPropertyAsync(MBootPropertyTag.VerifyWrites, token));

        Assert.Null(await client.GetPropertyAsync(MBootPropertyTag.SystemDeviceId, token));
        Assert.Null(await client.GetPropertyAsync(MBootPropertyTag.FuseLockedStatus, token));
        Assert.Null(await client.GetPropertyAsync((MBootPropertyTag)0x7F, token));
        Assert.False(client.IsBroken);
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task SetProperty_ReadOnlyAndUnknown_ThrowStatusAndTheSessionGoesOn(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(link);
        var client = await bench.OpenMBootAsync();

        var readOnly = await Assert.ThrowsAsync<MBootCommandException>(() => client.SetPropertyAsync(MBootPropertyTag.VerifyWrites, 0, token));
        var unknown = await Assert.ThrowsAsync<MBootCommandException>(() => client.SetPropertyAsync((MBootPropertyTag)0x7F, 1, token));

        Assert.Equal((MBootCommandTag.SetProperty, MBootStatusCode.ReadOnlyProperty), (readOnly.Command, readOnly.Status));
        Assert.Equal(10301u, (uint)readOnly.Status);
        Assert.False(readOnly.IsTransient);
        Assert.Equal(MBootStatusCode.UnknownProperty, unknown.Status);
        Assert.Equal([1u], await client.GetPropertyAsync(MBootPropertyTag.VerifyWrites, token));
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task ConfigureMemory_OptionWord_NorReportsItsGeometry(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(link);
        var client = await bench.OpenMBootAsync();

        var before = await Assert.ThrowsAsync<MBootCommandException>(() => client.GetExternalMemoryAttributesAsync(MBootMemoryId.FlexSpiNor, token));
        Assert.Equal(MBootStatusCode.MemoryNotConfigured, before.Status);

        await Rt1064.ConfigureAsync(client, Rt1064.OptionWord, token);

        var attributes = await client.GetExternalMemoryAttributesAsync(MBootMemoryId.FlexSpiNor, token);
        Assert.NotNull(attributes);
        Assert.Equal(Rt1064.Nor, attributes.StartAddress);
        Assert.Equal(Rt1064.NorSize, attributes.SizeInBytes);
        Assert.Equal(256u, attributes.PageSize);
        Assert.Equal(4096u, attributes.SectorSize);
        var badBlock = await Assert.ThrowsAsync<MBootCommandException>(() => client.ConfigureMemoryAsync(MBootMemoryId.FlexSpiNor, 0x9000_0000, token));
        Assert.Equal(MBootStatusCode.InvalidArgument, badBlock.Status);
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task WriteMemory_ReadMemory_RamRoundTripsWithAPartialLastPacket(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(link);
        var client = await bench.OpenMBootAsync();
        var data = Rt1064.Pattern((64 * 1024) + 333);
        var progress = new List<long>();

        await client.WriteMemoryAsync(Rt1064.Ocram, data, MBootMemoryId.Internal, new SynchronousProgress(progress), token);
        var back = await client.ReadMemoryAsync(Rt1064.Ocram, data.Length, MBootMemoryId.Internal, token);

        Assert.Equal(data, back);
        Assert.Equal(data, bench.Board.ReadRam(Rt1064.Ocram, data.Length));
        Assert.Equal(data.Length, progress[^1]);
        Assert.Equal(link == Link.Usb ? 1012 : 512, progress[0]);
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task WriteMemory_Nor_NeedsConfigureEraseAndAlignment(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(link);
        var client = await bench.OpenMBootAsync();
        var data = Rt1064.Pattern((10 * 1024) + 7);
        const uint At = Rt1064.Nor + 0x2000;

        var unconfigured = await Assert.ThrowsAsync<MBootCommandException>(() => client.WriteMemoryAsync(At, data, MBootMemoryId.FlexSpiNor, token));
        Assert.Equal(MBootStatusCode.MemoryNotConfigured, unconfigured.Status);
        await Rt1064.ConfigureAsync(client, Rt1064.OptionWord, token);
        await client.FlashEraseRegionAsync(At, data.Length, MBootMemoryId.FlexSpiNor, token);

        // blhost (SPSDK) puts memory id 0 on the wire for mapped memory, NXP's C++ blhost 9: both work.
        await client.WriteMemoryAsync(At, data, MBootMemoryId.Internal, token);
        Assert.Equal(data, await client.ReadMemoryAsync(At, data.Length, MBootMemoryId.FlexSpiNor, token));
        Assert.Equal(data, bench.Board.ReadFlash(At, data.Length));

        var again = await Assert.ThrowsAsync<MBootCommandException>(() => client.WriteMemoryAsync(At, data, MBootMemoryId.FlexSpiNor, token));
        Assert.Equal((MBootCommandTag.WriteMemory, MBootStatusCode.MemoryCumulativeWrite), (again.Command, again.Status));
        Assert.False(again.IsTransient);
        var unaligned = await Assert.ThrowsAsync<MBootCommandException>(() => client.WriteMemoryAsync(At + 0x2901, Rt1064.Pattern(16), MBootMemoryId.FlexSpiNor, token));
        Assert.Equal(MBootStatusCode.FlexSpiNorWriteAlignmentError, unaligned.Status);
        Assert.Equal(data, bench.Board.ReadFlash(At, data.Length));
        Assert.False(client.IsBroken);
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task FlashEraseRegion_WidensToWholeSectorsAndErasesThem(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(link);
        var client = await bench.OpenMBootAsync();
        var unconfigured = await Assert.ThrowsAsync<MBootCommandException>(
            () => client.FlashEraseRegionAsync(Rt1064.Nor, 0x1000, MBootMemoryId.FlexSpiNor, token));
        Assert.Equal(MBootStatusCode.MemoryNotConfigured, unconfigured.Status);
        await Rt1064.ConfigureAsync(client, Rt1064.OptionWord, token);
        await client.FlashEraseRegionAsync(Rt1064.Nor, 0x3000, MBootMemoryId.FlexSpiNor, token);
        await client.WriteMemoryAsync(Rt1064.Nor, Rt1064.Pattern(0x3000), MBootMemoryId.FlexSpiNor, token);

        await client.FlashEraseRegionAsync(Rt1064.Nor + 0x1010, 16, MBootMemoryId.FlexSpiNor, token);

        Assert.All(bench.Board.ReadFlash(Rt1064.Nor + 0x1000, 0x1000), b => Assert.Equal(0xFF, b));
        Assert.Equal(Rt1064.Pattern(0x3000).AsSpan(0x2000, 0x1000).ToArray(), bench.Board.ReadFlash(Rt1064.Nor + 0x2000, 0x1000));
        Assert.Equal(Rt1064.Pattern(0x3000).AsSpan(0, 0x1000).ToArray(), bench.Board.ReadFlash(Rt1064.Nor, 0x1000));
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task FlashEraseAll_FlexSpiNor_BlanksTheWholeChip(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(link);
        var client = await bench.OpenMBootAsync();
        await Rt1064.ConfigureAsync(client, Rt1064.OptionWord, token);
        await client.FlashEraseRegionAsync(Rt1064.Nor, 0x1000, MBootMemoryId.FlexSpiNor, token);
        await client.FlashEraseRegionAsync(Rt1064.Nor + Rt1064.NorSize - 0x1000, 0x1000, MBootMemoryId.FlexSpiNor, token);
        await client.WriteMemoryAsync(Rt1064.Nor, Rt1064.Pattern(256), MBootMemoryId.FlexSpiNor, token);
        await client.WriteMemoryAsync(Rt1064.Nor + Rt1064.NorSize - 0x1000, Rt1064.Pattern(256), MBootMemoryId.FlexSpiNor, token);

        await client.FlashEraseAllAsync(MBootMemoryId.FlexSpiNor, Rt1064.NorSize, token);

        Assert.All(bench.Board.ReadFlash(Rt1064.Nor, 256), b => Assert.Equal(0xFF, b));
        Assert.All(bench.Board.ReadFlash(Rt1064.Nor + Rt1064.NorSize - 0x1000, 256), b => Assert.Equal(0xFF, b));
        var internalMemory = await Assert.ThrowsAsync<MBootCommandException>(() => client.FlashEraseAllAsync(MBootMemoryId.Internal, token));
        Assert.Equal(MBootCommandTag.FlashEraseAll, internalMemory.Command);
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task FillMemory_Word_RepeatsThePatternLittleEndian(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(link);
        var client = await bench.OpenMBootAsync();

        await client.FillMemoryAsync(Rt1064.Ocram + 0x100, 1024, 0x1234_5678, token);

        var filled = await client.ReadMemoryAsync(Rt1064.Ocram + 0x100, 1024, MBootMemoryId.Internal, token);
        Assert.All(filled.Chunk(4), word => Assert.Equal(new byte[] { 0x78, 0x56, 0x34, 0x12 }, word));
        var outside = await Assert.ThrowsAsync<MBootCommandException>(() => client.FillMemoryAsync(0x9000_0000, 4, 0, token));
        Assert.Equal(MBootStatusCode.MemoryRangeInvalid, outside.Status);
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task EfuseReadOnce_UniqueIdWordsAndBadIndex(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(link);
        var client = await bench.OpenMBootAsync();

        Assert.Equal((uint)bench.Board.UniqueId, await client.FlashReadOnceAsync(1, token));
        Assert.Equal((uint)(bench.Board.UniqueId >> 32), await client.FlashReadOnceAsync(2, token));
        var bad = await Assert.ThrowsAsync<MBootCommandException>(() => client.FlashReadOnceAsync(0x1000, token));
        Assert.Equal((MBootCommandTag.FlashReadOnce, MBootStatusCode.InvalidArgument), (bad.Command, bad.Status));
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task EfuseProgramOnce_BitsOnlyGoFrom0To1AndALockedWordRefuses(Link link)
    {
        var token = TestTimeouts.Unexpected;
        const uint Word = 0x22;
        await using var bench = await BoardBench.FlashloaderAsync(link);
        var client = await bench.OpenMBootAsync();

        await client.FlashProgramOnceAsync(Word, 0x0000_00F0, lockAfterProgram: false, token);
        await client.FlashProgramOnceAsync(Word, 0x0000_000F, lockAfterProgram: false, token);
        Assert.Equal(0xFFu, await client.FlashReadOnceAsync(Word, token));

        // Programming 0 bits clears nothing: the word keeps its 1s.
        await client.FlashProgramOnceAsync(Word, 0x0000_0000, lockAfterProgram: false, token);
        Assert.Equal(0xFFu, await client.FlashReadOnceAsync(Word, token));

        await client.FlashProgramOnceAsync(Word, 0x0000_0100, lockAfterProgram: true, token);
        Assert.Equal(0x1FFu, await client.FlashReadOnceAsync(Word, token));
        Assert.True(bench.Board.IsFuseLocked((int)Word));

        var locked = await Assert.ThrowsAsync<MBootCommandException>(() => client.FlashProgramOnceAsync(Word, 0x0000_0200, lockAfterProgram: false, token));
        Assert.Equal((MBootCommandTag.FlashProgramOnce, MBootStatusCode.OcotpProgramFailure), (locked.Command, locked.Status));
        Assert.False(locked.IsTransient);
        Assert.Equal(0x1FFu, bench.Board.ReadFuse((int)Word));
        var outOfRange = await Assert.ThrowsAsync<MBootCommandException>(() => client.FlashProgramOnceAsync(0x1000, 1, lockAfterProgram: false, token));
        Assert.Equal(MBootStatusCode.InvalidArgument, outOfRange.Status);
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task Reset_AnswersThenTheBoardIsBackInTheRomOnTheSamePort(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(link);
        var client = await bench.OpenMBootAsync();
        await client.FillMemoryAsync(Rt1064.Ocram, 16, 0xA5A5_A5A5, token);

        await client.ResetAsync(token);

        var sdp = await bench.OpenSdpAsync();
        var status = await sdp.ErrorStatusAsync(token);
        Assert.Equal(Station.Protocols.Sdp.SdpResponseValue.HabSuccess, status.Status);
        Assert.Equal(BoardState.Rom, bench.Board.State);
        Assert.All(bench.Board.ReadRam(Rt1064.Ocram, 16), b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task Execute_ValidAddressLeavesTheFlashloaderAndABadOneIsRefused(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(link);
        var client = await bench.OpenMBootAsync(new MBootClientOptions { ResponseTimeout = TimeSpan.FromSeconds(1) });

        var bad = await Assert.ThrowsAsync<MBootCommandException>(() => client.ExecuteAsync(0x9000_0000, 0, 0, token));
        Assert.Equal((MBootCommandTag.Execute, MBootStatusCode.InvalidArgument), (bad.Command, bad.Status));

        await client.ExecuteAsync(Rt1064.Ocram + 1, 0x1234, Rt1064.Ocram + 0x1_0000, token);

        if (link == Link.Usb)
        {
            await bench.WaitForUsbRemovalAsync(bench.LastUsbDevice!.Path);
        }
        else
        {
            // The application owns the UART now and ignores MBoot.
            await Assert.ThrowsAsync<DeviceTimeoutException>(() => client.GetCurrentVersionAsync(token));
        }

        Assert.Equal(BoardState.Application, bench.Board.State);
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task Call_ValidAddressReturnsAndABadOneIsRefused(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(link);
        var client = await bench.OpenMBootAsync();

        await client.CallAsync(Rt1064.Ocram + 1, 7, token);
        var bad = await Assert.ThrowsAsync<MBootCommandException>(() => client.CallAsync(0x9000_0000, 0, token));

        Assert.Equal((MBootCommandTag.Call, MBootStatusCode.InvalidArgument), (bad.Command, bad.Status));
        Assert.Equal(BoardState.Flashloader, bench.Board.State);
        Assert.NotNull(await client.GetCurrentVersionAsync(token));
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task FlashReadResource_TheRtFlashloaderHasNoHandler_UnknownCommand(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(link);
        var client = await bench.OpenMBootAsync();

        var exception = await Assert.ThrowsAsync<MBootCommandException>(() => client.FlashReadResourceAsync(0, 64, 1, token));

        Assert.Equal((MBootCommandTag.FlashReadResource, MBootStatusCode.UnknownCommand), (exception.Command, exception.Status));
        Assert.Contains("10000", exception.Message, StringComparison.Ordinal);
        Assert.False(client.IsBroken);
        Assert.NotNull(await client.GetCurrentVersionAsync(token));
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task ReceiveSbFile_TheRtFlashloaderHasNoHandler_UnknownCommandBeforeAnyData(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(link);
        var client = await bench.OpenMBootAsync();
        var progress = new List<long>();

        var exception = await Assert.ThrowsAsync<MBootCommandException>(
            () => client.ReceiveSbFileAsync(Rt1064.Pattern(4096), new SynchronousProgress(progress), token));

        Assert.Equal((MBootCommandTag.ReceiveSbFile, MBootStatusCode.UnknownCommand), (exception.Command, exception.Status));
        Assert.Empty(progress);
        Assert.NotNull(await client.GetCurrentVersionAsync(token));
    }
}
