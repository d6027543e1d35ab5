using System.Buffers;
using Station.Protocols.Transport;

namespace Station.Benchmarks.Sinks;

/// <summary>
/// A byte transport whose far end is a <see cref="UartSinkDevice"/> run in-line: what the host
/// writes is parsed and answered inside the call; reads take the answer bytes. No second thread,
/// no channel: a run through it costs the MBoot client, its UART framing, and the sink's few lines.
/// </summary>
internal sealed class LoopbackByteTransport(UartSinkDevice device) : IByteTransport
{
    private readonly ArrayBufferWriter<byte> _answers = new(4096);
    private int _readOffset;

    public string DeviceAddress => "loopback-uart";

    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_readOffset == _answers.WrittenCount)
        {
            _answers.ResetWrittenCount();
            _readOffset = 0;
        }

        device.OnBytes(data.Span, _answers);
        return ValueTask.CompletedTask;
    }

    public ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var available = _answers.WrittenSpan[_readOffset..];
        if (available.IsEmpty)
        {
            // The sink answers every frame at once; silence would be a hang, so fail like a dead line.
            throw new DeviceTimeoutException(DeviceAddress, timeout);
        }

        var count = Math.Min(available.Length, buffer.Length);
        available[..count].CopyTo(buffer.Span);
        _readOffset += count;
        return ValueTask.FromResult(count);
    }

    public void DiscardInput()
    {
        _answers.ResetWrittenCount();
        _readOffset = 0;
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
