using Microsoft.Extensions.Logging.Abstractions;
using Station.Protocols.MBoot;
using Station.Protocols.Sdp;
using Station.Protocols.Tests.MBoot.Traces;
using Station.Protocols.Tests.Transport;
using Station.Protocols.Transport;
using Station.Testing;
using Xunit.Abstractions;

namespace Station.Protocols.Tests.Fuzz;

/// <summary>
/// Issue 8's mutation fuzz over the parsers of what a device sends: MBoot responses (packet
/// decoding, HID framing, UART framing), SDP reports over HID, and HID report descriptors. Valid
/// inputs (golden bytes from PROTOCOLS.md and the traces) are mutated with a fixed seed for a fixed
/// number of cases (STATION_FUZZ_CASES raises it for a soak). Each parser must either accept the
/// input or refuse it with its documented exception (ProtocolViolationException carrying the raw
/// bytes; InvalidDataException for descriptors; DeviceTimeoutException where a frame announces
/// more bytes than ever come). Anything else (an index out of range, an overflow, a hang) fails the
/// test with the case's bytes.
/// </summary>
public sealed class ParserFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 8;
    private const string Address = "fuzz:1";
    private static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(200);

    // Every case's bytes are in the in-memory transport before the read starts, so a read that
    // waits at all waits for bytes that never come: a short timeout ends such cases fast.
    private static readonly TimeSpan UartTimeout = TimeSpan.FromMilliseconds(20);

    private static readonly byte[][] ResponsePackets =
    [
        Hex.Bytes("A0 00 00 02 00 00 00 00 02 00 00 00"),
        Hex.Bytes("A0 00 00 02 DB 27 00 00 04 00 00 00"),
        Hex.Bytes("A7 00 00 02 00 00 00 00 00 01 02 4B"),
        Hex.Bytes("A7 00 00 01 3C 28 00 00"),
        Hex.Bytes("A7 00 00 07 00 00 00 00 1F 00 00 00 00 00 00 60 00 20 00 00 00 01 00 00 00 10 00 00 00 00 01 00"),
        Hex.Bytes("A3 00 00 02 00 00 00 00 00 04 00 00"),
        Hex.Bytes("AF 00 00 03 00 00 00 00 04 00 00 00 10 00 00 00"),
    ];

    [Fact]
    public void MBootResponseDecode_MutatedPackets_DecodeOrThrowProtocolViolation()
    {
        var fuzz = new Mutator(Seed);
        var outcomes = new Outcomes();
        for (var i = 0; i < Mutator.Cases(20_000); i++)
        {
            var packet = fuzz.Next(ResponsePackets, 64);
            outcomes.Run(i, packet, () => MBootResponse.Decode(packet, Address));
        }

        output.WriteLine($"MBoot response packets: {outcomes}");
        outcomes.AssertSome();
    }

    [Fact]
    public async Task MBootHidFraming_MutatedReports_ReadOrThrowProtocolViolation()
    {
        var reports = ResponsePackets.Select(p => (byte[])[0x03, 0x00, (byte)p.Length, 0x00, .. p])
            .Append(Hex.Bytes("03 00 00 00"))
            .Append(Hex.Bytes("04 00 08 00 DE AD BE EF 01 02 03 04"))
            .ToList();
        var sentinelResponse = Hex.Bytes("03 00 0C 00 A0 00 00 02 00 00 00 00 04 00 00 00");
        var sentinelData = Hex.Bytes("04 00 04 00 DE AD BE EF");
        var fuzz = new Mutator(Seed);
        var outcomes = new Outcomes();
        for (var i = 0; i < Mutator.Cases(3_000); i++)
        {
            var report = NonEmpty(fuzz.Next(reports, HidTranscript.ReportLength));
            var readData = fuzz.Random.Next(2) == 0;
            var (host, device) = InMemoryReportTransport.CreatePair(Address, HidTranscript.ReportLength, HidTranscript.ReportLength);
            await using var framing = new MBootHidFraming(host, NullLogger<MBootHidFraming>.Instance);
            await using (device)
            {
                await device.WriteReportAsync(report, Timeout, TestTimeouts.Unexpected);
                await device.WriteReportAsync(readData ? sentinelData : sentinelResponse, Timeout, TestTimeouts.Unexpected);
                await outcomes.RunAsync(i, report, async () =>
                {
                    if (readData)
                    {
                        await framing.ReadDataAsync(new byte[HidTranscript.ReportLength], Timeout, TestTimeouts.Unexpected);
                    }
                    else
                    {
                        var packet = await framing.ReadResponseAsync(Timeout, TestTimeouts.Unexpected);
                        MBootResponse.Decode(packet.Span, Address);
                    }
                });
            }
        }

        output.WriteLine($"MBoot HID reports: {outcomes}");
        outcomes.AssertSome();
    }

    [Fact]
    public async Task MBootUartFraming_MutatedFrames_ReadOrThrowProtocolViolationOrTimeOut()
    {
        var frames = ResponsePackets.Select(p => Hex.Bytes(UartFrames.Command(Hex.Of(p))).ToArray())
            .Select(f => { f[1] = 0xA4; return f; })
            .Append(Hex.Bytes(UartFrames.Data([0xDE, 0xAD, 0xBE, 0xEF])))
            .Append(Hex.Bytes(UartFrames.PingResponse))
            .Append(Hex.Bytes(UartFrames.Ack))
            .ToList();
        var sentinelResponse = Hex.Bytes(UartFrames.Command("A0 00 00 02 00 00 00 00 04 00 00 00"));
        var sentinelData = Hex.Bytes(UartFrames.Data([0x01, 0x02, 0x03, 0x04]));
        var fuzz = new Mutator(Seed);
        var outcomes = new Outcomes(timeoutsAllowed: true);
        for (var i = 0; i < Mutator.Cases(600); i++)
        {
            var bytes = fuzz.Next(frames, 600);
            var readData = fuzz.Random.Next(2) == 0;
            var (host, device) = InMemoryByteTransport.CreatePair(Address);
            await using var framing = new MBootUartFraming(host, NullLogger<MBootUartFraming>.Instance);
            await using (device)
            {
                // The fuzzed bytes, then a good frame; a NAKed frame is sent once more, as a device would.
                await device.WriteAsync((byte[])[.. bytes, .. readData ? sentinelData : sentinelResponse, .. readData ? sentinelData : sentinelResponse], UartTimeout, TestTimeouts.Unexpected);
                await outcomes.RunAsync(i, bytes, async () =>
                {
                    if (readData)
                    {
                        await framing.ReadDataAsync(new byte[1024], UartTimeout, TestTimeouts.Unexpected);
                    }
                    else
                    {
                        var packet = await framing.ReadResponseAsync(UartTimeout, TestTimeouts.Unexpected);
                        MBootResponse.Decode(packet.Span, Address);
                    }
                });
            }
        }

        output.WriteLine($"MBoot UART frames: {outcomes}");
        outcomes.AssertSome();
    }

    [Fact]
    public async Task SdpHidFraming_MutatedReports_ReadOrThrowProtocolViolation()
    {
        byte[][] reports =
        [
            Hex.Bytes("03 12 34 34 12"),
            Hex.Bytes("03 56 78 78 56"),
            Hex.Bytes("04 12 8A 8A 12"),
            Hex.Bytes("04 88 88 88 88"),
            Hex.Bytes("04 " + string.Join(' ', Enumerable.Repeat("A5", 64))),
        ];
        var fuzz = new Mutator(Seed);
        var outcomes = new Outcomes();
        for (var i = 0; i < Mutator.Cases(3_000); i++)
        {
            var report = NonEmpty(fuzz.Next(reports, 65));
            var (host, device) = InMemoryReportTransport.CreatePair(Address, 65, 1025);
            await using var framing = new SdpHidFraming(host);
            await using (device)
            {
                await device.WriteReportAsync(report, Timeout, TestTimeouts.Unexpected);
                var read = fuzz.Random.Next(3);
                await outcomes.RunAsync(i, report, async () =>
                {
                    switch (read)
                    {
                        case 0:
                            await framing.ReadHabModeAsync(Timeout, TestTimeouts.Unexpected);
                            break;
                        case 1:
                            await framing.ReadStatusAsync(Timeout, TestTimeouts.Unexpected);
                            break;
                        default:
                            await framing.ReadDataAsync(new byte[64], Timeout, TestTimeouts.Unexpected);
                            break;
                    }
                });
            }
        }

        output.WriteLine($"SDP HID reports: {outcomes}");
        outcomes.AssertSome();
    }

    [Fact]
    public void HidReportDescriptorParse_MutatedDescriptors_ParseOrThrowInvalidData()
    {
        byte[][] descriptors = [HidDescriptors.FlashloaderHighSpeed, HidDescriptors.FlashloaderFullSpeed, HidDescriptors.SdpRom, HidDescriptors.BootKeyboard];
        var fuzz = new Mutator(Seed);
        var parsed = 0;
        var refused = 0;
        for (var i = 0; i < Mutator.Cases(20_000); i++)
        {
            var descriptor = fuzz.Next(descriptors, 512);
            try
            {
                var result = HidReportDescriptor.Parse(descriptor);
                Assert.True(
                    result.MaxInputReportLength is >= 0 and <= 65_536 && result.MaxOutputReportLength is >= 0 and <= 65_536
                    && result.MaxFeatureReportLength is >= 0 and <= 65_536,
                    $"case {i}: lengths {result.MaxInputReportLength}/{result.MaxOutputReportLength}/{result.MaxFeatureReportLength} from {Hex.Of(descriptor)}");
                parsed++;
            }
            catch (InvalidDataException)
            {
                refused++;
            }
            catch (Exception exception)
            {
                Assert.Fail($"case {i}: {exception.GetType().Name}: {exception.Message}\n{Hex.Of(descriptor)}");
            }
        }

        output.WriteLine($"HID report descriptors: {parsed} parsed, {refused} refused");
        Assert.True(parsed > 0 && refused > 0);
    }

    private static byte[] NonEmpty(byte[] report) => report.Length == 0 ? [0x03] : report;

    /// <summary>Counts each case's outcome; an exception that is not the parser's documented one fails the test at once.</summary>
    private sealed class Outcomes(bool timeoutsAllowed = false)
    {
        private readonly Dictionary<string, int> _counts = [];

        public void Run(int index, byte[] input, Action parse)
        {
            try
            {
                parse();
                Count("accepted");
            }
            catch (Exception exception)
            {
                Classify(index, input, exception);
            }
        }

        public async Task RunAsync(int index, byte[] input, Func<Task> parse)
        {
            try
            {
                await parse();
                Count("accepted");
            }
            catch (Exception exception)
            {
                Classify(index, input, exception);
            }
        }

        private void Classify(int index, byte[] input, Exception exception)
        {
            switch (exception)
            {
                case ProtocolViolationException violation:
                    Assert.False(string.IsNullOrWhiteSpace(violation.Problem), $"case {index}: a violation without its problem");
                    Assert.True(violation.RawBytes.Count > 0 || input.Length == 0, $"case {index}: a violation without its bytes: {violation.Problem}");
                    Count("refused (protocol violation)");
                    break;
                case DeviceTimeoutException when timeoutsAllowed:
                    Count("timed out (incomplete frame)");
                    break;
                default:
                    Assert.Fail($"case {index}: {exception.GetType().Name}: {exception.Message}\ninput: {Hex.Of(input)}\n{exception.StackTrace}");
                    break;
            }
        }

        private void Count(string outcome) => _counts[outcome] = _counts.GetValueOrDefault(outcome) + 1;

        public void AssertSome()
        {
            Assert.True(_counts.GetValueOrDefault("accepted") > 0, $"no case was accepted: {this}");
            Assert.True(_counts.Keys.Any(k => k.StartsWith("refused", StringComparison.Ordinal)), $"no case was refused: {this}");
        }

        public override string ToString() => string.Join(", ", _counts.OrderBy(c => c.Key).Select(c => $"{c.Value} {c.Key}"));
    }
}
