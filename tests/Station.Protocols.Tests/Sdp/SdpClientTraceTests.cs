using Station.Protocols.Transport;
using Station.Testing;

namespace Station.Protocols.Sdp.Tests;

/// <summary>
/// The client against golden traces: the test plays the ROM's side of the HID link with the exact
/// reports of PROTOCOLS.md 7.1-7.3, and checks every report the client sends.
/// </summary>
public sealed class SdpClientTraceTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task WriteFile_FlashloaderImage_SendsCommandThenFullDataReportsAndReadsFileComplete()
    {
        var (client, rom) = CreateHid();
        var image = SharedTestData.Read("spsdk/rt106x/ivt_flashloader.bin");

        var write = client.WriteFileAsync(SdpClient.FlashloaderLoadAddress, image, TestTimeouts.Unexpected);

        var command = await ReadAsync(rom);
        var length = image.Length;
        Assert.Equal(
            (byte[])[1, 0x04, 0x04, 0x20, 0, 0, 0, 0, (byte)(length >> 24), (byte)(length >> 16), (byte)(length >> 8), (byte)length, 0, 0, 0, 0, 0],
            command);
        var received = new List<byte>();
        for (var reports = 0; reports < (image.Length + 1023) / 1024; reports++)
        {
            var data = await ReadAsync(rom);
            Assert.Equal(2, data[0]);
            Assert.Equal(1025, data.Length);
            received.AddRange(data[1..]);
        }

        Assert.Equal(image, received.Take(image.Length));
        Assert.All(received.Skip(image.Length), b => Assert.Equal(0, b));
        await rom.WriteReportAsync(Hex("03 56 78 78 56"), Wait, TestTimeouts.Unexpected);
        await rom.WriteReportAsync(Hex("04 88 88 88 88").Concat(new byte[60]).ToArray(), Wait, TestTimeouts.Unexpected);

        var response = await write;
        Assert.Equal(HabMode.Open, response.HabMode);
        Assert.Equal(SdpResponseValue.WriteFileComplete, response.Status);
    }

    [Fact]
    public async Task ReadRegister_SeventyBytes_ReadsTwoDataReportsAfterHab()
    {
        var (client, rom) = CreateHid();
        var read = client.ReadRegisterAsync(0x401F4000, 70, SdpAccessWidth.Bits32, TestTimeouts.Unexpected);

        Assert.Equal(Hex("01 01 01 40 1F 40 00 20 00 00 00 46 00 00 00 00 00"), await ReadAsync(rom));
        var memory = Enumerable.Range(0, 70).Select(i => (byte)i).ToArray();
        await rom.WriteReportAsync(Hex("03 12 34 34 12"), Wait, TestTimeouts.Unexpected);
        await rom.WriteReportAsync((byte[])[4, .. memory[..64]], Wait, TestTimeouts.Unexpected);
        await rom.WriteReportAsync((byte[])[4, .. memory[64..], .. new byte[58]], Wait, TestTimeouts.Unexpected);

        Assert.Equal(memory, await read);
    }

    [Fact]
    public async Task JumpAddress_HabOpen_ReturnsAfterHabOnly()
    {
        var (client, rom) = CreateHid();
        var jump = client.JumpAddressAsync(0x20000400, TestTimeouts.Unexpected);

        Assert.Equal(Hex("01 0B 0B 20 00 04 00 00 00 00 00 00 00 00 00 00 00"), await ReadAsync(rom));
        await rom.WriteReportAsync(Hex("03 56 78 78 56"), Wait, TestTimeouts.Unexpected);

        Assert.Equal(new SdpResponse(HabMode.Open, 0), await jump);
    }

    [Fact]
    public async Task WriteRegister_RomAnswersOtherStatus_ThrowsSdpCommandExceptionWithStatus()
    {
        var (client, rom) = CreateHid();
        var write = client.WriteRegisterAsync(0x400FC068, 0xFFFFFFFF, SdpAccessWidth.Bits32, TestTimeouts.Unexpected);

        await ReadAsync(rom);
        await rom.WriteReportAsync(Hex("03 12 34 34 12"), Wait, TestTimeouts.Unexpected);
        await rom.WriteReportAsync(Hex("04 33 33 33 33"), Wait, TestTimeouts.Unexpected);

        var exception = await Assert.ThrowsAsync<SdpCommandException>(() => write);
        Assert.Equal(0x33333333u, exception.Status);
        Assert.Equal(HabMode.Closed, exception.HabMode);
        Assert.False(exception.IsTransient);
    }

    [Fact]
    public async Task ErrorStatus_TruncatedReport_ThrowsProtocolViolationWithRawBytesAndBreaksSession()
    {
        var (client, rom) = CreateHid();
        var status = client.ErrorStatusAsync(TestTimeouts.Unexpected);

        await ReadAsync(rom);
        await rom.WriteReportAsync(Hex("03 56"), Wait, TestTimeouts.Unexpected);

        var exception = await Assert.ThrowsAsync<ProtocolViolationException>(() => status);
        Assert.Equal(Hex("03 56"), exception.RawBytes);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.ErrorStatusAsync(TestTimeouts.Unexpected));
    }

    [Fact]
    public async Task ErrorStatus_RomSilent_ThrowsDeviceTimeoutException()
    {
        var time = new FakeTimeProvider();
        var (client, rom) = CreateHid(time);
        var status = client.ErrorStatusAsync(TestTimeouts.Unexpected);
        await ReadAsync(rom);

        time.Advance(new SdpClientOptions().ResponseTimeout);

        await Assert.ThrowsAsync<DeviceTimeoutException>(() => status);
    }

    [Fact]
    public async Task ErrorStatus_OverUart_ReadsRawWords()
    {
        var (host, device) = InMemoryByteTransport.CreatePair("uart-test");
        await using var client = new SdpClient(new SdpUartFraming(host));
        var status = client.ErrorStatusAsync(TestTimeouts.Unexpected);

        var command = new byte[16];
        for (var read = 0; read < 16;)
        {
            read += await device.ReadAsync(command.AsMemory(read), Wait, TestTimeouts.Unexpected);
        }

        Assert.Equal(Hex("05 05 00 00 00 00 00 00 00 00 00 00 00 00 00 00"), command);
        await device.WriteAsync(Hex("56 78 78 56 F0 F0 F0 F0"), Wait, TestTimeouts.Unexpected);

        Assert.Equal(new SdpResponse(HabMode.Open, SdpResponseValue.HabSuccess), await status);
    }

    private static (SdpClient Client, InMemoryReportTransport Rom) CreateHid(TimeProvider? time = null)
    {
        var (host, rom) = InMemoryReportTransport.CreatePair("sim:1-1.1", 65, 1025, time);
        return (new SdpClient(new SdpHidFraming(host)), rom);
    }

    private static async Task<byte[]> ReadAsync(InMemoryReportTransport rom)
    {
        var buffer = new byte[1025];
        var length = await rom.ReadReportAsync(buffer, Wait, TestTimeouts.Unexpected);
        return buffer[..length];
    }

    private static byte[] Hex(string spaced) => Convert.FromHexString(spaced.Replace(" ", string.Empty, StringComparison.Ordinal));
}
