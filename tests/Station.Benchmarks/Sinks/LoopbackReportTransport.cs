using Station.Protocols.Transport;

namespace Station.Benchmarks.Sinks;

/// <summary>
/// A report transport whose far end is a <see cref="HidSinkDevice"/> run in-line: a write is
/// answered inside the call, a read takes the queued answer. No second thread, no channel, no
/// copy of a pair: a run through it costs the MBoot client, its framing, and the sink's few
/// lines. The framing's parked read (kept open during a data phase) completes when the sink
/// answers the last data report.
/// </summary>
internal sealed class LoopbackReportTransport(HidSinkDevice device) : IReportTransport
{
    private readonly Queue<byte[]> _answers = new();
    private TaskCompletionSource<int>? _pending;
    private Memory<byte> _pendingBuffer;
    private CancellationTokenRegistration _pendingCancellation;

    public string DeviceAddress => "loopback-hid";

    public int MaxInputReportLength => HidSinkDevice.ReportLength;

    public int MaxOutputReportLength => HidSinkDevice.ReportLength;

    public ValueTask WriteReportAsync(ReadOnlyMemory<byte> report, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (device.OnReport(report.Span) is { } answer)
        {
            Deliver(answer);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<int> ReadReportAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_answers.TryDequeue(out var answer))
        {
            return ValueTask.FromResult(CopyTo(answer, buffer));
        }

        _pending = new TaskCompletionSource<int>();
        _pendingBuffer = buffer;
        _pendingCancellation = cancellationToken.Register(static state => ((TaskCompletionSource<int>)state!).TrySetCanceled(), _pending);
        return new ValueTask<int>(_pending.Task);
    }

    public ValueTask DisposeAsync()
    {
        _pending?.TrySetException(new DeviceDisconnectedException(DeviceAddress));
        return ValueTask.CompletedTask;
    }

    private void Deliver(byte[] answer)
    {
        if (_pending is { } pending)
        {
            _pending = null;
            _pendingCancellation.Dispose();
            pending.TrySetResult(CopyTo(answer, _pendingBuffer));
            return;
        }

        _answers.Enqueue(answer);
    }

    private static int CopyTo(byte[] report, Memory<byte> buffer)
    {
        var length = Math.Min(report.Length, buffer.Length);
        report.AsSpan(0, length).CopyTo(buffer.Span);
        return length;
    }
}
