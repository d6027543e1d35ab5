using Microsoft.Extensions.Logging.Abstractions;
using Station.Protocols.MBoot;
using Station.Protocols.Tests.MBoot.Traces;
using Station.Protocols.Transport;
using Station.Testing;

namespace Station.Protocols.Tests.MBoot;

public sealed class MBootHidFramingTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task WriteCommand_GetProperty_WritesHeaderAndPacketWithoutPadding()
    {
        var (framing, device) = Create();

        await framing.WriteCommandAsync(Hex.Bytes("07 00 00 02 01 00 00 00 00 00 00 00"), Timeout, TestTimeouts.Unexpected);

        // PROTOCOLS.md 1.1: report 1, pad 0, length 12 LE, packet; 4 + len bytes only.
        Assert.Equal("01 00 0C 00 07 00 00 02 01 00 00 00 00 00 00 00", await ReadOutAsync(device));
    }

    [Fact]
    public async Task ReadResponse_FullSizeReport_ReturnsOnlyTheLengthFieldsBytes()
    {
        var (framing, device) = Create();
        await SendInAsync(device, Padded("03 00 0C 00 A7 00 00 02 00 00 00 00 00 01 02 4B FF FF FF"));

        var packet = await framing.ReadResponseAsync(Timeout, TestTimeouts.Unexpected);

        Assert.Equal("A7 00 00 02 00 00 00 00 00 01 02 4B", Hex.Of(packet.Span));
    }

    [Fact]
    [Trait("Issue", "PROTOCOLS.md 9.1: unpack_from requires a buffer of at least 4 bytes (SPSDK bulk_protocol.py _parse_frame)")]
    public async Task ReadResponse_TwoByteReport0300_ThrowsProtocolViolationWithRawBytes()
    {
        var (framing, device) = Create();
        await SendInAsync(device, Hex.Bytes("03 00"));

        var exception = await Assert.ThrowsAsync<ProtocolViolationException>(
            () => framing.ReadResponseAsync(Timeout, TestTimeouts.Unexpected).AsTask());

        Assert.Equal(Hex.Bytes("03 00"), exception.RawBytes);
        Assert.Contains("shorter than the 4-byte", exception.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("05 00 0C 00 A0 00 00 02 00 00 00 00 04 00 00 00", "unknown report ID 5")]
    [InlineData("03 00 0C 00 A0 00 00 02 00 00", "declares 12 payload bytes but carries 6")]
    [InlineData("03 00 FF 03 A0 00 00 02", "declares 1023 payload bytes")]
    [InlineData("04 00 0C 00 A0 00 00 02 00 00 00 00 04 00 00 00", "Expected a response on report 3, got report 4")]
    public async Task ReadResponse_MalformedReport_ThrowsProtocolViolationWithRawBytes(string report, string problemPart)
    {
        var (framing, device) = Create();
        var raw = Hex.Bytes(report);
        await SendInAsync(device, raw);

        var exception = await Assert.ThrowsAsync<ProtocolViolationException>(
            () => framing.ReadResponseAsync(Timeout, TestTimeouts.Unexpected).AsTask());

        Assert.Equal(raw, exception.RawBytes);
        Assert.Contains(problemPart, exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadResponse_AbortMarkerThenResponse_ReturnsTheResponse()
    {
        var (framing, device) = Create();
        await SendInAsync(device, Padded("03 00 00 00"));
        await SendInAsync(device, Padded("03 00 0C 00 A0 00 00 02 DB 27 00 00 04 00 00 00"));

        var packet = await framing.ReadResponseAsync(Timeout, TestTimeouts.Unexpected);

        Assert.Equal("A0 00 00 02 DB 27 00 00 04 00 00 00", Hex.Of(packet.Span));
    }

    [Fact]
    public async Task ReadData_ZeroLengthDataIn_ReturnsZeroForAbort()
    {
        var (framing, device) = Create();
        await SendInAsync(device, Padded("04 00 00 00"));

        var count = await framing.ReadDataAsync(new byte[64], Timeout, TestTimeouts.Unexpected);

        Assert.Equal(0, count);
    }

    [Fact]
    public async Task ReadData_MoreBytesThanRemain_ThrowsProtocolViolation()
    {
        var (framing, device) = Create();
        await SendInAsync(device, Padded("04 00 08 00 01 02 03 04 05 06 07 08"));

        var exception = await Assert.ThrowsAsync<ProtocolViolationException>(
            () => framing.ReadDataAsync(new byte[4], Timeout, TestTimeouts.Unexpected).AsTask());

        Assert.Contains("8 data bytes where 4 remained", exception.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadData_ResponseReportInsteadOfData_ThrowsProtocolViolation()
    {
        var (framing, device) = Create();
        await SendInAsync(device, Padded("03 00 0C 00 A0 00 00 02 00 00 00 00 03 00 00 00"));

        await Assert.ThrowsAsync<ProtocolViolationException>(
            () => framing.ReadDataAsync(new byte[64], Timeout, TestTimeouts.Unexpected).AsTask());
    }

    [Fact]
    public async Task AbortDataPhase_WritesZeroLengthDataOutReport()
    {
        var (framing, device) = Create();

        await framing.AbortDataPhaseAsync(Timeout, TestTimeouts.Unexpected);

        Assert.Equal("02 00 00 00", await ReadOutAsync(device));
    }

    [Fact]
    public void MaxDataPacketLength_Rt10xxReports_Is1012()
    {
        var (framing, _) = Create();

        Assert.Equal(1012, framing.MaxDataPacketLength);
    }

    private static (MBootHidFraming Framing, InMemoryReportTransport Device) Create()
    {
        var (host, device) = InMemoryReportTransport.CreatePair("test:hid", HidTranscript.ReportLength, HidTranscript.ReportLength);
        return (new MBootHidFraming(host, NullLogger<MBootHidFraming>.Instance), device);
    }

    private static byte[] Padded(string hex)
    {
        var report = new byte[HidTranscript.ReportLength];
        Hex.Bytes(hex).CopyTo(report, 0);
        return report;
    }

    private static ValueTask SendInAsync(InMemoryReportTransport device, byte[] report) =>
        device.WriteReportAsync(report, Timeout, TestTimeouts.Unexpected);

    private static async Task<string> ReadOutAsync(InMemoryReportTransport device)
    {
        var buffer = new byte[HidTranscript.ReportLength];
        var length = await device.ReadReportAsync(buffer, Timeout, TestTimeouts.Unexpected);
        return Hex.Of(buffer.AsSpan(0, length));
    }
}
