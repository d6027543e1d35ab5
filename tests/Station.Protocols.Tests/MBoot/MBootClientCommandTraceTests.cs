using Station.Protocols.MBoot;
using Station.Protocols.Tests.MBoot.Traces;
using Station.Testing;

namespace Station.Protocols.Tests.MBoot;

/// <summary>The remaining commands over USB HID: exact command bytes (PROTOCOLS.md 3.2, 6.2) and their answers.</summary>
public sealed class MBootClientCommandTraceTests
{
    [Fact]
    public async Task ProvisioningSequence_Rt1064Recipe_SendsSpecCommandBytes()
    {
        // PROTOCOLS.md 6.3: fill-memory 0x2000 4 0xC0000007; configure-memory 9 0x2000;
        // flash-erase-region 0x70000000 0x6000 9; fill-memory 0x2000 4 0xF000000F; configure-memory 9 0x2000.
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript()
            .Out("01 00 10 00 | 05 00 00 03 00 20 00 00 04 00 00 00 07 00 00 C0").In(Generic(0x05))
            .Out("01 00 0C 00 | 11 00 00 02 09 00 00 00 00 20 00 00").In(Generic(0x11))
            .Out("01 00 10 00 | 02 00 00 03 00 00 00 70 00 60 00 00 09 00 00 00").In(Generic(0x02))
            .Out("01 00 10 00 | 05 00 00 03 00 20 00 00 04 00 00 00 0F 00 00 F0").In(Generic(0x05))
            .Out("01 00 0C 00 | 11 00 00 02 09 00 00 00 00 20 00 00").In(Generic(0x11))
            .RunAsync(device);

        await client.FillMemoryAsync(0x2000, 4, 0xC0000007, TestTimeouts.Unexpected);
        await client.ConfigureMemoryAsync(MBootMemoryId.FlexSpiNor, 0x2000, TestTimeouts.Unexpected);
        await client.FlashEraseRegionAsync(0x70000000, 0x6000, MBootMemoryId.FlexSpiNor, TestTimeouts.Unexpected);
        await client.FillMemoryAsync(0x2000, 4, 0xF000000F, TestTimeouts.Unexpected);
        await client.ConfigureMemoryAsync(MBootMemoryId.FlexSpiNor, 0x2000, TestTimeouts.Unexpected);

        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task ConfigureMemory_FcbAreaNotBlank_Throws10203()
    {
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript()
            .Out("01 00 0C 00 | 11 00 00 02 09 00 00 00 00 20 00 00")
            .In("03 00 0C 00 | A0 00 00 02 DB 27 00 00 11 00 00 00")
            .RunAsync(device);

        var exception = await Assert.ThrowsAsync<MBootCommandException>(
            () => client.ConfigureMemoryAsync(MBootMemoryId.FlexSpiNor, 0x2000, TestTimeouts.Unexpected));

        Assert.Equal(MBootCommandTag.ConfigureMemory, exception.Command);
        Assert.Equal(MBootStatusCode.MemoryCumulativeWrite, exception.Status);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task FlashEraseAll_FlexSpiNor_SendsMemoryId()
    {
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript().Out("01 00 08 00 | 01 00 00 01 09 00 00 00").In(Generic(0x01)).RunAsync(device);

        await client.FlashEraseAllAsync(MBootMemoryId.FlexSpiNor, TestTimeouts.Unexpected);

        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task FlashReadOnce_OcotpWord_ReturnsLittleEndianValue()
    {
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript()
            .Out("01 00 0C 00 | 0F 00 00 02 06 00 00 00 04 00 00 00")
            .In("03 00 10 00 | AF 00 00 03 00 00 00 00 04 00 00 00 02 00 00 00")
            .RunAsync(device);

        var value = await client.FlashReadOnceAsync(6, TestTimeouts.Unexpected);

        Assert.Equal(2u, value);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task FlashReadOnce_EightBytes_ReturnsBothWords()
    {
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript()
            .Out("01 00 0C 00 | 0F 00 00 02 01 00 00 00 08 00 00 00")
            .In("03 00 14 00 | AF 00 00 04 00 00 00 00 08 00 00 00 44 33 22 11 88 77 66 55")
            .RunAsync(device);

        var data = await client.FlashReadOnceAsync(1, 8, TestTimeouts.Unexpected);

        Assert.Equal("44 33 22 11 88 77 66 55", Hex.Of(data));
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Theory]
    [InlineData(false, "01 00 10 00 | 0E 00 00 03 06 00 00 00 04 00 00 00 02 00 00 00")]
    [InlineData(true, "01 00 10 00 | 0E 00 00 03 06 00 00 01 04 00 00 00 02 00 00 00")]
    public async Task FlashProgramOnce_LockOption_SetsBit24OfTheIndex(bool lockAfterProgram, string expected)
    {
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript().Out(expected).In(Generic(0x0E)).RunAsync(device);

        await client.FlashProgramOnceAsync(6, 0x00000002, lockAfterProgram, TestTimeouts.Unexpected);

        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task FlashProgramOnce_OcotpProgramFailure_ThrowsNonTransient20201()
    {
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript()
            .Out("01 00 10 00 | 0E 00 00 03 06 00 00 00 04 00 00 00 02 00 00 00")
            .In("03 00 0C 00 | A0 00 00 02 E9 4E 00 00 0E 00 00 00")
            .RunAsync(device);

        var exception = await Assert.ThrowsAsync<MBootCommandException>(
            () => client.FlashProgramOnceAsync(6, 2, false, TestTimeouts.Unexpected));

        Assert.Equal(MBootStatusCode.OcotpProgramFailure, exception.Status);
        Assert.False(exception.IsTransient);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public void FlashProgramOnce_IndexUsesLockBit_ThrowsArgumentOutOfRange()
    {
        var (client, _) = TestClients.Hid();

        // Argument errors are thrown before anything is sent, synchronously.
        Assert.Throws<ArgumentOutOfRangeException>(() => { _ = client.FlashProgramOnceAsync(1u << 24, 1, false, TestTimeouts.Unexpected); });
        Assert.False(client.IsBroken);
    }

    [Fact]
    public async Task ResetExecuteCall_SendSpecParameters()
    {
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript()
            .Out("01 00 10 00 | 09 00 00 03 01 04 00 20 00 00 00 00 00 80 00 20").In(Generic(0x09))
            .Out("01 00 0C 00 | 0A 00 00 02 01 10 00 20 2A 00 00 00").In(Generic(0x0A))
            .Out("01 00 04 00 | 0B 00 00 00").In(Generic(0x0B))
            .RunAsync(device);

        await client.ExecuteAsync(0x20000401, 0, 0x20008000, TestTimeouts.Unexpected);
        await client.CallAsync(0x20001001, 42, TestTimeouts.Unexpected);
        await client.ResetAsync(TestTimeouts.Unexpected);

        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task FlashReadResource_ReadsAnnouncedBytes()
    {
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript()
            .Out("01 00 10 00 | 10 00 00 03 00 00 00 00 08 00 00 00 01 00 00 00")
            .In("03 00 0C 00 | B0 01 00 02 00 00 00 00 08 00 00 00")
            .In("04 00 08 00 | 01 02 03 04 05 06 07 08")
            .In(Generic(0x10))
            .RunAsync(device);

        var data = await client.FlashReadResourceAsync(0, 8, 1, TestTimeouts.Unexpected);

        Assert.Equal("01 02 03 04 05 06 07 08", Hex.Of(data));
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task ReceiveSbFile_SendsByteCountThenData()
    {
        var sb = TestClients.Pattern(48);
        var (client, device) = TestClients.Hid(new MBootClientOptions { MaxPacketSize = 32 });
        var peer = new HidTranscript()
            .Out("01 00 08 00 | 08 01 00 01 30 00 00 00")
            .In(Generic(0x08))
            .Out(TestClients.Report(2, sb.AsSpan(0, 32)))
            .Out(TestClients.Report(2, sb.AsSpan(32, 16)))
            .In(Generic(0x08))
            .RunAsync(device);
        var progress = new RecordingProgress();

        await client.ReceiveSbFileAsync(sb, progress, TestTimeouts.Unexpected);

        Assert.Equal([32L, 48], progress.Values);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    private static string Generic(byte commandTag) => $"03 00 0C 00 | A0 00 00 02 00 00 00 00 {commandTag:X2} 00 00 00";
}
