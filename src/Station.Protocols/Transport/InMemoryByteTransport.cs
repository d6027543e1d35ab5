using System.Threading.Channels;

namespace Station.Protocols.Transport;

/// <summary>
/// One end of an in-memory byte link (a UART without the wire). <see cref="CreatePair"/> gives
/// two connected ends; bytes written on one are read on the other in order. Disposing either end
/// disconnects both. The real-terminal path is covered by the pseudo-terminal transport.
/// </summary>
public sealed class InMemoryByteTransport : IByteTransport
{
    private readonly Channel<byte[]> _incoming;
    private readonly Channel<byte[]> _outgoing;
    private readonly TimeProvider _timeProvider;
    private readonly Lock _pendingLock = new();
    private byte[] _pending = [];
    private int _pendingOffset;

    private InMemoryByteTransport(string deviceAddress, Channel<byte[]> incoming, Channel<byte[]> outgoing, TimeProvider timeProvider)
    {
        DeviceAddress = deviceAddress;
        _incoming = incoming;
        _outgoing = outgoing;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public string DeviceAddress { get; }

    /// <summary>Creates a connected pair: the host end and the device end.</summary>
    public static (InMemoryByteTransport Host, InMemoryByteTransport Device) CreatePair(string deviceAddress, TimeProvider? timeProvider = null)
    {
        var options = new UnboundedChannelOptions { SingleReader = true, SingleWriter = false };
        var toHost = Channel.CreateUnbounded<byte[]>(options);
        var toDevice = Channel.CreateUnbounded<byte[]>(options);
        var time = timeProvider ?? TimeProvider.System;
        return (new InMemoryByteTransport(deviceAddress, toHost, toDevice, time), new InMemoryByteTransport(deviceAddress, toDevice, toHost, time));
    }

    /// <inheritdoc />
    public ValueTask WriteAsync(ReadOnlyMemory<byte> data, TimeSpan timeout, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (data.Length > 0 && !_outgoing.Writer.TryWrite(data.ToArray()))
        {
            throw new DeviceDisconnectedException(DeviceAddress);
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public async ValueTask<int> ReadAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (buffer.Length == 0)
        {
            return 0;
        }

        lock (_pendingLock)
        {
            if (_pendingOffset == _pending.Length && _incoming.Reader.TryRead(out var next))
            {
                (_pending, _pendingOffset) = (next, 0);
            }

            if (_pendingOffset < _pending.Length)
            {
                return TakePending(buffer.Span);
            }
        }

        var chunk = await TransportTimeout.RunAsync(
            static async (self, token) =>
            {
                try
                {
                    return await self._incoming.Reader.ReadAsync(token);
                }
                catch (ChannelClosedException exception)
                {
                    throw new DeviceDisconnectedException(self.DeviceAddress, exception);
                }
            },
            this,
            timeout,
            _timeProvider,
            DeviceAddress,
            "Read",
            cancellationToken);

        lock (_pendingLock)
        {
            (_pending, _pendingOffset) = (chunk, 0);
            return TakePending(buffer.Span);
        }
    }

    /// <inheritdoc />
    public void DiscardInput()
    {
        lock (_pendingLock)
        {
            (_pending, _pendingOffset) = ([], 0);
            while (_incoming.Reader.TryRead(out _))
            {
            }
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _outgoing.Writer.TryComplete();
        _incoming.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }

    private int TakePending(Span<byte> destination)
    {
        var count = Math.Min(destination.Length, _pending.Length - _pendingOffset);
        _pending.AsSpan(_pendingOffset, count).CopyTo(destination);
        _pendingOffset += count;
        return count;
    }
}
