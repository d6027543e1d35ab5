using Microsoft.Extensions.Logging;
using Station.Protocols.MBoot;
using Station.Protocols.Tests.MBoot.Traces;
using Station.Protocols.Transport;
using Station.Testing;

namespace Station.Protocols.Tests.MBoot;

/// <summary>The client over the UART framing, replayed from golden traces (PROTOCOLS.md 2).</summary>
public sealed class MBootClientUartTraceTests
{
    // PROTOCOLS.md 2.2 worked examples.
    private const string GetCurrentVersionFrame = "5A A4 0C 00 4B 33 07 00 00 02 01 00 00 00 00 00 00 00";
    private const string CurrentVersionFrame = "5A A4 0C 00 64 18 A7 00 00 02 00 00 00 00 00 01 02 4B";
    private const string WriteMemoryFrame = "5A A4 10 00 64 60 04 01 00 03 00 10 00 70 00 10 00 00 00 00 00 00";

    [Fact]
    public async Task GetCurrentVersion_FirstCommand_PingsThenUsesSpecFrames()
    {
        var (client, device) = TestClients.Uart();
        var peer = new UartTranscript()
            .Out(UartFrames.Ping).In(UartFrames.PingResponse)
            .Out(GetCurrentVersionFrame)
            // Deferred ACK (2.4): the command's ACK comes just before the response.
            .In(UartFrames.Ack + " " + CurrentVersionFrame)
            .Out(UartFrames.Ack)
            .RunAsync(device);

        var version = await client.GetCurrentVersionAsync(TestTimeouts.Unexpected);

        Assert.Equal("K2.1.0", version?.ToString());
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task WriteMemory_DeferredAcks_Sends512BytePacketsAndReadsFinalResponse()
    {
        var data = TestClients.Pattern(0x1000);
        var (client, device) = TestClients.Uart();
        var transcript = new UartTranscript()
            .Out(UartFrames.Ping).In(UartFrames.PingResponse)
            // max-packet-size over UART: 512 (PROTOCOLS.md 1.2).
            .Out(UartFrames.Command("07 00 00 02 0B 00 00 00 00 00 00 00"))
            .In(UartFrames.Ack + " " + UartFrames.Command("A7 00 00 02 00 00 00 00 00 02 00 00"))
            .Out(UartFrames.Ack)
            .Out(WriteMemoryFrame)
            .In(UartFrames.Ack + " " + UartFrames.Command("A0 00 00 02 00 00 00 00 04 00 00 00"))
            .Out(UartFrames.Ack);
        for (var offset = 0; offset < data.Length; offset += 512)
        {
            transcript.Out(UartFrames.Data(data[offset..(offset + 512)]));
            // The last packet's ACK is deferred until the flash work is done, then the final response follows.
            transcript.In(offset + 512 < data.Length
                ? UartFrames.Ack
                : UartFrames.Ack + " " + UartFrames.Command("A0 00 00 02 00 00 00 00 04 00 00 00"));
        }

        var peer = transcript.Out(UartFrames.Ack).RunAsync(device);
        var progress = new RecordingProgress();

        await client.WriteMemoryAsync(0x70001000, data, MBootMemoryId.Internal, progress, TestTimeouts.Unexpected);

        Assert.Equal(Enumerable.Range(1, 8).Select(i => 512L * i), progress.Values);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task WriteMemory_DeviceAnswersAckAbort_ThrowsCommandExceptionWithDeviceStatus()
    {
        var data = TestClients.Pattern(0x1000);
        var (client, device) = TestClients.Uart(new MBootClientOptions { MaxPacketSize = 512 });
        var peer = new UartTranscript()
            .Out(UartFrames.Ping).In(UartFrames.PingResponse)
            .Out(WriteMemoryFrame)
            .In(UartFrames.Ack + " " + UartFrames.Command("A0 00 00 02 00 00 00 00 04 00 00 00"))
            .Out(UartFrames.Ack)
            .Out(UartFrames.Data(data[..512]))
            // PROTOCOLS.md 2.4: ACK-abort instead of ACK, then GenericResponse(10203, 0x04).
            .In(UartFrames.AckAbort + " " + UartFrames.Command("A0 00 00 02 DB 27 00 00 04 00 00 00"))
            .Out(UartFrames.Ack)
            .RunAsync(device);

        var exception = await Assert.ThrowsAsync<MBootCommandException>(
            () => client.WriteMemoryAsync(0x70001000, data, MBootMemoryId.Internal, TestTimeouts.Unexpected));

        Assert.Equal(MBootStatusCode.MemoryCumulativeWrite, exception.Status);
        Assert.False(client.IsBroken);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task Command_DeviceNaksOnce_HostRetransmitsTheSameFrame()
    {
        var (client, device) = TestClients.Uart();
        var peer = new UartTranscript()
            .Out(UartFrames.Ping).In(UartFrames.PingResponse)
            .Out(GetCurrentVersionFrame).In(UartFrames.Nak)
            .Out(GetCurrentVersionFrame).In(UartFrames.Ack + " " + CurrentVersionFrame)
            .Out(UartFrames.Ack)
            .RunAsync(device);

        var version = await client.GetCurrentVersionAsync(TestTimeouts.Unexpected);

        Assert.Equal("K2.1.0", version?.ToString());
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task Command_DeviceNaksEveryTransmission_ThrowsProtocolViolationAfterBoundedRetries()
    {
        var (client, device) = TestClients.Uart();
        var transcript = new UartTranscript().Out(UartFrames.Ping).In(UartFrames.PingResponse);
        for (var i = 0; i <= MBootUartFraming.DefaultMaxRetransmissions; i++)
        {
            transcript.Out(GetCurrentVersionFrame).In(UartFrames.Nak);
        }

        var peer = transcript.RunAsync(device);

        var exception = await Assert.ThrowsAsync<ProtocolViolationException>(() => client.GetCurrentVersionAsync(TestTimeouts.Unexpected));

        Assert.Equal(Hex.Bytes(GetCurrentVersionFrame), exception.RawBytes);
        Assert.Contains("NAK to 4 transmissions", exception.Problem, StringComparison.Ordinal);
        Assert.True(client.IsBroken);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task Response_BadCrc_HostNaksAndAcceptsTheRetransmission()
    {
        var corrupted = Hex.Bytes(CurrentVersionFrame);
        corrupted[^1] ^= 0xFF;
        var (client, device) = TestClients.Uart();
        var peer = new UartTranscript()
            .Out(UartFrames.Ping).In(UartFrames.PingResponse)
            .Out(GetCurrentVersionFrame)
            .In(UartFrames.Ack + " " + Hex.Of(corrupted))
            .Out(UartFrames.Nak)
            .In(CurrentVersionFrame)
            .Out(UartFrames.Ack)
            .RunAsync(device);

        var version = await client.GetCurrentVersionAsync(TestTimeouts.Unexpected);

        Assert.Equal("K2.1.0", version?.ToString());
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task ReadMemory_ZeroLengthDataFrame_IsDeviceAbortWithStatus()
    {
        var data = TestClients.Pattern(1024);
        var (client, device) = TestClients.Uart();
        var peer = new UartTranscript()
            .Out(UartFrames.Ping).In(UartFrames.PingResponse)
            .Out(UartFrames.Command("03 00 00 03 00 00 00 70 00 04 00 00 09 00 00 00"))
            .In(UartFrames.Ack + " " + UartFrames.Command("A3 01 00 02 00 00 00 00 00 04 00 00"))
            .Out(UartFrames.Ack)
            .In(UartFrames.Data(data[..512]))
            .Out(UartFrames.Ack)
            // PROTOCOLS.md 2.4: a zero-length data frame aborts, then GenericResponse(10201, 0x03).
            .In(UartFrames.Data([]))
            .Out(UartFrames.Ack)
            .In(UartFrames.Command("A0 00 00 02 D9 27 00 00 03 00 00 00"))
            .Out(UartFrames.Ack)
            .RunAsync(device);

        var exception = await Assert.ThrowsAsync<MBootCommandException>(
            () => client.ReadMemoryAsync(0x70000000, 1024, MBootMemoryId.FlexSpiNor, TestTimeouts.Unexpected));

        Assert.Equal(MBootStatusCode.MemoryReadFailed, exception.Status);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task ReadMemory_TwoDataFrames_AreAcknowledgedAndReassembled()
    {
        var data = TestClients.Pattern(1000);
        var (client, device) = TestClients.Uart();
        var peer = new UartTranscript()
            .Out(UartFrames.Ping).In(UartFrames.PingResponse)
            .Out(UartFrames.Command("03 00 00 03 00 00 00 20 E8 03 00 00 00 00 00 00"))
            .In(UartFrames.Ack + " " + UartFrames.Command("A3 01 00 02 00 00 00 00 E8 03 00 00"))
            .Out(UartFrames.Ack)
            .In(UartFrames.Data(data[..512])).Out(UartFrames.Ack)
            .In(UartFrames.Data(data[512..])).Out(UartFrames.Ack)
            .In(UartFrames.Command("A0 00 00 02 00 00 00 00 03 00 00 00")).Out(UartFrames.Ack)
            .RunAsync(device);

        var read = await client.ReadMemoryAsync(0x20000000, 1000, MBootMemoryId.Internal, TestTimeouts.Unexpected);

        Assert.Equal(data, read);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task Ping_DeviceSilent_ThrowsDeviceTimeoutOnFakeTime()
    {
        var time = new TimerWatchingTimeProvider();
        var (client, device) = TestClients.Uart(time: time);
        var peer = new UartTranscript().Out(UartFrames.Ping).RunAsync(device);

        var call = client.GetCurrentVersionAsync(TestTimeouts.Unexpected);
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(5));
        time.Advance(TimeSpan.FromSeconds(5));

        var exception = await Assert.ThrowsAsync<DeviceTimeoutException>(() => call);
        Assert.Equal(TimeSpan.FromSeconds(5), exception.Timeout);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task Command_AnsweredWithAckAbort_ThrowsProtocolViolation()
    {
        var (client, device) = TestClients.Uart();
        var peer = new UartTranscript()
            .Out(UartFrames.Ping).In(UartFrames.PingResponse)
            .Out(GetCurrentVersionFrame).In(UartFrames.AckAbort)
            .RunAsync(device);

        var exception = await Assert.ThrowsAsync<ProtocolViolationException>(() => client.GetCurrentVersionAsync(TestTimeouts.Unexpected));

        Assert.Contains("ACK-abort", exception.Problem, StringComparison.Ordinal);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task GetCurrentVersion_TraceLevel_LogsEveryFrameInHex()
    {
        var logger = new CapturingLogger<MBootUartFraming>();
        var (client, device) = TestClients.Uart(framingLogger: logger);
        var peer = new UartTranscript()
            .Out(UartFrames.Ping).In(UartFrames.PingResponse)
            .Out(GetCurrentVersionFrame).In(UartFrames.Ack + " " + CurrentVersionFrame)
            .Out(UartFrames.Ack)
            .RunAsync(device);

        await client.GetCurrentVersionAsync(TestTimeouts.Unexpected);

        Assert.Equal(
            [
                "OUT[2]: 5A A6",
                "IN[10]: " + UartFrames.PingResponse,
                "OUT[18]: " + GetCurrentVersionFrame,
                "IN[2]: 5A A1",
                "IN[18]: " + CurrentVersionFrame,
                "OUT[2]: 5A A1",
            ],
            logger.Entries.Where(entry => entry.Level == LogLevel.Trace).Select(entry => entry.Message));
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }
}
