using Station.Protocols.MBoot;
using Station.Protocols.Tests.MBoot.Traces;
using Station.Protocols.Transport;
using Station.Testing;

namespace Station.Protocols.Tests.MBoot;

/// <summary>Timeouts, cancellation and the broken-session rule (STYLE 4.4, 4.6, 4.7).</summary>
public sealed class MBootClientFailureTraceTests
{
    private const string GetCurrentVersionOut = "01 00 0C 00 | 07 00 00 02 01 00 00 00 00 00 00 00";

    [Fact]
    public async Task GetCurrentVersion_DeviceSilentPastResponseTimeout_ThrowsDeviceTimeoutAndBreaksSession()
    {
        var time = new TimerWatchingTimeProvider();
        var (client, device) = TestClients.Hid(time: time);
        var peer = new HidTranscript().Out(GetCurrentVersionOut).RunAsync(device);

        var call = client.GetCurrentVersionAsync(TestTimeouts.Unexpected);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(4.9));
        Assert.False(call.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(0.1));

        var exception = await Assert.ThrowsAsync<DeviceTimeoutException>(() => call);
        Assert.Equal(TimeSpan.FromSeconds(5), exception.Timeout);
        Assert.True(exception.IsTransient);
        Assert.True(client.IsBroken);
        var later = await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetCurrentVersionAsync(TestTimeouts.Unexpected));
        Assert.IsType<DeviceTimeoutException>(later.InnerException);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task FlashEraseRegion_OneMebibyte_WaitsTheScaledEraseTimeoutNotTheResponseTimeout()
    {
        // Defaults: 5 s + 30 s per MiB = 35 s for 1 MiB.
        var time = new TimerWatchingTimeProvider();
        var (client, device) = TestClients.Hid(time: time);
        var peer = new HidTranscript()
            .Out("01 00 10 00 | 02 00 00 03 00 00 00 70 00 00 10 00 09 00 00 00")
            .RunAsync(device);

        var erase = client.FlashEraseRegionAsync(0x70000000, 1024 * 1024, MBootMemoryId.FlexSpiNor, TestTimeouts.Unexpected);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(35));
        time.Advance(TimeSpan.FromSeconds(34));
        Assert.False(erase.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        var exception = await Assert.ThrowsAsync<DeviceTimeoutException>(() => erase);
        Assert.Equal(TimeSpan.FromSeconds(35), exception.Timeout);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task FlashEraseRegion_DeviceAnswersWithinScaledTimeout_Succeeds()
    {
        var time = new TimerWatchingTimeProvider();
        var (client, device) = TestClients.Hid(time: time);
        var answer = new TaskCompletionSource();
        var waiting = new TaskCompletionSource();
        var peer = new HidTranscript()
            .Out("01 00 10 00 | 02 00 00 03 00 00 00 70 00 60 00 00 09 00 00 00")
            .Pause(waiting, answer.Task)
            .In("03 00 0C 00 | A0 00 00 02 00 00 00 00 02 00 00 00")
            .RunAsync(device);

        var erase = client.FlashEraseRegionAsync(0x70000000, 0x6000, MBootMemoryId.FlexSpiNor, TestTimeouts.Unexpected);
        await waiting.Task.WaitAsync(TestTimeouts.Unexpected);
        // Longer than the 5 s response timeout, shorter than 5 s + 30 s * 24 KiB / 1 MiB.
        await time.WaitForTimerAsync(new MBootClientOptions().GetEraseTimeout(0x6000));
        time.Advance(TimeSpan.FromSeconds(5.5));
        answer.SetResult();

        await erase.WaitAsync(TestTimeouts.Unexpected);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task FlashEraseAll_WithMemorySize_ScalesTimeout()
    {
        var time = new TimerWatchingTimeProvider();
        var (client, device) = TestClients.Hid(time: time);
        var peer = new HidTranscript().Out("01 00 08 00 | 01 00 00 01 09 00 00 00").RunAsync(device);

        var erase = client.FlashEraseAllAsync(MBootMemoryId.FlexSpiNor, 4L * 1024 * 1024, TestTimeouts.Unexpected);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(125));
        time.Advance(TimeSpan.FromSeconds(125));

        var exception = await Assert.ThrowsAsync<DeviceTimeoutException>(() => erase);
        Assert.Equal(TimeSpan.FromSeconds(125), exception.Timeout);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task WriteMemory_DeviceSilentAfterLastPacket_ThrowsDeviceTimeout()
    {
        var time = new TimerWatchingTimeProvider();
        var data = TestClients.Pattern(100);
        var (client, device) = TestClients.Hid(new MBootClientOptions { MaxPacketSize = 1012 }, time);
        var peer = new HidTranscript()
            .Out("01 00 10 00 | 04 01 00 03 00 10 00 70 64 00 00 00 00 00 00 00")
            .In("03 00 0C 00 | A0 00 00 02 00 00 00 00 04 00 00 00")
            .Out(TestClients.Report(2, data))
            .RunAsync(device);

        var write = client.WriteMemoryAsync(0x70001000, data, MBootMemoryId.Internal, TestTimeouts.Unexpected);
        await peer.WaitAsync(TestTimeouts.Unexpected);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(5));

        var exception = await Assert.ThrowsAsync<DeviceTimeoutException>(() => write);
        Assert.Equal(TimeSpan.FromSeconds(5), exception.Timeout);
        Assert.True(client.IsBroken);
    }

    [Fact]
    public async Task GetCurrentVersion_CallerCancels_ThrowsOperationCanceledNotTimeout()
    {
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript().Out(GetCurrentVersionOut).RunAsync(device);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestTimeouts.Unexpected);

        var call = client.GetCurrentVersionAsync(cancellation.Token);
        await peer.WaitAsync(TestTimeouts.Unexpected);
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.True(client.IsBroken);
    }

    [Fact]
    public async Task GetCurrentVersion_CancelledBeforeStart_ThrowsWithoutBreakingSession()
    {
        var (client, _) = TestClients.Hid();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.GetCurrentVersionAsync(new CancellationToken(canceled: true)));

        Assert.False(client.IsBroken);
    }

    [Fact]
    public async Task WriteMemory_CallerCancelsDuringDataPhase_SendsHostAbortAndThrowsOperationCanceled()
    {
        var data = TestClients.Pattern(6 * 16);
        var reports = Enumerable.Range(1, 5).Select(i => TestClients.Report(2, data.AsSpan(16 * i, 16))).ToList();
        var (client, device) = TestClients.Hid(new MBootClientOptions { MaxPacketSize = 16 });
        var reached = new TaskCompletionSource();
        var proceed = new TaskCompletionSource();
        var peer = new HidTranscript()
            .Out("01 00 10 00 | 04 01 00 03 00 00 00 20 60 00 00 00 00 00 00 00")
            .In("03 00 0C 00 | A0 00 00 02 00 00 00 00 04 00 00 00")
            .Out(TestClients.Report(2, data.AsSpan(0, 16)))
            .Pause(reached, proceed.Task)
            // PROTOCOLS.md 1.4: the host abandons the phase with a zero-length DATA-OUT report.
            .OutSomeThen(reports, "02 00 00 00")
            .RunAsync(device);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestTimeouts.Unexpected);

        var write = client.WriteMemoryAsync(0x20000000, data, MBootMemoryId.Internal, cancellation.Token);
        await reached.Task.WaitAsync(TestTimeouts.Unexpected);
        await cancellation.CancelAsync();
        proceed.SetResult();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => write);
        Assert.True(client.IsBroken);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task AnyCall_AfterDispose_ThrowsObjectDisposed()
    {
        var (client, device) = TestClients.Hid();
        await client.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.ResetAsync(TestTimeouts.Unexpected));
        await Assert.ThrowsAsync<DeviceDisconnectedException>(
            () => device.ReadReportAsync(new byte[16], TimeSpan.FromSeconds(1), TestTimeouts.Unexpected).AsTask());
    }

    [Fact]
    public async Task DeviceDisconnects_MidCommand_ThrowsTransportExceptionAndBreaksSession()
    {
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript().Out(GetCurrentVersionOut).RunAsync(device);

        var call = client.GetCurrentVersionAsync(TestTimeouts.Unexpected);
        await peer.WaitAsync(TestTimeouts.Unexpected);
        await device.DisposeAsync();

        await Assert.ThrowsAsync<DeviceDisconnectedException>(() => call);
        Assert.True(client.IsBroken);
    }
}
