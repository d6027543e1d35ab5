using System.Buffers.Binary;
using Station.Protocols.Transport;

namespace Station.Simulator.Tests.Support;

/// <summary>The host end of a simulated USB device, driven with raw reports.</summary>
internal sealed class RawHid(IReportTransport transport) : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public IReportTransport Transport { get; } = transport;

    public Task SendAsync(byte[] report) => Transport.WriteReportAsync(report, Timeout, TestTimeouts.Unexpected).AsTask();

    public async Task<byte[]> ReceiveAsync()
    {
        var buffer = new byte[Transport.MaxInputReportLength];
        var length = await Transport.ReadReportAsync(buffer, Timeout, TestTimeouts.Unexpected);
        return buffer[..length];
    }

    /// <summary>MBoot: sends a command on report 1.</summary>
    public Task CommandAsync(byte tag, params uint[] parameters) => SendAsync(Wire.Report(1, Wire.Command(tag, parameters)));

    /// <summary>MBoot: sends data on report 2.</summary>
    public Task DataAsync(ReadOnlySpan<byte> data) => SendAsync(Wire.Report(2, data));

    /// <summary>MBoot: reads one IN report, checks it is full size with the given ID, returns its payload.</summary>
    public async Task<byte[]> PayloadAsync(byte expectedId)
    {
        var report = await ReceiveAsync();
        Assert.Equal(1016, report.Length);
        Assert.Equal(expectedId, report[0]);
        Assert.Equal(0, report[1]);
        int length = BinaryPrimitives.ReadUInt16LittleEndian(report.AsSpan(2));
        return report[4..(4 + length)];
    }

    public async Task<MBootReply> ReplyAsync() => MBootReply.Parse(await PayloadAsync(3));

    /// <summary>MBoot: a command without data phase and its GenericResponse status, checking the echoed tag.</summary>
    public async Task<uint> StatusOfAsync(byte tag, params uint[] parameters)
    {
        await CommandAsync(tag, parameters);
        var reply = await ReplyAsync();
        Assert.Equal(0xA0, reply.Tag);
        Assert.Equal(tag, (byte)reply.Parameters[1]);
        return reply.Status;
    }

    /// <summary>MBoot: write-memory with data chunks of up to 1012 bytes; returns the final status (initial must be 0).</summary>
    public async Task<uint> WriteMemoryAsync(uint address, byte[] data, uint memoryId = 0)
    {
        await CommandAsync(0x04, address, (uint)data.Length, memoryId);
        var initial = await ReplyAsync();
        Assert.Equal(0u, initial.Status);
        for (var offset = 0; offset < data.Length; offset += 1012)
        {
            await DataAsync(data.AsSpan(offset, Math.Min(1012, data.Length - offset)));
        }

        // After a device abort a zero-length report 3 comes first (PROTOCOLS 1.4).
        var payload = await PayloadAsync(3);
        if (payload.Length == 0)
        {
            payload = await PayloadAsync(3);
        }

        var final = MBootReply.Parse(payload);
        Assert.Equal(0x04u, final.Parameters[1]);
        return final.Status;
    }

    /// <summary>MBoot: read-memory; returns status and data (empty on a device abort).</summary>
    public async Task<(uint Status, byte[] Data)> ReadMemoryAsync(uint address, int count, uint memoryId = 0)
    {
        await CommandAsync(0x03, address, (uint)count, memoryId);
        var first = await ReplyAsync();
        Assert.Equal(0xA3, first.Tag);
        var data = new List<byte>();
        while (data.Count < count)
        {
            var chunk = await PayloadAsync(4);
            if (chunk.Length == 0)
            {
                break;
            }

            data.AddRange(chunk);
        }

        var final = await ReplyAsync();
        Assert.Equal(0x03u, final.Parameters[1]);
        return (final.Status, [.. data]);
    }

    /// <summary>MBoot: fill-memory with a word, then configure-memory 9 from that address.</summary>
    public async Task<uint> ConfigureAsync(uint option, uint scratch = 0x2000)
    {
        Assert.Equal(0u, await StatusOfAsync(0x05, scratch, 4, option));
        return await StatusOfAsync(0x11, 9, scratch);
    }

    public ValueTask DisposeAsync() => Transport.DisposeAsync();
}
