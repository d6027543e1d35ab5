using Station.Protocols.MBoot;
using Station.Protocols.Tests.MBoot.Traces;
using Station.Testing;

namespace Station.Protocols.Tests.MBoot;

/// <summary>Memory commands over USB HID, replayed from golden traces (PROTOCOLS.md 1.3, 1.4, 6).</summary>
public sealed class MBootClientMemoryTraceTests
{
    // PROTOCOLS.md 1.3 / 6.1: write-memory 0x70001000, memId 0.
    private const string GetMaxPacketSizeOut = "01 00 0C 00 | 07 00 00 02 0B 00 00 00 00 00 00 00";
    private const string MaxPacketSize1012In = "03 00 0C 00 | A7 00 00 02 00 00 00 00 F4 03 00 00";
    private const string WriteMemoryOkIn = "03 00 0C 00 | A0 00 00 02 00 00 00 00 04 00 00 00";

    [Fact]
    public async Task WriteMemory_MaxPacketSizeFromDevice_SplitsInto1012ByteReportsAndReportsProgress()
    {
        var data = TestClients.Pattern(2100);
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript()
            .Out(GetMaxPacketSizeOut).In(MaxPacketSize1012In)
            .Out("01 00 10 00 | 04 01 00 03 00 10 00 70 34 08 00 00 00 00 00 00")
            .In(WriteMemoryOkIn)
            .Out(TestClients.Report(2, data.AsSpan(0, 1012)))
            .Out(TestClients.Report(2, data.AsSpan(1012, 1012)))
            .Out(TestClients.Report(2, data.AsSpan(2024, 76)))
            .In(WriteMemoryOkIn)
            // A second write in the same session does not ask for the packet size again.
            .Out("01 00 10 00 | 04 01 00 03 00 20 00 70 04 00 00 00 00 00 00 00")
            .In(WriteMemoryOkIn)
            .Out("02 00 04 00 | DE AD BE EF")
            .In(WriteMemoryOkIn)
            .RunAsync(device);
        var progress = new RecordingProgress();

        await client.WriteMemoryAsync(0x70001000, data, MBootMemoryId.Internal, progress, TestTimeouts.Unexpected);
        await client.WriteMemoryAsync(0x70002000, Hex.Bytes("DE AD BE EF"), MBootMemoryId.Internal, TestTimeouts.Unexpected);

        Assert.Equal([1012L, 2024, 2100], progress.Values);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task WriteMemory_DeviceWithoutMaxPacketSizeProperty_Uses32BytePackets()
    {
        var data = TestClients.Pattern(40);
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript()
            .Out(GetMaxPacketSizeOut).In("03 00 08 00 | A7 00 00 01 3C 28 00 00")
            .Out("01 00 10 00 | 04 01 00 03 00 00 00 20 28 00 00 00 00 00 00 00")
            .In(WriteMemoryOkIn)
            .Out(TestClients.Report(2, data.AsSpan(0, 32)))
            .Out(TestClients.Report(2, data.AsSpan(32, 8)))
            .In(WriteMemoryOkIn)
            .RunAsync(device);

        await client.WriteMemoryAsync(0x20000000, data, MBootMemoryId.Internal, TestTimeouts.Unexpected);

        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Theory]
    [InlineData(0x27DBu, false)] // 10203 MemoryCumulativeWrite: the page is not blank; erase first
    [InlineData(0x4E8Au, true)]  // 20106 FlexSPINOR CommandFailure: program verify failed; retry may help
    public async Task WriteMemory_DeviceAbortsWithZeroLengthReport3_ThrowsCommandExceptionWithDeviceStatus(uint status, bool transient)
    {
        var data = TestClients.Pattern(3 * 1012);
        var (client, device) = TestClients.Hid(new MBootClientOptions { MaxPacketSize = 1012 });
        var peer = new HidTranscript()
            .Out("01 00 10 00 | 04 01 00 03 00 10 00 70 DC 0B 00 00 09 00 00 00")
            .In(WriteMemoryOkIn)
            .Out(TestClients.Report(2, data.AsSpan(0, 1012)))
            // PROTOCOLS.md 1.4: zero-length CMD-IN report, then GenericResponse(status, 0x04).
            .In("03 00 00 00")
            .In(TestClients.Report(3, [0xA0, 0, 0, 2, (byte)status, (byte)(status >> 8), 0, 0, 0x04, 0, 0, 0]))
            .DiscardDataOutUntilClosed()
            .RunAsync(device);

        var exception = await Assert.ThrowsAsync<MBootCommandException>(
            () => client.WriteMemoryAsync(0x70001000, data, MBootMemoryId.FlexSpiNor, TestTimeouts.Unexpected));

        Assert.Equal(MBootCommandTag.WriteMemory, exception.Command);
        Assert.Equal((MBootStatusCode)status, exception.Status);
        Assert.Equal(transient, exception.IsTransient);
        Assert.False(client.IsBroken);
        await client.DisposeAsync();
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task WriteMemory_DeviceSendsFinalResponseMidPhaseWithoutMarker_StopsAndThrowsItsStatus()
    {
        var data = TestClients.Pattern(3 * 1012);
        var (client, device) = TestClients.Hid(new MBootClientOptions { MaxPacketSize = 1012 });
        var peer = new HidTranscript()
            .Out("01 00 10 00 | 04 01 00 03 00 00 00 50 DC 0B 00 00 00 00 00 00")
            .In(WriteMemoryOkIn)
            .Out(TestClients.Report(2, data.AsSpan(0, 1012)))
            .In("03 00 0C 00 | A0 00 00 02 D8 27 00 00 04 00 00 00")
            .DiscardDataOutUntilClosed()
            .RunAsync(device);

        var exception = await Assert.ThrowsAsync<MBootCommandException>(
            () => client.WriteMemoryAsync(0x50000000, data, MBootMemoryId.Internal, TestTimeouts.Unexpected));

        Assert.Equal(MBootStatusCode.MemoryRangeInvalid, exception.Status);
        await client.DisposeAsync();
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task WriteMemory_FlushFailureInFinalResponse_ThrowsCommandException()
    {
        // PROTOCOLS.md 1.3 step 4: a flush/verify failure shows up in the final GenericResponse.
        var data = TestClients.Pattern(100);
        var (client, device) = TestClients.Hid(new MBootClientOptions { MaxPacketSize = 1012 });
        var peer = new HidTranscript()
            .Out("01 00 10 00 | 04 01 00 03 00 10 00 70 64 00 00 00 00 00 00 00")
            .In(WriteMemoryOkIn)
            .Out(TestClients.Report(2, data))
            .In("03 00 0C 00 | A0 00 00 02 8A 4E 00 00 04 00 00 00")
            .RunAsync(device);

        var exception = await Assert.ThrowsAsync<MBootCommandException>(
            () => client.WriteMemoryAsync(0x70001000, data, MBootMemoryId.Internal, TestTimeouts.Unexpected));

        Assert.Equal(MBootStatusCode.FlexSpiNorCommandFailure, exception.Status);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task WriteMemory_InitialResponseRejects_SendsNoData()
    {
        var (client, device) = TestClients.Hid(new MBootClientOptions { MaxPacketSize = 1012 });
        var peer = new HidTranscript()
            .Out("01 00 10 00 | 04 01 00 03 00 00 00 00 04 00 00 00 00 00 00 00")
            .In("03 00 0C 00 | A0 00 00 02 D8 27 00 00 04 00 00 00")
            .Out(GetMaxPacketSizeOutForFollowUp)
            .In(MaxPacketSize1012In)
            .RunAsync(device);

        var exception = await Assert.ThrowsAsync<MBootCommandException>(
            () => client.WriteMemoryAsync(0, Hex.Bytes("01 02 03 04"), MBootMemoryId.Internal, TestTimeouts.Unexpected));
        // The next report the device sees is the next command, not data.
        await client.GetMaxPacketSizeAsync(TestTimeouts.Unexpected);

        Assert.Equal(MBootStatusCode.MemoryRangeInvalid, exception.Status);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    [Trait("Issue", "PROTOCOLS.md 9.1: unpack_from requires a buffer of at least 4 bytes (SPSDK McuBoot.write_memory)")]
    public async Task WriteMemory_TwoByteReport0300InsteadOfFinalResponse_ThrowsProtocolViolationAndBreaksSession()
    {
        var data = TestClients.Pattern(2024);
        var (client, device) = TestClients.Hid(new MBootClientOptions { MaxPacketSize = 1012 });
        var peer = new HidTranscript()
            .Out("01 00 10 00 | 04 01 00 03 00 10 00 70 E8 07 00 00 00 00 00 00")
            .In(WriteMemoryOkIn)
            .Out(TestClients.Report(2, data.AsSpan(0, 1012)))
            .Out(TestClients.Report(2, data.AsSpan(1012, 1012)))
            .InExactly("03 00")
            .RunAsync(device);

        var exception = await Assert.ThrowsAsync<ProtocolViolationException>(
            () => client.WriteMemoryAsync(0x70001000, data, MBootMemoryId.Internal, TestTimeouts.Unexpected));

        Assert.Equal(Hex.Bytes("03 00"), exception.RawBytes);
        Assert.Equal(TestClients.DeviceAddress, exception.DeviceAddress);
        Assert.True(client.IsBroken);
        var later = await Assert.ThrowsAsync<ObjectDisposedException>(() => client.GetCurrentVersionAsync(TestTimeouts.Unexpected));
        Assert.Same(exception, later.InnerException);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task ReadMemory_DataSplitOverSeveralReport4s_IsReassembled()
    {
        var data = TestClients.Pattern(2000);
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript()
            .Out("01 00 10 00 | 03 00 00 03 00 00 00 70 D0 07 00 00 00 00 00 00")
            .In("03 00 0C 00 | A3 01 00 02 00 00 00 00 D0 07 00 00")
            .In(TestClients.Report(4, data.AsSpan(0, 1012)))
            .In(TestClients.Report(4, data.AsSpan(1012, 988)))
            .In("03 00 0C 00 | A0 00 00 02 00 00 00 00 03 00 00 00")
            .RunAsync(device);
        var destination = new byte[2000];
        var progress = new RecordingProgress();

        await client.ReadMemoryAsync(0x70000000, destination, MBootMemoryId.Internal, progress, TestTimeouts.Unexpected);

        Assert.Equal(data, destination);
        Assert.Equal([1012L, 2000], progress.Values);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task ReadMemory_DeviceAbortsWithZeroLengthReport4_ThrowsCommandExceptionWithDeviceStatus()
    {
        var data = TestClients.Pattern(2000);
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript()
            .Out("01 00 10 00 | 03 00 00 03 00 00 00 70 D0 07 00 00 09 00 00 00")
            .In("03 00 0C 00 | A3 01 00 02 00 00 00 00 D0 07 00 00")
            .In(TestClients.Report(4, data.AsSpan(0, 1012)))
            .In("04 00 00 00")
            .In("03 00 0C 00 | A0 00 00 02 D9 27 00 00 03 00 00 00")
            .RunAsync(device);

        var exception = await Assert.ThrowsAsync<MBootCommandException>(
            () => client.ReadMemoryAsync(0x70000000, 2000, MBootMemoryId.FlexSpiNor, TestTimeouts.Unexpected));

        Assert.Equal(MBootCommandTag.ReadMemory, exception.Command);
        Assert.Equal(MBootStatusCode.MemoryReadFailed, exception.Status);
        Assert.False(client.IsBroken);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task ReadMemory_NotConfigured_ThrowsFromInitialResponseWithoutDataPhase()
    {
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript()
            .Out("01 00 10 00 | 03 00 00 03 00 00 00 60 00 01 00 00 09 00 00 00")
            .In("03 00 0C 00 | A3 01 00 02 DD 27 00 00 00 00 00 00")
            .Out(GetMaxPacketSizeOutForFollowUp)
            .In(MaxPacketSize1012In)
            .RunAsync(device);

        var exception = await Assert.ThrowsAsync<MBootCommandException>(
            () => client.ReadMemoryAsync(0x60000000, 256, MBootMemoryId.FlexSpiNor, TestTimeouts.Unexpected));
        await client.GetMaxPacketSizeAsync(TestTimeouts.Unexpected);

        Assert.Equal(MBootStatusCode.MemoryNotConfigured, exception.Status);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task ReadMemory_DeviceAnnouncesOtherByteCount_ThrowsProtocolViolation()
    {
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript()
            .Out("01 00 10 00 | 03 00 00 03 00 00 00 70 00 01 00 00 00 00 00 00")
            .In("03 00 0C 00 | A3 01 00 02 00 00 00 00 80 00 00 00")
            .RunAsync(device);

        var exception = await Assert.ThrowsAsync<ProtocolViolationException>(
            () => client.ReadMemoryAsync(0x70000000, 256, MBootMemoryId.Internal, TestTimeouts.Unexpected));

        Assert.Equal(Hex.Bytes("A3 01 00 02 00 00 00 00 80 00 00 00"), exception.RawBytes);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task GenericResponse_ForAnotherCommand_ThrowsProtocolViolation()
    {
        // A stale response (here: a late write-memory answer) must never pass for this command's.
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript()
            .Out("01 00 10 00 | 05 00 00 03 00 20 00 00 04 00 00 00 07 00 00 C0")
            .In(WriteMemoryOkIn)
            .RunAsync(device);

        var exception = await Assert.ThrowsAsync<ProtocolViolationException>(
            () => client.FillMemoryAsync(0x2000, 4, 0xC0000007, TestTimeouts.Unexpected));

        Assert.Contains("answers command WriteMemory", exception.Problem, StringComparison.Ordinal);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    private const string GetMaxPacketSizeOutForFollowUp = GetMaxPacketSizeOut;
}
