using System.Buffers.Binary;

namespace Station.Protocols.Transport;

/// <summary>
/// What a HID report descriptor says about report sizes: per report ID the input, output and
/// feature lengths, and the longest input and output report including the report ID byte (the
/// numbers HidSharp's <c>MaxInputReportLength</c> and Windows' <c>HIDP_CAPS</c> give). Pure: bytes
/// in, lengths out. Items are decoded as HID 1.11 section 6.2.2 defines them.
/// </summary>
public sealed class HidReportDescriptor
{
    // HID 1.11 6.2.2.2: a short item's prefix is bTag(4) | bType(2) | bSize(2).
    private const int ItemTypeMain = 0;
    private const int ItemTypeGlobal = 1;
    private const byte LongItemPrefix = 0xFE;

    // Main item tags (HID 1.11 6.2.2.4).
    private const int MainInput = 0x8;
    private const int MainOutput = 0x9;
    private const int MainFeature = 0xB;

    // Global item tags (HID 1.11 6.2.2.7).
    private const int GlobalReportSize = 0x7;
    private const int GlobalReportId = 0x8;
    private const int GlobalReportCount = 0x9;
    private const int GlobalPush = 0xA;
    private const int GlobalPop = 0xB;

    // Linux caps a report at HID_MAX_BUFFER_SIZE (16 KiB); anything near 64 KiB is a broken descriptor.
    private const long MaxReportBits = 65535L * 8;

    private HidReportDescriptor(IReadOnlyList<HidReportLengths> reports, bool usesReportIds)
    {
        Reports = reports;
        UsesReportIds = usesReportIds;
        MaxInputReportLength = LongestWithId(reports, static r => r.InputLength);
        MaxOutputReportLength = LongestWithId(reports, static r => r.OutputLength);
        MaxFeatureReportLength = LongestWithId(reports, static r => r.FeatureLength);
    }

    /// <summary>Every report ID the descriptor declares, in ascending order.</summary>
    public IReadOnlyList<HidReportLengths> Reports { get; }

    /// <summary>
    /// True when the descriptor declares report IDs. When false, the OS still shows a report ID
    /// byte of 0 on Windows; the Linux transport adds it so byte 0 is always the report ID.
    /// </summary>
    public bool UsesReportIds { get; }

    /// <summary>Longest input report plus the report ID byte, or 0 when there is no input report.</summary>
    public int MaxInputReportLength { get; }

    /// <summary>Longest output report plus the report ID byte, or 0 when there is no output report.</summary>
    public int MaxOutputReportLength { get; }

    /// <summary>Longest feature report plus the report ID byte, or 0 when there is no feature report.</summary>
    public int MaxFeatureReportLength { get; }

    /// <summary>Decodes <paramref name="descriptor"/>.</summary>
    /// <exception cref="InvalidDataException">The bytes are not a well-formed report descriptor.</exception>
    public static HidReportDescriptor Parse(ReadOnlySpan<byte> descriptor)
    {
        // Report bits per (report ID, kind); kind 0 input, 1 output, 2 feature.
        var bits = new SortedDictionary<byte, long[]>();
        var state = new GlobalState(ReportSize: 0, ReportCount: 0, ReportId: 0);
        var stack = new Stack<GlobalState>();
        var usesReportIds = false;
        var offset = 0;

        while (offset < descriptor.Length)
        {
            var prefix = descriptor[offset];
            if (prefix == LongItemPrefix)
            {
                // Long item: FE, bDataSize, bLongItemTag, data. None of them affects report sizes.
                if (offset + 3 > descriptor.Length)
                {
                    throw Malformed(offset, "truncated long item");
                }

                offset += 3 + descriptor[offset + 1];
                if (offset > descriptor.Length)
                {
                    throw Malformed(offset, "long item data runs past the end");
                }

                continue;
            }

            // bSize 3 means 4 data bytes.
            var size = (prefix & 0x3) == 3 ? 4 : prefix & 0x3;
            var type = (prefix >> 2) & 0x3;
            var tag = prefix >> 4;
            if (offset + 1 + size > descriptor.Length)
            {
                throw Malformed(offset, $"item 0x{prefix:X2} needs {size} data bytes");
            }

            var value = ReadUnsigned(descriptor.Slice(offset + 1, size));
            switch (type, tag)
            {
                case (ItemTypeGlobal, GlobalReportSize):
                    state = state with { ReportSize = value };
                    break;
                case (ItemTypeGlobal, GlobalReportCount):
                    state = state with { ReportCount = value };
                    break;
                case (ItemTypeGlobal, GlobalReportId):
                    if (value is 0 or > byte.MaxValue)
                    {
                        throw Malformed(offset, $"report ID {value} is outside 1..255");
                    }

                    state = state with { ReportId = (byte)value };
                    usesReportIds = true;
                    break;
                case (ItemTypeGlobal, GlobalPush):
                    stack.Push(state);
                    break;
                case (ItemTypeGlobal, GlobalPop):
                    if (!stack.TryPop(out state))
                    {
                        throw Malformed(offset, "Pop without Push");
                    }

                    break;
                case (ItemTypeMain, MainInput):
                    AddBits(bits, state, kind: 0, offset);
                    break;
                case (ItemTypeMain, MainOutput):
                    AddBits(bits, state, kind: 1, offset);
                    break;
                case (ItemTypeMain, MainFeature):
                    AddBits(bits, state, kind: 2, offset);
                    break;
                default:
                    // Collections, usages, logical ranges, units: no effect on lengths.
                    break;
            }

            offset += 1 + size;
        }

        var reports = bits
            .Select(pair => new HidReportLengths(pair.Key, BitsToBytes(pair.Value[0]), BitsToBytes(pair.Value[1]), BitsToBytes(pair.Value[2])))
            .ToArray();
        return new HidReportDescriptor(reports, usesReportIds);
    }

    /// <summary>The lengths declared for <paramref name="reportId"/>, or null when it has none.</summary>
    public HidReportLengths? Find(byte reportId) => Reports.FirstOrDefault(r => r.ReportId == reportId);

    private static void AddBits(SortedDictionary<byte, long[]> bits, GlobalState state, int kind, int offset)
    {
        if (!bits.TryGetValue(state.ReportId, out var perKind))
        {
            perKind = new long[3];
            bits.Add(state.ReportId, perKind);
        }

        perKind[kind] += (long)state.ReportSize * state.ReportCount;
        if (perKind[kind] > MaxReportBits)
        {
            throw Malformed(offset, $"report {state.ReportId} is longer than 65535 bytes");
        }
    }

    // Linux hid-core: bytes = ((bits - 1) >> 3) + 1, i.e. bits rounded up to whole bytes.
    private static int BitsToBytes(long bits) => (int)((bits + 7) / 8);

    private static int LongestWithId(IReadOnlyList<HidReportLengths> reports, Func<HidReportLengths, int> length)
    {
        var longest = reports.Count == 0 ? 0 : reports.Max(length);
        return longest == 0 ? 0 : longest + 1; // + 1: the report ID byte (0 when the device has no IDs)
    }

    private static uint ReadUnsigned(ReadOnlySpan<byte> data) => data.Length switch
    {
        0 => 0,
        1 => data[0],
        2 => BinaryPrimitives.ReadUInt16LittleEndian(data),
        _ => BinaryPrimitives.ReadUInt32LittleEndian(data),
    };

    private static InvalidDataException Malformed(int offset, string problem) =>
        new($"Malformed HID report descriptor at byte {offset}: {problem}.");

    private readonly record struct GlobalState(uint ReportSize, uint ReportCount, byte ReportId);
}
