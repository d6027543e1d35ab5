using System.Threading.Channels;

namespace Station.Protocols.Transport;

/// <summary>
/// One end of an in-memory HID link. <see cref="CreatePair"/> gives the host end and the device
/// end; what one writes, the other reads, report by report. A write waits while the peer has
/// <see cref="QueueDepth"/> reports unread, as a USB interrupt endpoint holds the host back until
/// the device takes the report. Disposing either end disconnects both.
/// </summary>
public sealed class InMemoryReportTransport : IReportTransport
{
    /// <summary>Reports one side may have in flight before its writes wait.</summary>
    public const int QueueDepth = 2;

    private readonly Channel<byte[]> _incoming;
    private readonly Channel<byte[]> _outgoing;
    private readonly TimeProvider _timeProvider;

    private InMemoryReportTransport(
        string deviceAddress, int maxInput, int maxOutput, Channel<byte[]> incoming, Channel<byte[]> outgoing, TimeProvider timeProvider)
    {
        DeviceAddress = deviceAddress;
        MaxInputReportLength = maxInput;
        MaxOutputReportLength = maxOutput;
        _incoming = incoming;
        _outgoing = outgoing;
        _timeProvider = timeProvider;
    }

    /// <inheritdoc />
    public string DeviceAddress { get; }

    /// <inheritdoc />
    public int MaxInputReportLength { get; }

    /// <inheritdoc />
    public int MaxOutputReportLength { get; }

    /// <summary>
    /// Creates a connected pair. Report lengths are from the host's point of view (the device end
    /// gets them swapped) and include the report ID byte.
    /// </summary>
    public static (InMemoryReportTransport Host, InMemoryReportTransport Device) CreatePair(
        string deviceAddress, int maxInputReportLength, int maxOutputReportLength, TimeProvider? timeProvider = null)
    {
        var options = new BoundedChannelOptions(QueueDepth) { SingleReader = true, SingleWriter = true, FullMode = BoundedChannelFullMode.Wait };
        var toHost = Channel.CreateBounded<byte[]>(options);
        var toDevice = Channel.CreateBounded<byte[]>(options);
        var time = timeProvider ?? TimeProvider.System;
        var host = new InMemoryReportTransport(deviceAddress, maxInputReportLength, maxOutputReportLength, toHost, toDevice, time);
        var device = new InMemoryReportTransport(deviceAddress, maxOutputReportLength, maxInputReportLength, toDevice, toHost, time);
        return (host, device);
    }

    /// <inheritdoc />
    public async ValueTask WriteReportAsync(ReadOnlyMemory<byte> report, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (report.Length == 0 || report.Length > MaxOutputReportLength)
        {
            throw new ArgumentException($"A report is 1 to {MaxOutputReportLength} bytes long (report ID included); got {report.Length}.", nameof(report));
        }

        var copy = report.ToArray();
        if (_outgoing.Writer.TryWrite(copy))
        {
            return;
        }

        await TransportTimeout.RunAsync(
            static async (state, token) =>
            {
                try
                {
                    await state.Self._outgoing.Writer.WriteAsync(state.Copy, token);
                }
                catch (ChannelClosedException exception)
                {
                    throw new DeviceDisconnectedException(state.Self.DeviceAddress, exception);
                }

                return true;
            },
            (Self: this, Copy: copy),
            timeout,
            _timeProvider,
            DeviceAddress,
            "Write",
            cancellationToken);
    }

    /// <inheritdoc />
    public async ValueTask<int> ReadReportAsync(Memory<byte> buffer, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!_incoming.Reader.TryRead(out var report))
        {
            report = await TransportTimeout.RunAsync(
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
        }

        // Like hidraw, a report longer than the caller's buffer is cut to fit.
        var length = Math.Min(report.Length, buffer.Length);
        report.AsSpan(0, length).CopyTo(buffer.Span);
        return length;
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _outgoing.Writer.TryComplete();
        _incoming.Writer.TryComplete();
        return ValueTask.CompletedTask;
    }
}
