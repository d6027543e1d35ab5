using System.Diagnostics;
using System.Runtime.Versioning;
using Station.Protocols.Transport;
using Station.Protocols.Transport.Linux;
using Station.Testing;

namespace Station.Protocols.Tests.Transport.Linux;

/// <summary>
/// A real pseudo-terminal: the master as the simulated board, the slave opened as a serial port by
/// the host. Timeouts are real and short; no fake clock reaches the kernel.
/// </summary>
[SupportedOSPlatform("linux")]
public sealed class PseudoTerminalTests
{
    private static readonly TimeSpan Generous = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Short = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task AllByteValues_MasterToSlave_ArriveUnchanged()
    {
        await using var pty = PseudoTerminal.Open();
        await using var port = SerialPortTransport.Open(pty.SlavePath, 115200);
        var all = Enumerable.Range(0, 256).Select(i => (byte)i).ToArray();

        await pty.WriteAsync(all, Generous, TestTimeouts.Unexpected);
        var received = await port.ReadExactlyAsync(all.Length, Generous, TestTimeouts.Unexpected);

        Assert.Equal(all, received);
    }

    [Fact]
    public async Task AllByteValues_SlaveToMaster_ArriveUnchanged()
    {
        await using var pty = PseudoTerminal.Open();
        await using var port = SerialPortTransport.Open(pty.SlavePath, 115200);
        var all = Enumerable.Range(0, 256).Select(i => (byte)(255 - i)).ToArray();

        await port.WriteAsync(all, Generous, TestTimeouts.Unexpected);
        var received = await pty.ReadExactlyAsync(all.Length, Generous, TestTimeouts.Unexpected);

        Assert.Equal(all, received);
    }

    [Fact]
    public async Task RandomData256KiB_BothDirectionsAtOnce_RoundTrip()
    {
        await using var pty = PseudoTerminal.Open();
        await using var port = SerialPortTransport.Open(pty.SlavePath, 921600);
        var toSlave = new byte[256 * 1024];
        var toMaster = new byte[256 * 1024];
        new Random(1234).NextBytes(toSlave);
        new Random(5678).NextBytes(toMaster);
        var token = TestTimeouts.Unexpected;

        // Far more than a pty buffers (a few KiB), so both writers must wait for the readers.
        var writes = Task.WhenAll(
            pty.WriteAsync(toSlave, Generous, token).AsTask(),
            port.WriteAsync(toMaster, Generous, token).AsTask());
        var atSlave = port.ReadExactlyAsync(toSlave.Length, Generous, token);
        var atMaster = pty.ReadExactlyAsync(toMaster.Length, Generous, token);
        await writes;

        Assert.Equal(toSlave, await atSlave);
        Assert.Equal(toMaster, await atMaster);
    }

