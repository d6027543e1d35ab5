using System.Buffers.Binary;
using Station.Protocols.Transport;

namespace Station.Simulator.Tests.Support;

/// <summary>The host end of a simulated UART, driven with raw bytes.</summary>
internal sealed class RawUart(IByteTransport transport)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public IByteTransport Transport { get; } = transport;

    public Task SendAsync(byte[] bytes) => Transport.WriteAsync(bytes, Timeout, TestTimeouts.Unexpected).AsTask();

    public Task AckAsync() => SendAsync([0x5A, 0xA1]);

    public async Task<byte[]> ReadExactAsync(int count)
    {
        var bytes = new byte[count];
        var done = 0;
        while (done < count)
        {
            done += await Transport.ReadAsync(bytes.AsMemory(done), Timeout, TestTimeouts.Unexpected);
        }

        return bytes;
    }

    /// <summary>Reads one frame: 2 bytes for ACK/NAK/abort, the whole frame for A4/A5.</summary>
    public async Task<byte[]> ReadFrameAsync()
    {
        var head = await ReadExactAsync(2);
        Assert.Equal(0x5A, head[0]);
        if (head[1] is not (0xA4 or 0xA5))
        {
            return head;
        }

        var lengthAndCrc = await ReadExactAsync(4);
        var payload = await ReadExactAsync(BinaryPrimitives.ReadUInt16LittleEndian(lengthAndCrc));
        return [.. head, .. lengthAndCrc, .. payload];
    }

    /// <summary>Sends a command frame and expects the device's deferred ACK, then its response frame (ACKed).</summary>
    public async Task<MBootReply> TransactAsync(byte tag, params uint[] parameters)
    {
        await SendAsync(Wire.CommandFrame(tag, parameters));
        Assert.Equal("5A A1", Hex.Of(await ReadExactAsync(2)));
        var frame = await ReadFrameAsync();
        await AckAsync();
        Assert.Equal(0xA4, frame[1]);
        return MBootReply.Parse(frame.AsSpan(6));
    }
}
