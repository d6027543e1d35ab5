using Microsoft.Extensions.Logging;
using Station.Protocols.MBoot;
using Station.Protocols.Tests.MBoot.Traces;
using Station.Testing;

namespace Station.Protocols.Tests.MBoot;

/// <summary>get-property and set-property over USB HID, replayed from golden traces (PROTOCOLS.md 1 and 5).</summary>
public sealed class MBootClientPropertyTraceTests
{
    private const string GetCurrentVersionOut = "01 00 0C 00 | 07 00 00 02 01 00 00 00 00 00 00 00";
    private const string CurrentVersionIn = "03 00 0C 00 | A7 00 00 02 00 00 00 00 00 01 02 4B";

    [Fact]
    public async Task GetCurrentVersion_Rt1050Flashloader_IsK210()
    {
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript().Out(GetCurrentVersionOut).In(CurrentVersionIn).RunAsync(device);

        var version = await client.GetCurrentVersionAsync(TestTimeouts.Unexpected);

        Assert.Equal("K2.1.0", version?.ToString());
        await peer.WaitAsync(TestTimeouts.Unexpected);
        await client.DisposeAsync();
    }

    [Fact]
    public async Task GetProperty_UnknownProperty10300_ReturnsNullAndSessionStaysUsable()
    {
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript()
            .Out("01 00 0C 00 | 07 00 00 02 30 00 00 00 00 00 00 00")
            .In("03 00 08 00 | A7 00 00 01 3C 28 00 00")
            .Out(GetCurrentVersionOut)
            .In(CurrentVersionIn)
            .RunAsync(device);

        var values = await client.GetPropertyAsync((MBootPropertyTag)0x30, TestTimeouts.Unexpected);
        var version = await client.GetCurrentVersionAsync(TestTimeouts.Unexpected);

        Assert.Null(values);
        Assert.Equal("K2.1.0", version?.ToString());
        Assert.False(client.IsBroken);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task TypedProperties_FlashloaderSession_DecodeEveryValue()
    {
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript()
            // max-packet-size → 1012
            .Out("01 00 0C 00 | 07 00 00 02 0B 00 00 00 00 00 00 00")
            .In("03 00 0C 00 | A7 00 00 02 00 00 00 00 F4 03 00 00")
            // unique-device-id → CFG0 0x11223344, CFG1 0x55667788
            .Out("01 00 0C 00 | 07 00 00 02 12 00 00 00 00 00 00 00")
            .In("03 00 10 00 | A7 00 00 03 00 00 00 00 44 33 22 11 88 77 66 55")
            // external-memory-attributes of memory 9
            .Out("01 00 0C 00 | 07 00 00 02 19 00 00 00 09 00 00 00")
            .In("03 00 20 00 | A7 00 00 07 00 00 00 00 1F 00 00 00 00 00 00 60 00 20 00 00 00 01 00 00 00 10 00 00 00 00 01 00")
            // reserved-regions: no flash region, RAM 0x20000000-0x2000FFFF
            .Out("01 00 0C 00 | 07 00 00 02 0C 00 00 00 00 00 00 00")
            .In("03 00 18 00 | A7 00 00 05 00 00 00 00 00 00 00 00 00 00 00 00 00 00 00 20 FF FF 00 20")
            // available-commands: erase-all, erase-region, read, write, get-property, configure-memory
            .Out("01 00 0C 00 | 07 00 00 02 07 00 00 00 00 00 00 00")
            .In("03 00 0C 00 | A7 00 00 02 00 00 00 00 4F 00 01 00")
            // security-state → 0 (HAB open)
            .Out("01 00 0C 00 | 07 00 00 02 11 00 00 00 00 00 00 00")
            .In("03 00 0C 00 | A7 00 00 02 00 00 00 00 00 00 00 00")
            .RunAsync(device);

        var maxPacketSize = await client.GetMaxPacketSizeAsync(TestTimeouts.Unexpected);
        var uniqueId = await client.GetUniqueDeviceIdAsync(TestTimeouts.Unexpected);
        var attributes = await client.GetExternalMemoryAttributesAsync(MBootMemoryId.FlexSpiNor, TestTimeouts.Unexpected);
        var regions = await client.GetReservedRegionsAsync(TestTimeouts.Unexpected);
        var commands = await client.GetAvailableCommandsAsync(TestTimeouts.Unexpected);
        var security = await client.GetSecurityStateAsync(TestTimeouts.Unexpected);

        Assert.Equal(1012, maxPacketSize);
        Assert.Equal("44 33 22 11 88 77 66 55", Hex.Of(uniqueId!));
        Assert.Equal(new MBootExternalMemoryAttributes(0x60000000, 8L * 1024 * 1024, 256, 4096, 65536), attributes);
        Assert.Equal([new MBootMemoryRegion(0x20000000, 0x2000FFFF)], regions);
        Assert.Equal(0x10000, regions![0].Length);
        Assert.Equal(
            [MBootCommandTag.FlashEraseAll, MBootCommandTag.FlashEraseRegion, MBootCommandTag.ReadMemory, MBootCommandTag.WriteMemory,
             MBootCommandTag.GetProperty, MBootCommandTag.ConfigureMemory],
            commands!.Commands);
        Assert.False(commands.Supports(MBootCommandTag.FillMemory));
        Assert.False(security!.IsSecure);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task GetExternalMemoryAttributes_OnlySomeFlags_LeavesOthersNull()
    {
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript()
            .Out("01 00 0C 00 | 07 00 00 02 19 00 00 00 09 00 00 00")
            .In("03 00 20 00 | A7 00 00 07 00 00 00 00 03 00 00 00 00 00 00 70 00 10 00 00 00 01 00 00 00 10 00 00 00 00 01 00")
            .RunAsync(device);

        var attributes = await client.GetExternalMemoryAttributesAsync(MBootMemoryId.FlexSpiNor, TestTimeouts.Unexpected);

        Assert.Equal(new MBootExternalMemoryAttributes(0x70000000, 4L * 1024 * 1024, null, null, null), attributes);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task GetExternalMemoryAttributes_NotConfigured_ThrowsCommandExceptionWith10205()
    {
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript()
            .Out("01 00 0C 00 | 07 00 00 02 19 00 00 00 09 00 00 00")
            .In("03 00 08 00 | A7 00 00 01 DD 27 00 00")
            .RunAsync(device);

        var exception = await Assert.ThrowsAsync<MBootCommandException>(
            () => client.GetExternalMemoryAttributesAsync(MBootMemoryId.FlexSpiNor, TestTimeouts.Unexpected));

        Assert.Equal(MBootCommandTag.GetProperty, exception.Command);
        Assert.Equal(MBootStatusCode.MemoryNotConfigured, exception.Status);
        Assert.False(exception.IsTransient);
        Assert.False(client.IsBroken);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task GetCurrentVersion_SuccessWithoutValue_ThrowsProtocolViolationAndBreaksSession()
    {
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript().Out(GetCurrentVersionOut).In("03 00 08 00 | A7 00 00 01 00 00 00 00").RunAsync(device);

        var exception = await Assert.ThrowsAsync<ProtocolViolationException>(() => client.GetCurrentVersionAsync(TestTimeouts.Unexpected));

        Assert.Equal(Hex.Bytes("A7 00 00 01 00 00 00 00"), exception.RawBytes);
        Assert.True(client.IsBroken);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task GetProperty_DeviceAnswersGenericUnknownCommand_ThrowsCommandException()
    {
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript()
            .Out(GetCurrentVersionOut)
            .In("03 00 0C 00 | A0 00 00 02 10 27 00 00 07 00 00 00")
            .RunAsync(device);

        var exception = await Assert.ThrowsAsync<MBootCommandException>(() => client.GetCurrentVersionAsync(TestTimeouts.Unexpected));

        Assert.Equal(MBootStatusCode.UnknownCommand, exception.Status);
        Assert.False(client.IsBroken);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task SetProperty_ReadOnlyVerifyWrites_Throws10301()
    {
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript()
            .Out("01 00 0C 00 | 0C 00 00 02 0A 00 00 00 00 00 00 00")
            .In("03 00 0C 00 | A0 00 00 02 3D 28 00 00 0C 00 00 00")
            .RunAsync(device);

        var exception = await Assert.ThrowsAsync<MBootCommandException>(
            () => client.SetPropertyAsync(MBootPropertyTag.VerifyWrites, 0, TestTimeouts.Unexpected));

        Assert.Equal(MBootCommandTag.SetProperty, exception.Command);
        Assert.Equal(MBootStatusCode.ReadOnlyProperty, exception.Status);
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task GetProperty_TwoCallersAtOnce_CommandsDoNotInterleave()
    {
        var (client, device) = TestClients.Hid();
        var peer = new HidTranscript()
            .Out(GetCurrentVersionOut).In(CurrentVersionIn)
            .Out(GetCurrentVersionOut).In(CurrentVersionIn)
            .RunAsync(device);

        var both = await Task.WhenAll(client.GetCurrentVersionAsync(TestTimeouts.Unexpected), client.GetCurrentVersionAsync(TestTimeouts.Unexpected));

        Assert.All(both, version => Assert.Equal("K2.1.0", version?.ToString()));
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }

    [Fact]
    public async Task GetCurrentVersion_TraceLevel_LogsEveryReportInHex()
    {
        var logger = new CapturingLogger<MBootHidFraming>();
        var (client, device) = TestClients.Hid(framingLogger: logger);
        var peer = new HidTranscript().Out(GetCurrentVersionOut).In(CurrentVersionIn).RunAsync(device);

        await client.GetCurrentVersionAsync(TestTimeouts.Unexpected);

        var trace = logger.Entries.Where(entry => entry.Level == LogLevel.Trace).Select(entry => entry.Message).ToList();
        Assert.Equal(
            ["OUT[16]: 01 00 0C 00 07 00 00 02 01 00 00 00 00 00 00 00", "IN[16]: 03 00 0C 00 A7 00 00 02 00 00 00 00 00 01 02 4B"],
            trace);
        Assert.All(logger.Entries.Where(entry => entry.Level == LogLevel.Trace), entry => Assert.InRange(entry.EventId.Id, 1100, 1299));
        await peer.WaitAsync(TestTimeouts.Unexpected);
    }
}
