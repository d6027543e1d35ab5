using Station.Simulator.Tests.Support;

namespace Station.Simulator.Tests.MBoot;

/// <summary>The flashloader over UART, driven with the raw bytes of PROTOCOLS 2.</summary>
public sealed class UartFramingTests
{
    private static readonly SimulatedBoardOptions Options = new() { Name = "uart-board" };

    [Fact]
    public async Task Ping_ReplyIsExactlyTheSpecBytes()
    {
        await using var rig = UartRig.Start(BoardFamily.Rt1064, Options);

        await rig.Host.SendAsync(Hex.Bytes("5A A6"));

        Assert.Equal("5A A7 00 02 01 50 00 00 AA EA", Hex.Of(await rig.Host.ReadExactAsync(10)));
    }

    [Fact]
    public async Task Ping_AfterLeadingJunk_StillAnswered()
    {
        await using var rig = UartRig.Start(BoardFamily.Rt1064, Options);

        await rig.Host.SendAsync(Hex.Bytes("00 00 13 5A A6"));

        Assert.Equal("5A A7 00 02 01 50 00 00 AA EA", Hex.Of(await rig.Host.ReadExactAsync(10)));
    }

    [Fact]
    public async Task GetPropertyCurrentVersion_SpecFrame_DeviceAcksThenSendsSpecResponse()
    {
        await using var rig = UartRig.Start(BoardFamily.Rt1064, Options);

        await rig.Host.SendAsync(Hex.Bytes("5A A4 0C 00 4B 33 07 00 00 02 01 00 00 00 00 00 00 00"));

        Assert.Equal("5A A1", Hex.Of(await rig.Host.ReadExactAsync(2)));
        Assert.Equal("5A A4 0C 00 64 18 A7 00 00 02 00 00 00 00 00 01 02 4B", Hex.Of(await rig.Host.ReadExactAsync(18)));
    }

    [Fact]
    public async Task MaxPacketSize_OverUart_Is512()
    {
        await using var rig = UartRig.Start(BoardFamily.Rt1064, Options);

        var reply = await rig.Host.TransactAsync(0x07, 0x0B, 0);

        Assert.Equal(new uint[] { 0u, 512u }, reply.Parameters);
    }

    [Fact]
    public async Task Response_HostNaks_DeviceRetransmitsTheSameFrame()
    {
        await using var rig = UartRig.Start(BoardFamily.Rt1064, Options);
        await rig.Host.SendAsync(Hex.Bytes("5A A4 0C 00 4B 33 07 00 00 02 01 00 00 00 00 00 00 00"));
        Assert.Equal("5A A1", Hex.Of(await rig.Host.ReadExactAsync(2)));
        var first = await rig.Host.ReadFrameAsync();

        await rig.Host.SendAsync(Hex.Bytes("5A A2"));
        var second = await rig.Host.ReadFrameAsync();
        await rig.Host.AckAsync();

        Assert.Equal(Hex.Of(first), Hex.Of(second));
        Assert.Equal("5A A4 0C 00 64 18 A7 00 00 02 00 00 00 00 00 01 02 4B", Hex.Of(second));
    }

    [Fact]
    public async Task Command_BadCrc_DeviceNaks()
    {
        await using var rig = UartRig.Start(BoardFamily.Rt1064, Options);

        await rig.Host.SendAsync(Hex.Bytes("5A A4 0C 00 4B 34 07 00 00 02 01 00 00 00 00 00 00 00"));

        Assert.Equal("5A A2", Hex.Of(await rig.Host.ReadExactAsync(2)));
    }

    [Fact]
    public async Task FlashEraseRegion_SpecFrameOnRam_AckedAndAnsweredUnsupported()
    {
        // The spec frame erases address 0 (ITCM on RT10xx): RAM has no erase (MCUBOOT memory.c, 10214).
        await using var rig = UartRig.Start(BoardFamily.Rt1064, Options);

        await rig.Host.SendAsync(Hex.Bytes("5A A4 0C 00 F9 A6 02 00 00 02 00 00 00 00 00 04 00 00"));

        Assert.Equal("5A A1", Hex.Of(await rig.Host.ReadExactAsync(2)));
        Assert.Equal(Hex.Of(Wire.Frame(0xA4, Wire.Packet(0xA0, 0, 10214, 0x02))), Hex.Of(await rig.Host.ReadFrameAsync()));
    }

    [Fact]
    public async Task FlashEraseRegion_ConfiguredNor_AnsweredWithSpecSuccessFrame()
    {
        await using var rig = UartRig.Start(BoardFamily.Rt1064, Options);
        Assert.Equal(0u, (await rig.Host.TransactAsync(0x05, 0x2000, 4, 0xC000_0007)).Status);
        Assert.Equal(0u, (await rig.Host.TransactAsync(0x11, 9, 0x2000)).Status);

        await rig.Host.SendAsync(Wire.CommandFrame(0x02, 0x7000_0000, 0x1000, 9));

        Assert.Equal("5A A1", Hex.Of(await rig.Host.ReadExactAsync(2)));
        Assert.Equal("5A A4 0C 00 BA 55 A0 00 00 02 00 00 00 00 02 00 00 00", Hex.Of(await rig.Host.ReadFrameAsync()));
    }

