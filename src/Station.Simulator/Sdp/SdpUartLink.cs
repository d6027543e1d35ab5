using System.Buffers.Binary;
using Station.Protocols.Transport;
using Station.Simulator.Timing;

namespace Station.Simulator.Sdp;

/// <summary>
/// SDP over UART, ROM side (PROTOCOLS 7.3; SPSDK sdp/protocol/serial_protocol.py): the same 16
/// command bytes, raw 4-byte HAB and status replies, data sent raw (not rounded).
/// </summary>
internal sealed class SdpUartLink : ISdpLink
{
    private readonly IByteTransport _transport;
    private readonly DevicePacer _pacer;
    private readonly SimulatorTiming _timing;
    private readonly byte[] _receive = new byte[4096];
    private int _start;
    private int _end;

    public SdpUartLink(IByteTransport transport, DevicePacer pacer, SimulatorTiming timing)
    {
        _transport = transport;
        _pacer = pacer;
        _timing = timing;
    }

    public bool IsSerial => true;

    public async ValueTask<byte[]> ReadCommandAsync(CancellationToken cancellationToken)
    {
        var command = new byte[SdpCommand.Length];
        await ReadExactAsync(command, cancellationToken);
        return command;
    }

    public async ValueTask<(byte[] Stored, int Consumed)?> ReadDataAsync(long remaining, CancellationToken cancellationToken)
    {
        if (_start == _end)
        {
            await FillAsync(cancellationToken);
        }

        var count = (int)Math.Min(remaining, _end - _start);
        var data = _receive.AsSpan(_start, count).ToArray();
        _start += count;
        return (data, count);
    }

    public ValueTask WriteHabAsync(uint hab, bool truncated, CancellationToken cancellationToken)
    {
        var bytes = new byte[sizeof(uint)];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, hab);
        return WriteAsync(truncated ? bytes[..2] : bytes, cancellationToken);
    }

    public ValueTask WriteStatusAsync(uint status, CancellationToken cancellationToken)
    {
        var bytes = new byte[sizeof(uint)];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, status);
        return WriteAsync(bytes, cancellationToken);
    }

    public ValueTask WriteReadDataAsync(ReadOnlyMemory<byte> data, CancellationToken cancellationToken) =>
        WriteAsync(data.ToArray(), cancellationToken);

    private async ValueTask ReadExactAsync(Memory<byte> destination, CancellationToken cancellationToken)
    {
        while (!destination.IsEmpty)
        {
            if (_start == _end)
            {
                await FillAsync(cancellationToken);
            }

            var count = Math.Min(destination.Length, _end - _start);
            _receive.AsMemory(_start, count).CopyTo(destination);
            _start += count;
            destination = destination[count..];
        }
    }

    private async ValueTask FillAsync(CancellationToken cancellationToken)
    {
        await _pacer.PaceAsync(cancellationToken);
        var count = await _pacer.HostAsync(_transport.ReadAsync(_receive, Timeout.InfiniteTimeSpan, cancellationToken));
        _pacer.Charge(DeviceTimeCategory.UartTransfer, _timing.UartTime(count));
        (_start, _end) = (0, count);
    }

    private async ValueTask WriteAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        _pacer.Charge(DeviceTimeCategory.UartTransfer, _timing.UartTime(bytes.Length));
        await _pacer.PaceAsync(cancellationToken);
        await _pacer.HostAsync(_transport.WriteAsync(bytes, Timeout.InfiniteTimeSpan, cancellationToken));
    }
}
