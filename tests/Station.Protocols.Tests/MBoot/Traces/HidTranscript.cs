using Station.Protocols.Transport;
using Station.Testing;

namespace Station.Protocols.Tests.MBoot.Traces;

/// <summary>
/// Replays a golden MBoot HID trace on the device end of an <see cref="InMemoryReportTransport"/>
/// pair: every OUT report the host writes must be exactly the expected bytes, and the recorded IN
/// reports are sent back, padded to full report size as the flashloader sends them
/// (PROTOCOLS.md 1.1). A replay of a trace, not a mock: it knows nothing but the bytes.
/// </summary>
internal sealed class HidTranscript
{
    /// <summary>RT10xx flashloader: report ID + 1015 bytes each way (PROTOCOLS.md 1.2).</summary>
    public const int ReportLength = 1016;

    private static readonly TimeSpan PeerWait = TimeSpan.FromDays(1);
    private readonly List<Func<InMemoryReportTransport, CancellationToken, Task>> _steps = [];

    /// <summary>The host must write exactly these bytes as its next report.</summary>
    public HidTranscript Out(string hex) => Out(Hex.Bytes(hex));

    public HidTranscript Out(byte[] expected)
    {
        _steps.Add(async (device, token) =>
        {
            var buffer = new byte[ReportLength];
            var length = await device.ReadReportAsync(buffer, PeerWait, token);
            Assert.Equal(Hex.Of(expected), Hex.Of(buffer.AsSpan(0, length)));
        });
        return this;
    }

    /// <summary>The device sends this report, padded with zeros to the full report length.</summary>
    public HidTranscript In(string hex) => In(Hex.Bytes(hex));

    public HidTranscript In(byte[] report)
    {
        var padded = new byte[ReportLength];
        report.CopyTo(padded, 0);
        return InExactly(padded);
    }

    /// <summary>The device (or a broken HID stack) delivers exactly these bytes, short or not.</summary>
    public HidTranscript InExactly(string hex) => InExactly(Hex.Bytes(hex));

    public HidTranscript InExactly(byte[] report)
    {
        _steps.Add((device, token) => device.WriteReportAsync(report, PeerWait, token).AsTask());
        return this;
    }

    /// <summary>Completes <paramref name="reached"/>, then waits for <paramref name="proceed"/>.</summary>
    public HidTranscript Pause(TaskCompletionSource reached, Task proceed)
    {
        _steps.Add(async (_, token) =>
        {
            reached.TrySetResult();
            await proceed.WaitAsync(token);
        });
        return this;
    }

    /// <summary>
    /// The host may send some of <paramref name="reports"/> (each exactly, in order) and then
    /// must send <paramref name="finalHex"/>: for a host abort whose timing depends on when the
    /// caller cancelled.
    /// </summary>
    public HidTranscript OutSomeThen(IReadOnlyList<byte[]> reports, string finalHex)
    {
        var final = Hex.Of(Hex.Bytes(finalHex));
        _steps.Add(async (device, token) =>
        {
            var buffer = new byte[ReportLength];
            for (var next = 0; ; next++)
            {
                var length = await device.ReadReportAsync(buffer, PeerWait, token);
                var received = Hex.Of(buffer.AsSpan(0, length));
                if (received == final)
                {
                    return;
                }

                Assert.True(next < reports.Count, $"Expected {final}, got {received}");
                Assert.Equal(Hex.Of(reports[next]), received);
            }
        });
        return this;
    }

    /// <summary>
    /// As the flashloader does after aborting a write (PROTOCOLS.md 1.4): read and discard DATA-OUT
    /// reports until the host closes the link. Anything but a DATA-OUT report fails the replay.
    /// </summary>
    public HidTranscript DiscardDataOutUntilClosed()
    {
        _steps.Add(async (device, token) =>
        {
            var buffer = new byte[ReportLength];
            while (true)
            {
                int length;
                try
                {
                    length = await device.ReadReportAsync(buffer, PeerWait, token);
                }
                catch (DeviceDisconnectedException)
                {
                    return;
                }

                Assert.True(length >= 4 && buffer[0] == 0x02, $"Expected a DATA-OUT report, got {Hex.Of(buffer.AsSpan(0, length))}");
            }
        });
        return this;
    }

    /// <summary>Starts the replay; the task fails on the first mismatch and ends after the last step.</summary>
    public Task RunAsync(InMemoryReportTransport device) => RunAsync(device, TestTimeouts.Unexpected);

    private async Task RunAsync(InMemoryReportTransport device, CancellationToken cancellationToken)
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