    [Fact]
    public async Task Read_NothingArrives_ThrowsDeviceTimeoutExceptionAfterTheTimeout()
    {
        await using var pty = PseudoTerminal.Open();
        await using var port = SerialPortTransport.Open(pty.SlavePath, 115200);
        var clock = Stopwatch.StartNew();

        var exception = await Assert.ThrowsAsync<DeviceTimeoutException>(
            () => port.ReadAsync(new byte[16], Short, TestTimeouts.Unexpected).AsTask());

        Assert.Equal(Short, exception.Timeout);
        Assert.InRange(clock.Elapsed, Short - TimeSpan.FromMilliseconds(5), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Write_PeerNeverReads_ThrowsDeviceTimeoutException()
    {
        await using var pty = PseudoTerminal.Open();
        await using var port = SerialPortTransport.Open(pty.SlavePath, 115200);

        // Nobody reads the master, so the pty's buffers fill and the write cannot finish.
        var exception = await Assert.ThrowsAsync<DeviceTimeoutException>(
            () => port.WriteAsync(new byte[1024 * 1024], Short, TestTimeouts.Unexpected).AsTask());

        Assert.Contains("Write", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_CallerCancels_ThrowsOperationCanceledNotTimeout()
    {
        await using var pty = PseudoTerminal.Open();
        await using var port = SerialPortTransport.Open(pty.SlavePath, 115200);
        using var cancellation = new CancellationTokenSource();

        var read = port.ReadAsync(new byte[16], TimeSpan.FromMinutes(1), cancellation.Token).AsTask();
        Assert.False(read.IsCompleted);
        await cancellation.CancelAsync();

        var exception = await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(TestTimeouts.Unexpected));
        Assert.Equal(cancellation.Token, exception.CancellationToken);
    }

    [Fact]
    public async Task Read_AfterCancelledRead_StillReceivesLaterBytes()
    {
        await using var pty = PseudoTerminal.Open();
        await using var port = SerialPortTransport.Open(pty.SlavePath, 115200);
        using (var cancellation = new CancellationTokenSource())
        {
            var cancelled = port.ReadAsync(new byte[16], TimeSpan.FromMinutes(1), cancellation.Token).AsTask();
            await cancellation.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled.WaitAsync(TestTimeouts.Unexpected));
        }

        var read = port.ReadExactlyAsync(3, Generous, TestTimeouts.Unexpected);
        await pty.WriteAsync(new byte[] { 0x5A, 0xA1, 0x00 }, Generous, TestTimeouts.Unexpected);

        Assert.Equal(new byte[] { 0x5A, 0xA1, 0x00 }, await read);
    }

    [Fact]
    public async Task MasterClosed_PendingSlaveRead_ThrowsDeviceDisconnectedException()
    {
        var pty = PseudoTerminal.Open();
        await using var port = SerialPortTransport.Open(pty.SlavePath, 115200);
        var read = port.ReadAsync(new byte[16], TimeSpan.FromSeconds(10), TestTimeouts.Unexpected).AsTask();
        Assert.False(read.IsCompleted);

        await pty.DisposeAsync();

        var exception = await Assert.ThrowsAsync<DeviceDisconnectedException>(() => read.WaitAsync(TestTimeouts.Unexpected));
        Assert.Equal(pty.SlavePath, exception.DeviceAddress);
        await Assert.ThrowsAsync<DeviceDisconnectedException>(
            () => port.WriteAsync(new byte[] { 1 }, Generous, TestTimeouts.Unexpected).AsTask());
    }

    [Fact]
    public async Task SlaveClosedAndReopened_MasterKeepsWorking()
    {
        await using var pty = PseudoTerminal.Open();
        var first = SerialPortTransport.Open(pty.SlavePath, 115200);
        await first.DisposeAsync();

        await using var port = SerialPortTransport.Open(pty.SlavePath, 115200);
        await port.WriteAsync(new byte[] { 0x5A, 0xA6 }, Generous, TestTimeouts.Unexpected);

        Assert.Equal(new byte[] { 0x5A, 0xA6 }, await pty.ReadExactlyAsync(2, Generous, TestTimeouts.Unexpected));
    }

    [Fact]
    public async Task DiscardInput_DropsWhatArrivedBefore()
    {
        await using var pty = PseudoTerminal.Open();
        await using var port = SerialPortTransport.Open(pty.SlavePath, 115200);
        await pty.WriteAsync(new byte[] { 1, 2, 3 }, Generous, TestTimeouts.Unexpected);
        Assert.Equal(new byte[] { 1 }, await port.ReadExactlyAsync(1, Generous, TestTimeouts.Unexpected)); // the bytes are there

        port.DiscardInput();
        await pty.WriteAsync(new byte[] { 9 }, Generous, TestTimeouts.Unexpected);

        Assert.Equal(new byte[] { 9 }, await port.ReadExactlyAsync(1, Generous, TestTimeouts.Unexpected));
    }

    [Fact]
    public void SerialPortOpen_MissingPort_ThrowsDeviceDisconnectedException()
    {
        var exception = Assert.Throws<DeviceDisconnectedException>(() => SerialPortTransport.Open("/dev/ttyStationMissing0", 115200));

        Assert.Equal("/dev/ttyStationMissing0", exception.DeviceAddress);
    }

    [Fact]
    public void SerialPortOpen_NotATerminal_ThrowsDeviceTransportException()
    {
        var exception = Assert.Throws<DeviceTransportException>(() => SerialPortTransport.Open("/dev/null", 115200));

        Assert.Contains("serial port", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void SerialPortOpen_NonStandardBaudRate_ThrowsArgumentOutOfRange()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => SerialPortTransport.Open("/dev/null", 123456));
    }
}
