using System.Runtime.Versioning;
using Station.Protocols.MBoot;
using Station.Protocols.Sdp;
using Station.Protocols.Tests.MBoot.Traces;
using Station.Protocols.Transport;
using Station.Simulator;
using Station.Testing;

namespace Station.Protocols.Tests.Integration;

/// <summary>
/// Every flashloader-side fault of <see cref="FaultPlan"/>, injected into the simulated board, and
/// the exact exception the MBoot client's user sees, over USB HID and over a real pseudo-terminal.
/// Over USB the host transport runs on the board's clock, so timeouts use fake time; the kernel's
/// pseudo-terminal knows no fake clock, so UART timeouts are real and short.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class MBootFaultIntegrationTests
{
    private static readonly MBootClientOptions ShortTimeouts = new() { ResponseTimeout = TimeSpan.FromSeconds(1) };

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task EraseFailure_20106_TransientCommandExceptionAndARetrySucceeds(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(link, FaultWatch.Options("erase20106@1"));
        var client = await bench.OpenMBootAsync();
        await Rt1064.ConfigureAsync(client, Rt1064.OptionWord, token);

        var exception = await Assert.ThrowsAsync<MBootCommandException>(
            () => client.FlashEraseRegionAsync(Rt1064.Nor, 0x2000, MBootMemoryId.FlexSpiNor, token));

        Assert.Equal((MBootCommandTag.FlashEraseRegion, MBootStatusCode.FlexSpiNorCommandFailure), (exception.Command, exception.Status));
        Assert.Equal(20106u, (uint)exception.Status);
        Assert.True(exception.IsTransient);
        Assert.Contains("20106", exception.Message, StringComparison.Ordinal);
        Assert.False(client.IsBroken);
        await client.FlashEraseRegionAsync(Rt1064.Nor, 0x2000, MBootMemoryId.FlexSpiNor, token);
        Assert.All(bench.Board.ReadFlash(Rt1064.Nor, 0x2000), b => Assert.Equal(0xFF, b));
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task ProgramFailure_20106OnWriteMemory_TransientAndEraseThenRewriteSucceeds(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(link, FaultWatch.Options("program20106@1"));
        var client = await bench.OpenMBootAsync();
        await Rt1064.ConfigureAsync(client, Rt1064.OptionWord, token);
        await client.FlashEraseRegionAsync(Rt1064.Nor, 0x4000, MBootMemoryId.FlexSpiNor, token);
        var image = Rt1064.Pattern(0x4000);

        var exception = await Assert.ThrowsAsync<MBootCommandException>(
            () => client.WriteMemoryAsync(Rt1064.Nor, image, MBootMemoryId.FlexSpiNor, token));

        Assert.Equal((MBootCommandTag.WriteMemory, MBootStatusCode.FlexSpiNorCommandFailure), (exception.Command, exception.Status));
        Assert.True(exception.IsTransient);
        Assert.False(client.IsBroken);
        await client.FlashEraseRegionAsync(Rt1064.Nor, 0x4000, MBootMemoryId.FlexSpiNor, token);
        await client.WriteMemoryAsync(Rt1064.Nor, image, MBootMemoryId.FlexSpiNor, token);
        Assert.Equal(image, await client.ReadMemoryAsync(Rt1064.Nor, image.Length, MBootMemoryId.FlexSpiNor, token));
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task OtpFailure_20201_NotTransientAndTheBitIsMissing(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(link, FaultWatch.Options("otp20201@1"));
        var client = await bench.OpenMBootAsync();

        var exception = await Assert.ThrowsAsync<MBootCommandException>(() => client.FlashProgramOnceAsync(0x22, 0x0000_0003, false, token));

        Assert.Equal((MBootCommandTag.FlashProgramOnce, MBootStatusCode.OcotpProgramFailure), (exception.Command, exception.Status));
        Assert.False(exception.IsTransient);
        Assert.Equal(0x2u, await client.FlashReadOnceAsync(0x22, token));
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task MarginalBoard_VerifyFailsAtTheFastClockAndPassesSlower(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(link, FaultWatch.Options("marginal=6"));
        var client = await bench.OpenMBootAsync();

        await Rt1064.ConfigureAsync(client, Rt1064.OptionWord, token);
        var fast = await Assert.ThrowsAsync<MBootCommandException>(() => client.FlashEraseRegionAsync(Rt1064.Nor, 0x1000, MBootMemoryId.FlexSpiNor, token));
        await Rt1064.ConfigureAsync(client, 0xC000_0005, token);
        await client.FlashEraseRegionAsync(Rt1064.Nor, 0x1000, MBootMemoryId.FlexSpiNor, token);

        Assert.Equal(MBootStatusCode.FlexSpiNorCommandFailure, fast.Status);
    }

    [Theory]
    [InlineData(Link.Usb)]
    [InlineData(Link.Uart)]
    public async Task WriteProtectedNor_WriteFails20106AndNothingChanges(Link link)
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(link, FaultWatch.Options("protected"));
        var client = await bench.OpenMBootAsync();
        await Rt1064.ConfigureAsync(client, Rt1064.OptionWord, token);

        var exception = await Assert.ThrowsAsync<MBootCommandException>(
            () => client.WriteMemoryAsync(Rt1064.Nor, Rt1064.Pattern(256), MBootMemoryId.FlexSpiNor, token));

        Assert.Equal(MBootStatusCode.FlexSpiNorCommandFailure, exception.Status);
        Assert.All(bench.Board.ReadFlash(Rt1064.Nor, 256), b => Assert.Equal(0xFF, b));
    }

    [Fact]
    public async Task ShortResponse_OverUsb_TheTwoByteReportIsAProtocolViolationWithItsBytes()
    {
        var token = TestTimeouts.Unexpected;
        // Responses: 1 get-property 11 (packet size), 2 write-memory initial, 3 write-memory final.
        await using var bench = await BoardBench.FlashloaderAsync(Link.Usb, FaultWatch.Options("short@3"));
        var client = await bench.OpenMBootAsync();

        var exception = await Assert.ThrowsAsync<ProtocolViolationException>(
            () => client.WriteMemoryAsync(Rt1064.Ocram, Rt1064.Pattern(4096), MBootMemoryId.Internal, token));

        Assert.Equal(new byte[] { 0x03, 0x00 }, exception.RawBytes);
        Assert.Contains("Raw: [03 00]", exception.Message, StringComparison.Ordinal);
        Assert.True(exception.IsTransient);
        Assert.True(client.IsBroken);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetCurrentVersionAsync(token));
    }

    [Fact]
    public async Task ShortResponse_OverUart_TheCutFrameEndsInATimeout()
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(Link.Uart, FaultWatch.Options("short@3"));
        var client = await bench.OpenMBootAsync(ShortTimeouts);

        // Only "5A A4" of the final response arrives: a UART cannot tell a cut frame from a slow one.
        var exception = await Assert.ThrowsAsync<DeviceTimeoutException>(
            () => client.WriteMemoryAsync(Rt1064.Ocram, Rt1064.Pattern(4096), MBootMemoryId.Internal, token));

        Assert.Equal(ShortTimeouts.ResponseTimeout, exception.Timeout);
        Assert.True(client.IsBroken);
    }

    [Fact]
    public async Task Stall_OverUsb_DeviceTimeoutOnFakeTimeAndAFreshSessionWorks()
    {
        var token = TestTimeouts.Unexpected;
        var time = new TimerWatchingTimeProvider();
        await using var bench = await BoardBench.FlashloaderAsync(Link.Usb, FaultWatch.Options("stall@1,stallfor=10s", time));
        var client = await bench.OpenMBootAsync();
        var stalled = FaultWatch.SeenAsync(bench.Board, FaultKind.Stall);

        var call = client.GetCurrentVersionAsync(token);
        await stalled;
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(5));

        var exception = await Assert.ThrowsAsync<DeviceTimeoutException>(() => call);
        Assert.Equal(TimeSpan.FromSeconds(5), exception.Timeout);
        Assert.True(exception.IsTransient);
        Assert.True(client.IsBroken);
        var fresh = await bench.OpenMBootAsync(sameDevice: true);
        Assert.Equal("K2.1.0", (await fresh.GetCurrentVersionAsync(token))?.ToString());
    }

    [Fact]
    public async Task Stall_OverUart_DeviceTimeoutAfterTheResponseTimeout()
    {
        var token = TestTimeouts.Unexpected;
        // The board stalls on a clock that never moves; the host's real 300 ms timeout ends the wait.
        await using var bench = await BoardBench.FlashloaderAsync(Link.Uart, FaultWatch.Options("stall@1", new FakeTimeProvider()));
        var client = await bench.OpenMBootAsync(ShortTimeouts);

        var exception = await Assert.ThrowsAsync<DeviceTimeoutException>(() => client.GetCurrentVersionAsync(token));

        Assert.Equal(ShortTimeouts.ResponseTimeout, exception.Timeout);
        Assert.Single(bench.Board.InjectedFaults, f => f.Kind == FaultKind.Stall);
    }

    [Fact]
    public async Task Disconnect_OverUsb_MidWriteMemory_DisconnectedThenTheFlashloaderIsBack()
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(Link.Usb, FaultWatch.Options("disconnect@1"));
        var client = await bench.OpenMBootAsync();
        var gone = bench.LastUsbDevice!.Path;

        var exception = await Assert.ThrowsAsync<DeviceDisconnectedException>(
            () => client.WriteMemoryAsync(Rt1064.Ocram, Rt1064.Pattern(10 * 1012), MBootMemoryId.Internal, token));

        Assert.True(exception.IsTransient);
        Assert.True(client.IsBroken);
        await bench.WaitForUsbRemovalAsync(gone);
        var again = await bench.OpenMBootAsync();
        Assert.Equal(BoardBench.Port, bench.LastUsbDevice!.PortPath);
        Assert.NotNull(await again.GetCurrentVersionAsync(token));
    }

    [Fact]
    public async Task Disconnect_OverUart_MidWriteMemory_DisconnectedAndTheLineIsGone()
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(Link.Uart, FaultWatch.Options("disconnect@1"));
        var client = await bench.OpenMBootAsync();

        await Assert.ThrowsAsync<DeviceDisconnectedException>(
            () => client.WriteMemoryAsync(Rt1064.Ocram, Rt1064.Pattern(10 * 512), MBootMemoryId.Internal, token));

        await bench.Serving.WaitAsync(token);
        Assert.Equal(BoardState.Off, bench.Board.State);
        Assert.True(client.IsBroken);
    }

    [Fact]
    public async Task SpontaneousReset_OverUsb_DisconnectedAndTheRomComesBackOnThePort()
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(Link.Usb, FaultWatch.Options("reset@2"));
        var client = await bench.OpenMBootAsync();
        await client.FillMemoryAsync(Rt1064.Ocram, 4, 1, token);

        await Assert.ThrowsAsync<DeviceDisconnectedException>(() => client.GetCurrentVersionAsync(token));

        var rom = await bench.OpenSdpAsync();
        Assert.Equal(BoardFamily.Rt1064.RomProductId, bench.LastUsbDevice!.ProductId);
        Assert.Equal(SdpResponseValue.HabSuccess, (await rom.ErrorStatusAsync(token)).Status);
        Assert.Equal(BoardState.Rom, bench.Board.State);
    }

    [Fact]
    public async Task SpontaneousReset_OverUart_NoAnswerThenTheRomAnswersOnTheLine()
    {
        var token = TestTimeouts.Unexpected;
        await using var bench = await BoardBench.FlashloaderAsync(Link.Uart, FaultWatch.Options("reset@2"));
        var client = await bench.OpenMBootAsync(ShortTimeouts);
        await client.FillMemoryAsync(Rt1064.Ocram, 4, 1, token);

        await Assert.ThrowsAsync<DeviceTimeoutException>(() => client.GetCurrentVersionAsync(token));

        var rom = await bench.OpenSdpAsync();
        Assert.Equal(SdpResponseValue.HabSuccess, (await rom.ErrorStatusAsync(token)).Status);
        Assert.Equal(BoardState.Rom, bench.Board.State);
    }
}
