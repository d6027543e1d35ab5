using System.Buffers;
using Station.Protocols;
using Station.Protocols.Transport;

namespace Station.Benchmarks.Sinks;

/// <summary>The sinks served as a device on the far end of a real link (in-memory pair or pseudo-terminal).</summary>
internal static class SinkLoops
{
    public static async Task ServeHidAsync(IReportTransport deviceEnd, CancellationToken cancellationToken)
    {
        var device = new HidSinkDevice();
        var buffer = new byte[HidSinkDevice.ReportLength];
        try
        {
            while (true)
            {
                var length = await deviceEnd.ReadReportAsync(buffer, Timeout.InfiniteTimeSpan, cancellationToken);
                if (device.OnReport(buffer.AsSpan(0, length)) is { } answer)
                {
                    await deviceEnd.WriteReportAsync(answer, Timeout.InfiniteTimeSpan, cancellationToken);
                }
            }
        }
        catch (Exception exception) when (exception is DeviceException or OperationCanceledException)
        {
            // The host closed the link or the benchmark ended.
        }
    }

    public static async Task ServeUartAsync(IByteTransport deviceEnd, CancellationToken cancellationToken)
    {
        var device = new UartSinkDevice();
        var buffer = new byte[4096];
        var answers = new ArrayBufferWriter<byte>(4096);
        try
        {
            while (true)
            {
                var count = await deviceEnd.ReadAsync(buffer, Timeout.InfiniteTimeSpan, cancellationToken);
                answers.ResetWrittenCount();
                device.OnBytes(buffer.AsSpan(0, count), answers);
                if (answers.WrittenCount > 0)
                {
                    await deviceEnd.WriteAsync(answers.WrittenMemory, Timeout.InfiniteTimeSpan, cancellationToken);
                }
            }
        }
        catch (Exception exception) when (exception is DeviceException or OperationCanceledException)
        {
            // The host closed the link or the benchmark ended.
        }
    }
}
