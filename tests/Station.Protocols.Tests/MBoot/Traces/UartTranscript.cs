using Station.Protocols.Transport;
using Station.Testing;

namespace Station.Protocols.Tests.MBoot.Traces;

/// <summary>
/// Replays a golden MBoot UART trace on the device end of an <see cref="InMemoryByteTransport"/>
/// pair: the host's bytes must match exactly, in order; the recorded device bytes are sent back.
/// </summary>
internal sealed class UartTranscript
{
    private static readonly TimeSpan PeerWait = TimeSpan.FromDays(1);
    private readonly List<Func<InMemoryByteTransport, CancellationToken, Task>> _steps = [];

    /// <summary>The host must send exactly these bytes next.</summary>
    public UartTranscript Out(string hex)
    {
        var expected = Hex.Bytes(hex);
        _steps.Add(async (device, token) =>
        {
            var received = new byte[expected.Length];
            var offset = 0;
            while (offset < received.Length)
            {
                offset += await device.ReadAsync(received.AsMemory(offset), PeerWait, token);
            }

            Assert.Equal(Hex.Of(expected), Hex.Of(received));
        });
        return this;
    }

    /// <summary>The device sends these bytes (one write, so frames sent together arrive together).</summary>
    public UartTranscript In(string hex)
    {
        var bytes = Hex.Bytes(hex);
        _steps.Add((device, token) => device.WriteAsync(bytes, PeerWait, token).AsTask());
        return this;
    }

    public Task RunAsync(InMemoryByteTransport device) => RunAsync(device, TestTimeouts.Unexpected);

    private async Task RunAsync(InMemoryByteTransport device, CancellationToken cancellationToken)
    {
        await Task.Yield();
        try
        {
            foreach (var step in _steps)
            {
                await step(device, cancellationToken);
            }
        }
        catch
        {
            // Hang up, so the host fails at once with a disconnect instead of waiting out its timeout.
            await device.DisposeAsync();
            throw;
        }
    }
}
