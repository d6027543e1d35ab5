using Station.Protocols.Transport;

namespace Station.Protocols.Tests.Transport;

internal static class ByteTransportExtensions
{
    /// <summary>Reads exactly <paramref name="count"/> bytes, each read bounded by <paramref name="timeout"/>.</summary>
    public static async Task<byte[]> ReadExactlyAsync(this IByteTransport transport, int count, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var buffer = new byte[count];
        var filled = 0;
        while (filled < count)
        {
            filled += await transport.ReadAsync(buffer.AsMemory(filled), timeout, cancellationToken);
        }

        return buffer;
    }
}
