using Microsoft.Extensions.Logging.Abstractions;
using Station.Protocols.MBoot;
using Station.Protocols.Tests.MBoot.Traces;
using Station.Protocols.Transport;
using Station.Testing;

namespace Station.Protocols.Tests.MBoot;

public sealed class MBootUartFramingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    public static TheoryData<string> SpecFrames => new()
    {
        // PROTOCOLS.md 2.2 worked examples, CRC-16/XMODEM over header (without CRC) + payload.
        "5A A4 0C 00 F9 A6 02 00 00 02 00 00 00 00 00 04 00 00",             // FlashEraseRegion(0, 1024)
        "5A A4 0C 00 BA 55 A0 00 00 02 00 00 00 00 02 00 00 00",             // GenericResponse(success, 0x02)
        "5A A4 0C 00 4B 33 07 00 00 02 01 00 00 00 00 00 00 00",             // GetProperty(1, 0)
        "5A A4 0C 00 64 18 A7 00 00 02 00 00 00 00 00 01 02 4B",             // GetPropertyResponse(0, 0x4B020100)
        "5A A4 10 00 64 60 04 01 00 03 00 10 00 70 00 10 00 00 00 00 00 00", // WriteMemory(0x70001000, 0x1000, 0)
    };

    [Theory]
    [MemberData(nameof(SpecFrames))]
    public void EncodeFrame_SpecExample_MatchesGoldenBytes(string frame)
    {
        var expected = Hex.Bytes(frame);
        var destination = new byte[64];

        var length = MBootUartFraming.EncodeFrame(MBootUartFraming.UartFrameType.Command, expected.AsSpan(6), destination);

        Assert.Equal(frame, Hex.Of(destination.AsSpan(0, length)));
    }

    [Fact]
    public void EncodeFrame_ZeroLengthData_IsTheHostAbortFrame()
    {
        var destination = new byte[6];

        var length = MBootUartFraming.EncodeFrame(MBootUartFraming.UartFrameType.Data, [], destination);

        var crc = UartFrames.Crc([0x5A, 0xA5, 0x00, 0x00]);
        Assert.Equal(Hex.Of([0x5A, 0xA5, 0x00, 0x00, (byte)crc, (byte)(crc >> 8)]), Hex.Of(destination.AsSpan(0, length)));
    }

    [Fact]
    public async Task Ping_SpecResponse_IsProtocolP120WithOptionsZero()
    {
        var (framing, device) = Create();
        var peer = new UartTranscript().Out(UartFrames.Ping).In(UartFrames.PingResponse).RunAsync(device);

        var response = await framing.PingAsync(Timeout, TestTimeouts.Unexpected);

        Assert.Equal("P1.2.0", response.ProtocolVersion.ToString());
        Assert.Equal(0, response.Options);
        Assert.Same(response, framing.PingResponse);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task Ping_JunkBeforeResponse_IsSkipped()
    {
        // PROTOCOLS.md 2.3: SPSDK tolerates up to 50 junk bytes before the ping response.
        var (framing, device) = Create();
        var peer = new UartTranscript().Out(UartFrames.Ping).In("00 00 FF 13 5A 00 " + UartFrames.PingResponse).RunAsync(device);

        var response = await framing.PingAsync(Timeout, TestTimeouts.Unexpected);

        Assert.Equal("P1.2.0", response.ProtocolVersion.ToString());
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task Ping_TooMuchJunk_ThrowsProtocolViolation()
    {
        var (framing, device) = Create();
        var peer = new UartTranscript().Out(UartFrames.Ping).In(string.Concat(Enumerable.Repeat("13 ", 60)) + UartFrames.PingResponse).RunAsync(device);

        var exception = await Assert.ThrowsAsync<ProtocolViolationException>(() => framing.PingAsync(Timeout, TestTimeouts.Unexpected).AsTask());

        Assert.Contains("No ping response within 50 bytes", exception.Problem, StringComparison.Ordinal);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task Ping_BadCrc_ThrowsProtocolViolationWithTheResponse()
    {
        var (framing, device) = Create();
        var peer = new UartTranscript().Out(UartFrames.Ping).In("5A A7 00 00 01 50 00 00 AA EA").RunAsync(device);

        var exception = await Assert.ThrowsAsync<ProtocolViolationException>(() => framing.PingAsync(Timeout, TestTimeouts.Unexpected).AsTask());

        Assert.Equal(Hex.Bytes("5A A7 00 00 01 50 00 00 AA EA"), exception.RawBytes);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task ReadResponse_UnknownStartByte_ThrowsProtocolViolation()
    {
        var (framing, device) = Create();
        await device.WriteAsync(Hex.Bytes("A5 A4"), Timeout, TestTimeouts.Unexpected);

        var exception = await Assert.ThrowsAsync<ProtocolViolationException>(
            () => framing.ReadResponseAsync(Timeout, TestTimeouts.Unexpected).AsTask());

        Assert.Equal(Hex.Bytes("A5"), exception.RawBytes);
    }

    [Fact]
    public async Task ReadResponse_LeadingZeros_AreSkippedAndFrameAcknowledged()
    {
        var (framing, device) = Create();
        var peer = new UartTranscript()
            .In("00 00 00 " + UartFrames.Command("A0 00 00 02 00 00 00 00 02 00 00 00"))
            .Out(UartFrames.Ack)
            .RunAsync(device);

        var packet = await framing.ReadResponseAsync(Timeout, TestTimeouts.Unexpected);

        Assert.Equal("A0 00 00 02 00 00 00 00 02 00 00 00", Hex.Of(packet.Span));
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    private static (MBootUartFraming Framing, InMemoryByteTransport Device) Create()
    {
        var (host, device) = InMemoryByteTransport.CreatePair("test:uart");
        return (new MBootUartFraming(host, NullLogger<MBootUartFraming>.Instance), device);
    }
}