    [Fact]
    public async Task WriteMemory_SpecFrame_EveryDataFrameAckedAndTheLastAckPrecedesTheFinalResponse()
    {
        await using var rig = UartRig.Start(BoardFamily.Rt1064, Options);
        Assert.Equal(0u, (await rig.Host.TransactAsync(0x05, 0x2000, 4, 0xC000_0007)).Status);
        Assert.Equal(0u, (await rig.Host.TransactAsync(0x11, 9, 0x2000)).Status);
        Assert.Equal(0u, (await rig.Host.TransactAsync(0x02, 0x7000_0000, 0x2000, 0)).Status);
        var image = Enumerable.Range(0, 0x1000).Select(i => (byte)(i * 7)).ToArray();

        await rig.Host.SendAsync(Hex.Bytes("5A A4 10 00 64 60 04 01 00 03 00 10 00 70 00 10 00 00 00 00 00 00"));
        Assert.Equal("5A A1", Hex.Of(await rig.Host.ReadExactAsync(2)));
        Assert.Equal(Hex.Of(Wire.Frame(0xA4, Wire.Packet(0xA0, 0, 0, 0x04))), Hex.Of(await rig.Host.ReadFrameAsync()));
        await rig.Host.AckAsync();
        for (var offset = 0; offset < image.Length; offset += 512)
        {
            await rig.Host.SendAsync(Wire.Frame(0xA5, image.AsSpan(offset, 512)));
            Assert.Equal("5A A1", Hex.Of(await rig.Host.ReadExactAsync(2)));
        }

        Assert.Equal(Hex.Of(Wire.Frame(0xA4, Wire.Packet(0xA0, 0, 0, 0x04))), Hex.Of(await rig.Host.ReadFrameAsync()));
        await rig.Host.AckAsync();
        Assert.Equal(image, rig.Board.ReadFlash(0x7000_1000, image.Length));
    }

    [Fact]
    public async Task ReadMemory_SpsdkStyleHostDiscardsInputBeforeEachAck_NoFrameIsLost()
    {
        // SPSDK calls reset_input_buffer() before every write (PROTOCOLS 2.4): a device that sent
        // its next frame before the host's ACK would lose it here and the read would hang.
        await using var rig = UartRig.Start(BoardFamily.Rt1064, Options);
        var pattern = Enumerable.Range(0, 1500).Select(i => (byte)i).ToArray();
        await rig.Host.SendAsync(Wire.CommandFrame(0x04, 0x1000, (uint)pattern.Length, 0));
        await rig.Host.ReadExactAsync(2);
        await rig.Host.ReadFrameAsync();
        await rig.Host.AckAsync();
        for (var offset = 0; offset < pattern.Length; offset += 512)
        {
            await rig.Host.SendAsync(Wire.Frame(0xA5, pattern.AsSpan(offset, Math.Min(512, pattern.Length - offset))));
            await rig.Host.ReadExactAsync(2);
        }

        await rig.Host.ReadFrameAsync();
        rig.HostTransport.DiscardInput();
        await rig.Host.AckAsync();

        await rig.Host.SendAsync(Wire.CommandFrame(0x03, 0x1000, (uint)pattern.Length, 0));
        Assert.Equal("5A A1", Hex.Of(await rig.Host.ReadExactAsync(2)));
        var first = await rig.Host.ReadFrameAsync();
        Assert.Equal(Hex.Of(Wire.Frame(0xA4, Wire.Packet(0xA3, 1, 0, (uint)pattern.Length))), Hex.Of(first));
        var data = new List<byte>();
        while (data.Count < pattern.Length)
        {
            rig.HostTransport.DiscardInput();
            await rig.Host.AckAsync();
            var frame = await rig.Host.ReadFrameAsync();
            Assert.Equal(0xA5, frame[1]);
            data.AddRange(frame[6..]);
        }

        rig.HostTransport.DiscardInput();
        await rig.Host.AckAsync();
        Assert.Equal(Hex.Of(Wire.Frame(0xA4, Wire.Packet(0xA0, 0, 0, 0x03))), Hex.Of(await rig.Host.ReadFrameAsync()));
        Assert.Equal(pattern, data.ToArray());
    }

