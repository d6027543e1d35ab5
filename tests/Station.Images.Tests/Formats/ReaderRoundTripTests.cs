using System.Text;
using Station.Images.Export;
using Station.Images.Formats;
using Station.Testing;

namespace Station.Images.Tests.Formats;

public sealed class ReaderRoundTripTests
{
    private static readonly byte[] App = SharedTestData.Read("spsdk/rt106x/evkmimxrt1060_iled_blinky_ext_FLASH.bin");

    [Theory]
    [InlineData(ExportFormat.IntelHex, FirmwareFormat.IntelHex)]
    [InlineData(ExportFormat.SRecord, FirmwareFormat.SRecord)]
    public void Export_ThenRead_GivesTheSameBytesAtTheSameAddress(ExportFormat export, FirmwareFormat expected)
    {
        var text = ImageExporter.Export(App, 0x6000_2000, export, "app.bin");
        Assert.Equal(expected, FirmwareReader.Detect(text));
        var image = FirmwareReader.Read(text, "app", 0);
        var segment = Assert.Single(image.Segments);
        Assert.Equal(0x6000_2000u, segment.Address);
        Assert.Equal(App, segment.Data.ToArray());
    }

    [Fact]
    public void IntelHex_CrossingA64KiBBoundary_SplitsRecordsAndAddsType04()
    {
        var data = Enumerable.Range(0, 64).Select(i => (byte)i).ToArray();
        var text = Encoding.ASCII.GetString(ImageExporter.Export(data, 0x6000_FFF0, ExportFormat.IntelHex, "x"));
        Assert.Contains(":020000046000", text, StringComparison.Ordinal);
        Assert.Contains(":020000046001", text, StringComparison.Ordinal);
        Assert.Equal(data, IntelHexReader.Read(Encoding.ASCII.GetBytes(text), "x").Read(0x6000_FFF0, 64, 0));
    }

    [Fact]
    public void IntelHex_SegmentAndStartRecords_AreHonoured()
    {
        // Type 02 (segment 0x1000 → 0x10000), type 03 start (CS:IP), from a classic 8086-style file.
        var hex = """
            :020000021000EC
            :0400000001020304F2
            :0400000312340010A3
            :00000001FF
            """;
        var image = IntelHexReader.Read(Encoding.ASCII.GetBytes(hex), "seg.hex");
        Assert.Equal(0x1_0000u, image.StartAddress);
        Assert.Equal(0x12350u, image.EntryPoint);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, image.Read(0x1_0000, 4, 0));
    }

    [Fact]
    public void IntelHex_EntryPointWrittenAsType05_RoundTrips()
    {
        var image = FirmwareImage.FromBytes("app", FirmwareFormat.Binary, 0x6000_2000, App, entryPoint: 0x6000_2305);
        var read = IntelHexReader.Read(IntelHexWriter.Write(image), "app.hex");
        Assert.Equal(0x6000_2305u, read.EntryPoint);
    }

    [Fact]
    public void SRecord_S1AndS2AndS9_AreRead()
    {
        var srec = """
            S00600004844521B
            S107000001020304EE
            S20801000005060708DC
            S9030000FC
            """;
        var image = SRecordReader.Read(Encoding.ASCII.GetBytes(srec), "mixed.s19");
        Assert.Equal(2, image.Segments.Count);
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, image.Read(0, 4, 0));
        Assert.Equal(new byte[] { 5, 6, 7, 8 }, image.Read(0x1_0000, 4, 0));
        Assert.Equal(0u, image.EntryPoint);
    }

    [Fact]
    public void SRecord_EntryPoint_RoundTripsThroughS7()
    {
        var image = FirmwareImage.FromBytes("app", FirmwareFormat.Binary, 0x7000_2000, App, entryPoint: 0x7000_2305);
        Assert.Equal(0x7000_2305u, SRecordReader.Read(SRecordWriter.Write(image), "app.srec").EntryPoint);
    }

    [Fact]
    public void Elf_TwoLoadSegments_ReadAtPhysicalAddresses()
    {
        // .text in flash; .data runs in RAM (vaddr) but is loaded from flash (paddr) right after .text.
        var text = SyntheticApp.Create(0x6000_2000, size: 0x100);
        var data = new byte[] { 0xDE, 0xAD, 0xBE, 0xEF };
        var elf = new TestElf { Entry = 0x6000_2041 }.Load(0x6000_2000, text).Load(0x6000_2100, data, @virtual: 0x2000_0000).Section(".isr_vector", 0x6000_2000, 0x40).Symbol("__Vectors", 0x6000_2000).Build();
        var parsed = ElfFile.Parse(elf, "app.elf");
        Assert.Equal(0x6000_2041u, parsed.Entry);
        Assert.Equal(0x6000_2000u, parsed.FindSymbol("__Vectors")!.Value);
        Assert.Equal(".isr_vector", parsed.Sections.First(s => s.Size == 0x40).Name);
        var segment = Assert.Single(parsed.Image.Segments);
        Assert.Equal(0x104, segment.Length);
        Assert.Equal(data, parsed.Image.Read(0x6000_2100, 4, 0));
        Assert.Equal(FirmwareFormat.Elf, FirmwareReader.Detect(elf));
    }

    [Fact]
    public void Elf_Exported_ReadsBackAsHexAtTheSameAddresses()
    {
        var elf = new TestElf().Load(0x6000_2000, SyntheticApp.Create(0x6000_2000, size: 0x300)).Load(0x6000_8000, [1, 2, 3]).Build();
        var image = ElfFile.Parse(elf, "app.elf").Image;
        var hex = IntelHexReader.Read(ImageExporter.Export(image, ExportFormat.IntelHex), "app.hex");
        Assert.Equal(image.Segments.Select(s => (s.Address, s.Data.ToArray())), hex.Segments.Select(s => (s.Address, s.Data.ToArray())));
    }

    [Fact]
    public void Detect_BinaryStartingWithColonByte_StaysBinaryWhenNotText()
    {
        byte[] bytes = [(byte)':', 0x00, 0xFF, 0x10];
        Assert.Equal(FirmwareFormat.Binary, FirmwareReader.Detect(bytes));
    }

    [Fact]
    public void FirmwareImage_AdjacentSegments_AreMerged()
    {
        var image = FirmwareImage.Create("x", FirmwareFormat.IntelHex, [new ImageSegment(0x10, new byte[] { 3 }), new ImageSegment(0, new byte[16]), new ImageSegment(0x11, new byte[] { 4 })], null);
        var segment = Assert.Single(image.Segments);
        Assert.Equal(18, segment.Length);
    }

    [Fact]
    public void FirmwareImage_GapsAreFilledOnRead()
    {
        var image = FirmwareImage.Create("x", FirmwareFormat.IntelHex, [new ImageSegment(0, new byte[] { 1 }), new ImageSegment(3, new byte[] { 2 })], null);
        Assert.Equal(new byte[] { 1, 0xFF, 0xFF, 2 }, image.ToFlat(0xFF));
        Assert.Null(image.ReadUInt32(1));
    }

    [Fact]
    public void FirmwareImage_SegmentsFarApart_RefuseToFlatten()
    {
        var image = FirmwareImage.Create("far.hex", FirmwareFormat.IntelHex, [new ImageSegment(0x2000_0000, new byte[] { 1 }), new ImageSegment(0x6000_0000, new byte[] { 2 })], null);
        var ex = Assert.Throws<ImageFormatException>(() => image.ToFlat(0xFF));
        Assert.StartsWith("far.hex:", ex.Message, StringComparison.Ordinal);
    }
}
