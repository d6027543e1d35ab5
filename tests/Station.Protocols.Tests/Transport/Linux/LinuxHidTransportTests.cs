using System.Diagnostics;
using System.Runtime.Versioning;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Win32.SafeHandles;
using Station.Protocols.Tests.Transport.Fixtures;
using Station.Protocols.Transport;
using Station.Protocols.Transport.Linux;
using Station.Testing;

namespace Station.Protocols.Tests.Transport.Linux;

/// <summary>
/// The hidraw transport over a SOCK_SEQPACKET socket pair: like hidraw, one read returns one
/// message and one write sends one, and the kernel wakes the poller the same way. The test holds
/// the other end and plays the device.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class LinuxHidTransportTests : IAsyncDisposable
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(5);
    private readonly SafeFileHandle _device;
    private readonly LinuxHidTransport _transport;

    public LinuxHidTransportTests()
    {
        (_transport, _device) = Create(usesReportIds: true);
    }

    public async ValueTask DisposeAsync()
    {
        await _transport.DisposeAsync();
        _device.Dispose();
    }

    [Fact]
    public async Task ReadReport_TwoReportsQueued_ReturnsOnePerRead()
    {
        var full = new byte[1016];
        full[0] = 0x03;
        full[2] = 0x0C;
        DeviceSends(full);
        DeviceSends([0x04, 0x00, 0x00, 0x00]);
        var buffer = new byte[1016];

        var first = await _transport.ReadReportAsync(buffer, Generous, TestTimeouts.Unexpected);
        Assert.Equal(full, buffer[..first]);
        var second = await _transport.ReadReportAsync(buffer, Generous, TestTimeouts.Unexpected);
        Assert.Equal(new byte[] { 0x04, 0x00, 0x00, 0x00 }, buffer[..second]);
    }

    [Fact]
    public async Task ReadReport_Pending_CompletesWhenTheReportArrives()
    {
        var buffer = new byte[1016];
        var read = _transport.ReadReportAsync(buffer, Generous, TestTimeouts.Unexpected).AsTask();
        Assert.False(read.IsCompleted);

        DeviceSends([0x03, 0x00, 0x0C, 0x00]);

        Assert.Equal(4, await read.WaitAsync(TestTimeouts.Unexpected));
        Assert.Equal(new byte[] { 0x03, 0x00, 0x0C, 0x00 }, buffer[..4]);
    }

    [Fact]
    public async Task ReadReport_DeviceWithoutReportIds_PutsZeroIdInFront()
    {
        var (transport, device) = Create(usesReportIds: false);
        await using (transport)
        {
            Assert.True(TestLibc.Send(device, [0xAA, 0xBB], 2, 0) == 2);
            var buffer = new byte[9];

            var length = await transport.ReadReportAsync(buffer, Generous, TestTimeouts.Unexpected);

            Assert.Equal(new byte[] { 0x00, 0xAA, 0xBB }, buffer[..length]);
            device.Dispose();
        }
    }

    [Fact]
    public async Task WriteReport_ShortReport_IsSentAsGivenWithoutPadding()
    {
        await _transport.WriteReportAsync(new byte[] { 0x01, 0x00, 0x08, 0x00, 0x07, 0x00, 0x00, 0x02 }, Generous, TestTimeouts.Unexpected);

        Assert.Equal(new byte[] { 0x01, 0x00, 0x08, 0x00, 0x07, 0x00, 0x00, 0x02 }, DeviceReceives());
    }

    [Fact]
    public async Task WriteReport_ManyFullReports_ArriveInOrder()
    {
        var report = new byte[1016];
        for (var i = 0; i < 200; i++)
        {
            report[0] = 0x02;
            report[4] = (byte)i;
            await _transport.WriteReportAsync(report, Generous, TestTimeouts.Unexpected);
            var received = DeviceReceives();
            Assert.Equal((1016, (byte)i), (received.Length, received[4]));
        }
    }

    [Fact]
    public async Task WriteReport_DeviceTakesReports_CompletesSynchronouslyWithoutAllocating()
    {
        var report = new byte[1016];
        report[0] = 0x02;
        await _transport.WriteReportAsync(report, Generous, CancellationToken.None); // warm up
        DeviceReceives();
        long allocated = 0;

        for (var i = 0; i < 50; i++)
        {
            var thread = Environment.CurrentManagedThreadId;
            var before = GC.GetAllocatedBytesForCurrentThread();
            await _transport.WriteReportAsync(report, Generous, CancellationToken.None);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(thread, Environment.CurrentManagedThreadId); // no hop: it completed synchronously
            DeviceReceives();
        }

        Assert.Equal(0, allocated);
    }

    [Fact]
    public async Task ReadReport_ReportsAlreadyQueued_CompletesSynchronouslyWithoutAllocating()
    {
        var report = new byte[1016];
        report[0] = 0x04;
        for (var i = 0; i < 21; i++)
        {
            DeviceSends(report);
        }

        var buffer = new byte[1016];
        Assert.Equal(1016, await _transport.ReadReportAsync(buffer, Generous, CancellationToken.None)); // warm up
        long allocated = 0;
        for (var i = 0; i < 20; i++)
        {
            var thread = Environment.CurrentManagedThreadId;
            var before = GC.GetAllocatedBytesForCurrentThread();
            var length = await _transport.ReadReportAsync(buffer, Generous, CancellationToken.None);
            allocated += GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(thread, Environment.CurrentManagedThreadId);
            Assert.Equal(1016, length);
        }

        Assert.Equal(0, allocated);
    }

    [Fact]
    public async Task WriteReport_LongerThanMaxOutput_ThrowsArgumentException()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _transport.WriteReportAsync(new byte[1017], Generous, TestTimeouts.Unexpected).AsTask());
    }

    [Fact]
    public async Task ReadReport_NothingArrives_ThrowsDeviceTimeoutException()
    {
        var clock = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<DeviceTimeoutException>(
            () => _transport.ReadReportAsync(new byte[1016], TimeSpan.FromMilliseconds(100), TestTimeouts.Unexpected).AsTask());

        Assert.Equal(TimeSpan.FromMilliseconds(100), exception.Timeout);
        Assert.InRange(clock.Elapsed, TimeSpan.FromMilliseconds(95), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task ReadReport_CallerCancels_ThrowsOperationCanceledWithTheCallersToken()
    {
        using var cancellation = new CancellationTokenSource();
        var read = _transport.ReadReportAsync(new byte[1016], TimeSpan.FromMinutes(1), cancellation.Token).AsTask();
        Assert.False(read.IsCompleted);

        await cancellation.CancelAsync();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(TestTimeouts.Unexpected));
        Assert.IsNotType<DeviceTimeoutException>(exception);
        Assert.Equal(cancellation.Token, exception.CancellationToken);
    }

    [Fact]
    public async Task ReadReport_DeviceGoneWhileWaiting_ThrowsDeviceDisconnectedException()
    {
        var read = _transport.ReadReportAsync(new byte[1016], Generous, TestTimeouts.Unexpected).AsTask();
        Assert.False(read.IsCompleted);

        _device.Dispose();

        var exception = await Assert.ThrowsAsync<DeviceDisconnectedException>(() => read.WaitAsync(TestTimeouts.Unexpected));
        Assert.Equal("test:1-4.2", exception.DeviceAddress);
        Assert.True(exception.IsTransient);
    }

    [Fact]
    public async Task ReadReport_AfterDispose_ThrowsObjectDisposedException()
    {
        await _transport.DisposeAsync();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => _transport.ReadReportAsync(new byte[1016], Generous, TestTimeouts.Unexpected).AsTask());
    }

    private static (LinuxHidTransport Transport, SafeFileHandle Device) Create(bool usesReportIds)
    {
        var fds = new int[2];
        Assert.Equal(0, TestLibc.SocketPair(TestLibc.AfUnix, TestLibc.SockSeqPacket | TestLibc.SockNonBlock | TestLibc.SockCloExec, 0, fds));
        var transport = new LinuxHidTransport(
            new SafeFileHandle(fds[0], ownsHandle: true), "test:1-4.2", 1016, 1016, usesReportIds, NullLogger.Instance, TimeProvider.System);
        return (transport, new SafeFileHandle(fds[1], ownsHandle: true));
    }

    private void DeviceSends(byte[] report) => Assert.Equal(report.Length, (int)TestLibc.Send(_device, report, report.Length, 0));

    private byte[] DeviceReceives()
    {
        var buffer = new byte[4096];
        var count = (int)TestLibc.Receive(_device, buffer, buffer.Length, 0);
        Assert.True(count >= 0, "nothing was sent");
        return buffer[..count];
    }
}