    [Fact]
    public async Task WriteMemory_MisalignedNorAddress_FirstDataFrameAnsweredWithAckAbortThen20105()
    {
        await using var rig = UartRig.Start(BoardFamily.Rt1064, Options);
        Assert.Equal(0u, (await rig.Host.TransactAsync(0x05, 0x2000, 4, 0xC000_0007)).Status);
        Assert.Equal(0u, (await rig.Host.TransactAsync(0x11, 9, 0x2000)).Status);
        Assert.Equal(0u, (await rig.Host.TransactAsync(0x02, 0x7000_0000, 0x1000, 0)).Status);

        Assert.Equal(0u, (await rig.Host.TransactAsync(0x04, 0x7000_0010, 1024, 0)).Status);
        await rig.Host.SendAsync(Wire.Frame(0xA5, new byte[512]));

        Assert.Equal("5A A3", Hex.Of(await rig.Host.ReadExactAsync(2)));
        Assert.Equal(Hex.Of(Wire.Frame(0xA4, Wire.Packet(0xA0, 0, 20105, 0x04))), Hex.Of(await rig.Host.ReadFrameAsync()));
        await rig.Host.AckAsync();
        await rig.Host.SendAsync(Hex.Bytes("5A A6"));
        Assert.Equal("5A A7 00 02 01 50 00 00 AA EA", Hex.Of(await rig.Host.ReadExactAsync(10)));
    }

    [Fact]
    public async Task WriteMemory_UnconfiguredNor_AbortComesBeforeAnyDataAndTheLinkStaysInStep()
    {
        await using var rig = UartRig.Start(BoardFamily.Rt1064, Options);

        Assert.Equal(0u, (await rig.Host.TransactAsync(0x04, 0x7000_1000, 512, 0)).Status);
        await rig.Host.SendAsync(Wire.Frame(0xA5, new byte[512])); // SPSDK sends its first chunk anyway

        Assert.Equal("5A A3", Hex.Of(await rig.Host.ReadExactAsync(2)));
        Assert.Equal(Hex.Of(Wire.Frame(0xA4, Wire.Packet(0xA0, 0, 10205, 0x04))), Hex.Of(await rig.Host.ReadFrameAsync()));
        await rig.Host.AckAsync();
        Assert.Equal(0x4B02_0100u, (await rig.Host.TransactAsync(0x07, 1, 0)).Parameters[1]);
    }

    [Fact]
    public async Task WriteMemory_HostSendsZeroLengthDataFrame_DeviceAcksAndAnswers10002()
    {
        await using var rig = UartRig.Start(BoardFamily.Rt1064, Options);
        Assert.Equal(0u, (await rig.Host.TransactAsync(0x04, 0x1000, 1024, 0)).Status);

        await rig.Host.SendAsync(Wire.Frame(0xA5, []));

        Assert.Equal("5A A1", Hex.Of(await rig.Host.ReadExactAsync(2)));
        Assert.Equal(Hex.Of(Wire.Frame(0xA4, Wire.Packet(0xA0, 0, 10002, 0x04))), Hex.Of(await rig.Host.ReadFrameAsync()));
    }

    [Fact]
    public async Task ReadMemory_UnmappedAddress_ZeroLengthDataFrameThenError()
    {
        await using var rig = UartRig.Start(BoardFamily.Rt1064, Options);
        await rig.Host.SendAsync(Wire.CommandFrame(0x03, 0x1000_0000, 16, 0));
        Assert.Equal("5A A1", Hex.Of(await rig.Host.ReadExactAsync(2)));
        Assert.Equal(Hex.Of(Wire.Frame(0xA4, Wire.Packet(0xA3, 1, 0, 16))), Hex.Of(await rig.Host.ReadFrameAsync()));
        await rig.Host.AckAsync();

        Assert.Equal(Hex.Of(Wire.Frame(0xA5, [])), Hex.Of(await rig.Host.ReadFrameAsync()));
        await rig.Host.AckAsync();

        Assert.Equal(Hex.Of(Wire.Frame(0xA4, Wire.Packet(0xA0, 0, 10200, 0x03))), Hex.Of(await rig.Host.ReadFrameAsync()));
    }

    [Fact]
    public async Task ReadMemory_HostAnswersDataWithAckAbort_DeviceEndsWith10002()
    {
        await using var rig = UartRig.Start(BoardFamily.Rt1064, Options);
        await rig.Host.SendAsync(Wire.CommandFrame(0x03, 0x1000, 2048, 0));
        await rig.Host.ReadExactAsync(2);
        await rig.Host.ReadFrameAsync();
        await rig.Host.AckAsync();
        Assert.Equal(0xA5, (await rig.Host.ReadFrameAsync())[1]);

        await rig.Host.SendAsync(Hex.Bytes("5A A3"));

        Assert.Equal(Hex.Of(Wire.Frame(0xA4, Wire.Packet(0xA0, 0, 10002, 0x03))), Hex.Of(await rig.Host.ReadFrameAsync()));
    }

    [Fact]
    public async Task Reset_OverUart_RomTakesOverTheLink()
    {
        await using var rig = UartRig.Start(BoardFamily.Rt1064, Options);

        Assert.Equal(0u, (await rig.Host.TransactAsync(0x0B)).Status);
        await rig.Host.SendAsync(Wire.Sdp(0x0505));

        Assert.Equal("56 78 78 56 F0 F0 F0 F0", Hex.Of(await rig.Host.ReadExactAsync(8)));
    }
}
