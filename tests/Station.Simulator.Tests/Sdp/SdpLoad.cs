using Station.Simulator.Tests.Support;

namespace Station.Simulator.Tests.Sdp;

/// <summary>WRITE_FILE over raw HID reports, the way sdphost sends it (17-byte report 1, 1025-byte report 2).</summary>
internal static class SdpLoad
{
    public static async Task WriteFileAsync(RawHid host, uint address, byte[] image, string habMode = "56 78 78 56")
    {
        await host.SendAsync(Wire.Sdp(0x0404, address, 0, (uint)image.Length).Prepend((byte)1).ToArray());
        for (var offset = 0; offset < image.Length; offset += 1024)
        {
            var report = new byte[1025];
            report[0] = 2;
            image.AsSpan(offset, Math.Min(1024, image.Length - offset)).CopyTo(report.AsSpan(1));
            await host.SendAsync(report);
        }

        Assert.Equal("03 " + habMode, Hex.Of(await host.ReceiveAsync()));
        Assert.Equal("04 88 88 88 88", Hex.Of((await host.ReceiveAsync()).AsSpan(0, 5)));
    }
}
