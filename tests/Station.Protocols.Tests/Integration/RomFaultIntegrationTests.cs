using System.Buffers.Binary;
using System.Runtime.Versioning;
using Station.Protocols.Sdp;
using Station.Protocols.Tests.MBoot.Traces;
using Station.Protocols.Transport;
using Station.Simulator;
using Station.Testing;

namespace Station.Protocols.Tests.Integration;

/// <summary>
/// The boot ROM's faults (stall, short HAB report, disconnect during write-file, rejected jump,
/// image that never boots) and a closed-HAB part, as the SDP client's user sees them.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class RomFaultIntegrationTests
{
    private static readonly SdpClientOptions ShortTimeouts = new() { ResponseTimeout = TimeSpan.FromSeconds(1) };

    [Fact]
    public async Task RomStall_OverUsb_DeviceTimeoutOnFakeTime()
    {
        var time = new TimerWatchingTimeProvider();
        await using var bench = await BoardBench.RomAsync(Link.Usb, FaultWatch.Options("romstall@1,stallfor=30s", time));
        var client = await bench.OpenSdpAsync();
        var stalled = FaultWatch.SeenAsync(bench.Board, FaultKind.RomStall);

        var call = client.ErrorStatusAsync(TestTimeouts.Unexpected);
        await stalled;
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(2));
        time.Advance(TimeSpan.FromSeconds(2));

        var exception = await Assert.ThrowsAsync<DeviceTimeoutException>(() => call);
        Assert.Equal(TimeSpan.FromSeconds(2), exception.Timeout);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.ErrorStatusAsync(TestTimeouts.Unexpected));
    }

    [Fact]
    public async Task RomStall_OverUart_DeviceTimeoutAfterTheResponseTimeout()
    {
        await using var bench = await BoardBench.RomAsync(Link.Uart, FaultWatch.Options("romstall@1", new FakeTimeProvider()));
        var client = await bench.OpenSdpAsync(ShortTimeouts);

        var exception = await Assert.ThrowsAsync<DeviceTimeoutException>(() => client.ErrorStatusAsync(TestTimeouts.Unexpected));

        Assert.Equal(ShortTimeouts.ResponseTimeout, exception.Timeout);
    }

    [Fact]
    public async Task RomShort_OverUsb_TwoByteHabReportIsAProtocolViolationWithItsBytes()
    {
        await using var bench = await BoardBench.RomAsync(Link.Usb, FaultWatch.Options("romshort@1"));
        var client = await bench.OpenSdpAsync();

        var exception = await Assert.ThrowsAsync<ProtocolViolationException>(() => client.ErrorStatusAsync(TestTimeouts.Unexpected));

        Assert.Equal(new byte[] { 0x03, 0x56 }, exception.RawBytes);
    }

    [Fact]
    public async Task RomShort_OverUart_TheHabWordRunsIntoTheStatusAndIsAProtocolViolation()
    {
        await using var bench = await BoardBench.RomAsync(Link.Uart, FaultWatch.Options("romshort@1"));
        // Default timeouts: every byte does arrive, and a short timeout only makes a loaded CI machine fail.
        var client = await bench.OpenSdpAsync();

        // "56 78" of the HAB mode, then the status "F0 F0 F0 F0": the host reads 56 78 F0 F0.
        var exception = await Assert.ThrowsAsync<ProtocolViolationException>(() => client.ErrorStatusAsync(TestTimeouts.Unexpected));

        Assert.Contains("0x5678F0F0", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task RomDisconnect_DuringWriteFile_DeviceDisconnected(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.RomAsync(link, FaultWatch.Options("romdisconnect@1"));
        var client = await bench.OpenSdpAsync();

        await Assert.ThrowsAsync<DeviceDisconnectedException>(
            () => client.WriteFileAsync(Rt1064.FlashloaderLoad, SharedTestData.Read("spsdk/rt106x/ivt_flashloader.bin"), token));

        if (link == Link.Usb)
        {
            // The ROM re-enumerates on the same port and answers a fresh session.
            var again = await bench.OpenSdpAsync();
            Assert.Equal(SdpResponseValue.HabSuccess, (await again.ErrorStatusAsync(token)).Status);
        }
        else
        {
            await bench.Serving.WaitAsync(token);
            Assert.Equal(BoardState.Off, bench.Board.State);
        }
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task JumpFailure_TheRomsFailureWordIsAnSdpCommandExceptionAndARetryBoots(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.RomAsync(link, FaultWatch.Options("jumpfail@1"));
        var sdp = await bench.OpenSdpAsync();
        await sdp.WriteFileAsync(Rt1064.FlashloaderLoad, SharedTestData.Read("spsdk/rt106x/ivt_flashloader.bin"), token);

        var refused = await Assert.ThrowsAsync<SdpCommandException>(() => sdp.JumpAddressAsync(Rt1064.FlashloaderIvt, token));

        Assert.Equal((SdpCommandType.JumpAddress, HabMode.Open, SdpResponseValue.HabFailure), (refused.Command, refused.HabMode, refused.Status));
        Assert.False(refused.IsTransient);
        Assert.Equal(new SdpResponse(HabMode.Open, SdpResponseValue.HabFailure), await sdp.ErrorStatusAsync(token));
        Assert.Equal(BoardState.Rom, bench.Board.State);
        await sdp.JumpAddressAsync(Rt1064.FlashloaderIvt, token);
        var mboot = await bench.OpenMBootAsync();
        Assert.NotNull(await mboot.GetCurrentVersionAsync(token));
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task BootFailure_JumpAcceptedButTheRomComesBack(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.RomAsync(link, FaultWatch.Options("bootfail@1"));
        await using (var sdp = await bench.OpenSdpAsync())
        {
            await sdp.WriteFileAsync(Rt1064.FlashloaderLoad, SharedTestData.Read("spsdk/rt106x/ivt_flashloader.bin"), token);
            await sdp.JumpAddressAsync(Rt1064.FlashloaderIvt, token);
        }

        // No flashloader: the ROM answers again, freshly booted (RAM lost, error status clean).
        var rom = await bench.OpenSdpAsync();
        Assert.Equal(SdpResponseValue.HabSuccess, (await rom.ErrorStatusAsync(token)).Status);
        Assert.Equal(BoardState.Rom, bench.Board.State);
        Assert.All(bench.Board.ReadRam(Rt1064.FlashloaderIvt, 32), b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task ClosedHab_UnsignedFlashloaderIsLoadedButTheJumpIsRefused(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.RomAsync(link, FaultWatch.Options(string.Empty, hab: HabState.Closed));
        var sdp = await bench.OpenSdpAsync();
        var loaded = await sdp.WriteFileAsync(Rt1064.FlashloaderLoad, SharedTestData.Read("spsdk/rt106x/ivt_flashloader.bin"), token);
        Assert.Equal(new SdpResponse(HabMode.Closed, SdpResponseValue.WriteFileComplete), loaded);

        var refused = await Assert.ThrowsAsync<SdpCommandException>(() => sdp.JumpAddressAsync(Rt1064.FlashloaderIvt, token));

        Assert.Equal((SdpCommandType.JumpAddress, HabMode.Closed, SdpResponseValue.HabFailure), (refused.Command, refused.HabMode, refused.Status));
        Assert.Contains("HAB closed", refused.Message, StringComparison.Ordinal);
        Assert.Equal(new SdpResponse(HabMode.Closed, SdpResponseValue.HabFailure), await sdp.ErrorStatusAsync(token));
        Assert.Equal(BoardState.Rom, bench.Board.State);
        var outside = await Assert.ThrowsAsync<SdpCommandException>(() => sdp.WriteFileAsync(0x9000_0000, new byte[64], token));
        Assert.Equal((SdpCommandType.WriteFile, HabMode.Closed), (outside.Command, outside.HabMode));
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task ClosedHab_ImageWithACsf_RunsAndTheFlashloaderReportsSecure(Link link)
    {
        var token = TestTimeouts.Unexpected;
        const uint Csf = 0x2003_0000;
        var loader = SharedTestData.Read("spsdk/rt106x/ivt_flashloader.bin");
        BinaryPrimitives.WriteUInt32LittleEndian(loader.AsSpan(0x400 + 0x18), Csf); // IVT csf field
        await using var bench = await BoardBench.RomAsync(link, FaultWatch.Options(string.Empty, hab: HabState.Closed));
        await using (var sdp = await bench.OpenSdpAsync())
        {
            await sdp.WriteFileAsync(Rt1064.FlashloaderLoad, loader, token);
            Assert.Equal(SdpResponseValue.WriteComplete, (await sdp.WriteCsfAsync(Csf, Rt1064.Pattern(0x800), token)).Status);
            await sdp.JumpAddressAsync(Rt1064.FlashloaderIvt, token);
        }

        var mboot = await bench.OpenMBootAsync();
        Assert.True((await mboot.GetSecurityStateAsync(token))!.IsSecure);
    }
}
