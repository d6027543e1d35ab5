using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Station.Protocols.MBoot;
using Station.Protocols.Transport;

namespace Station.Protocols.Tests.MBoot.Traces;

/// <summary>Clients wired to the host end of an in-memory pair, the device end left for a transcript.</summary>
internal static class TestClients
{
    public const string DeviceAddress = "sim:1-4.2";

    public static (MBootClient Client, InMemoryReportTransport Device) Hid(
        MBootClientOptions? options = null, TimeProvider? time = null, ILogger<MBootHidFraming>? framingLogger = null)
    {
        var (host, device) = InMemoryReportTransport.CreatePair(DeviceAddress, HidTranscript.ReportLength, HidTranscript.ReportLength, time);
        var framing = new MBootHidFraming(host, framingLogger ?? NullLogger<MBootHidFraming>.Instance, time);
        return (new MBootClient(framing, options ?? new MBootClientOptions(), NullLogger<MBootClient>.Instance), device);
    }

    public static (MBootClient Client, InMemoryByteTransport Device) Uart(
        MBootClientOptions? options = null, TimeProvider? time = null, ILogger<MBootUartFraming>? framingLogger = null)
    {
        var (host, device) = InMemoryByteTransport.CreatePair(DeviceAddress, time);
        var framing = new MBootUartFraming(host, framingLogger ?? NullLogger<MBootUartFraming>.Instance);
        return (new MBootClient(framing, options ?? new MBootClientOptions(), NullLogger<MBootClient>.Instance), device);
    }

    /// <summary>Deterministic test data.</summary>
    public static byte[] Pattern(int length) => [.. Enumerable.Range(0, length).Select(i => (byte)((i * 7) + 3))];

    /// <summary>An MBoot HID report: ID, pad, LE length, payload (PROTOCOLS.md 1.1).</summary>
    public static byte[] Report(byte reportId, ReadOnlySpan<byte> payload) =>
        [reportId, 0, (byte)payload.Length, (byte)(payload.Length >> 8), .. payload];
}
