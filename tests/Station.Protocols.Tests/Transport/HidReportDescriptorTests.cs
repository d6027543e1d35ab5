using Station.Protocols.Transport;

namespace Station.Protocols.Tests.Transport;

public sealed class HidReportDescriptorTests
{
    [Fact]
    public void Parse_FlashloaderHighSpeed_Gives1015BytesPerReportAnd1016WithId()
    {
        var bytes = HidDescriptors.FlashloaderHighSpeed;
        Assert.Equal(76, bytes.Length); // USB_HID_REPORT_DESC_SIZE (PROTOCOLS.md 1.2)

        var descriptor = HidReportDescriptor.Parse(bytes);

        Assert.True(descriptor.UsesReportIds);
        Assert.Equal(
            [new(1, 0, 1015, 0), new(2, 0, 1015, 0), new(3, 1015, 0, 0), new HidReportLengths(4, 1015, 0, 0)],
            descriptor.Reports);
        Assert.Equal(1016, descriptor.MaxInputReportLength);
        Assert.Equal(1016, descriptor.MaxOutputReportLength);
        Assert.Equal(0, descriptor.MaxFeatureReportLength);
    }

    [Fact]
    public void Parse_FlashloaderFullSpeed_Gives63BytesPerReportAnd64WithId()
    {
        var descriptor = HidReportDescriptor.Parse(HidDescriptors.FlashloaderFullSpeed);

        Assert.All(descriptor.Reports, r => Assert.Equal(63, Math.Max(r.InputLength, r.OutputLength)));
        Assert.Equal(64, descriptor.MaxInputReportLength);
        Assert.Equal(64, descriptor.MaxOutputReportLength);
    }

    [Fact]
    public void Parse_SdpRomSizes_GivesLongestReportOfEachDirection()
    {
        var descriptor = HidReportDescriptor.Parse(HidDescriptors.SdpRom);

        Assert.Equal(new HidReportLengths(2, 0, 1024, 0), descriptor.Find(2));
        Assert.Equal(new HidReportLengths(3, 4, 0, 0), descriptor.Find(3));
        Assert.Equal(65, descriptor.MaxInputReportLength);
        Assert.Equal(1025, descriptor.MaxOutputReportLength);
    }

    [Fact]
    public void Parse_BootKeyboardWithoutReportIds_CountsOneByteForTheZeroId()
    {
        var descriptor = HidReportDescriptor.Parse(HidDescriptors.BootKeyboard);

        Assert.False(descriptor.UsesReportIds);
        Assert.Equal([new HidReportLengths(0, 8, 1, 0)], descriptor.Reports);
        Assert.Equal(9, descriptor.MaxInputReportLength);
        Assert.Equal(2, descriptor.MaxOutputReportLength);
        Assert.Null(descriptor.Find(1));
    }

    [Fact]
    public void Parse_BitFieldsNotByteAligned_RoundsUpToWholeBytes()
    {
        // REPORT_ID 5, REPORT_SIZE 3 x COUNT 3 = 9 bits of FEATURE -> 2 bytes.
        var descriptor = HidReportDescriptor.Parse([0x85, 0x05, 0x75, 0x03, 0x95, 0x03, 0xB1, 0x02]);

        Assert.Equal([new HidReportLengths(5, 0, 0, 2)], descriptor.Reports);
        Assert.Equal(3, descriptor.MaxFeatureReportLength);
        Assert.Equal(0, descriptor.MaxInputReportLength);
    }

    [Fact]
    public void Parse_PushAndPop_RestoresGlobalState()
    {
        byte[] bytes =
        [
            0x85, 0x01, 0x75, 0x08, 0x95, 0x04, // ID 1, 8 bits x 4
            0xA4,                               // Push
            0x85, 0x02, 0x95, 0x10, 0x81, 0x02, // ID 2: input 16 bytes
            0xB4,                               // Pop: back to ID 1, 8 x 4
            0x81, 0x02,                         // ID 1: input 4 bytes
        ];

        var descriptor = HidReportDescriptor.Parse(bytes);

        Assert.Equal([new(1, 4, 0, 0), new HidReportLengths(2, 16, 0, 0)], descriptor.Reports);
    }

    [Fact]
    public void Parse_LongItemAndFourByteData_AreSkippedAndDecoded()
    {
        byte[] bytes =
        [
            0xFE, 0x02, 0x10, 0xAA, 0xBB,       // long item with 2 data bytes
            0x77, 0x08, 0x00, 0x00, 0x00,       // REPORT_SIZE 8, 4-byte form
            0x97, 0x02, 0x00, 0x00, 0x00,       // REPORT_COUNT 2, 4-byte form
            0x91, 0x02,
        ];

        var descriptor = HidReportDescriptor.Parse(bytes);

        Assert.Equal([new HidReportLengths(0, 0, 2, 0)], descriptor.Reports);
    }

    [Fact]
    public void Parse_Empty_HasNoReports()
    {
        var descriptor = HidReportDescriptor.Parse([]);

        Assert.Empty(descriptor.Reports);
        Assert.Equal(0, descriptor.MaxInputReportLength);
    }

    [Theory]
    [InlineData(new byte[] { 0x75 })]                   // REPORT_SIZE without its data byte
    [InlineData(new byte[] { 0xFE, 0x05, 0x10, 0x00 })] // long item shorter than it says
    [InlineData(new byte[] { 0x85, 0x00 })]             // report ID 0 is reserved
    [InlineData(new byte[] { 0xB4 })]                   // Pop without Push
    [InlineData(new byte[] { 0x77, 0xFF, 0xFF, 0x00, 0x00, 0x97, 0xFF, 0xFF, 0x00, 0x00, 0x81, 0x02 })] // 4 Gbit report
    public void Parse_Malformed_ThrowsInvalidDataException(byte[] bytes)
    {
        Assert.Throws<InvalidDataException>(() => HidReportDescriptor.Parse(bytes));
    }
}
