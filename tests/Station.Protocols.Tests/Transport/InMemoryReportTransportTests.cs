using Station.Testing;

namespace Station.Protocols.Transport.Tests;

public sealed class InMemoryReportTransportTests
{
    [Fact]
    public async Task WriteReport_OnHostEnd_IsReadOnDeviceEnd()
    {
        var (host, device) = InMemoryReportTransport.CreatePair("test", 65, 17);
        await host.WriteReportAsync(new byte[] { 1, 2, 3 }, TimeSpan.FromSeconds(1), TestTimeouts.Unexpected);

        var buffer = new byte[17];
        var length = await device.ReadReportAsync(buffer, TimeSpan.FromSeconds(1), TestTimeouts.Unexpected);

        Assert.Equal(new byte[] { 1, 2, 3 }, buffer[..length]);
    }

    [Fact]
    public async Task ReadReport_NothingArrives_ThrowsDeviceTimeoutExceptionWhenFakeTimePasses()
    {
        var time = new FakeTimeProvider();
        var (host, _) = InMemoryReportTransport.CreatePair("test", 65, 17, time);

        var read = host.ReadReportAsync(new byte[65], TimeSpan.FromSeconds(5), TestTimeouts.Unexpected).AsTask();
        time.Advance(TimeSpan.FromSeconds(4));
        Assert.False(read.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(1));

        var exception = await Assert.ThrowsAsync<DeviceTimeoutException>(() => read);
        Assert.Equal(TimeSpan.FromSeconds(5), exception.Timeout);
    }

    [Fact]
    public async Task ReadReport_CallerCancels_ThrowsOperationCanceledNotTimeout()
    {
        var (host, _) = InMemoryReportTransport.CreatePair("test", 65, 17);
        using var cancellation = new CancellationTokenSource();

        var read = host.ReadReportAsync(new byte[65], TimeSpan.FromMinutes(1), cancellation.Token).AsTask();
        await cancellation.CancelAsync();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);
        Assert.IsNotType<DeviceTimeoutException>(exception);
    }

    [Fact]
    public async Task ReadReport_PeerDisposed_ThrowsDeviceDisconnectedException()
    {
        var (host, device) = InMemoryReportTransport.CreatePair("sim:1-4.2", 65, 17);
        await device.DisposeAsync();

        var exception = await Assert.ThrowsAsync<DeviceDisconnectedException>(
            () => host.ReadReportAsync(new byte[65], TimeSpan.FromSeconds(5), TestTimeouts.Unexpected).AsTask());
        Assert.True(exception.IsTransient);
        Assert.Equal("sim:1-4.2", exception.DeviceAddress);
    }

    [Fact]
    public async Task WriteReport_LongerThanMaxOutput_ThrowsArgumentException()
    {
        var (host, _) = InMemoryReportTransport.CreatePair("test", 65, 17);

        await Assert.ThrowsAsync<ArgumentException>(
            () => host.WriteReportAsync(new byte[18], TimeSpan.FromSeconds(1), TestTimeouts.Unexpected).AsTask());
    }
}
