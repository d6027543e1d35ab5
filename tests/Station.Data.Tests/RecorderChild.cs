using Microsoft.Extensions.Logging.Abstractions;
using Station.Data.Entities;
using Station.Data.Recording;

namespace Station.Data.Tests;

/// <summary>
/// A station that records runs in a loop until it is killed: the child process of the kill -9
/// tests. It prints a line after each durability point, so the parent knows what was promised:
/// <c>started SESSION</c>, <c>recovered N</c>, <c>intent RUN INTENT</c> (the fuse intent is durable;
/// the "burn" comes next), <c>ended RUN</c> (the run's end is durable).
/// </summary>
internal static class RecorderChild
{
    public const string Mode = "recorder-child";

    public static async Task<int> RunAsync(string[] args)
    {
        var options = new DatabaseOptions(Enum.Parse<DatabaseProvider>(args[0]), args[1]);
        var journal = args[2];
        var stationId = args[3];
        var random = new Random(int.Parse(args[4], System.Globalization.CultureInfo.InvariantCulture));
        var databases = new StationDbContextFactory(options);
        var writer = await RecordWriter.StartAsync(
            new RecordWriterOptions
            {
                StationId = stationId,
                JournalDirectory = journal,
                ToolVersion = "child",
                HostName = "child",
                RetryDelayMin = TimeSpan.FromMilliseconds(20),
                RetryDelayMax = TimeSpan.FromMilliseconds(200),
                MaxJournalBatch = 1 + random.Next(64),
                MaxDeliveryBatch = 1 + random.Next(64),
                MaxSegmentBytes = 4096 + random.Next(16_384),
                DeliveryLinger = TimeSpan.FromMilliseconds(random.Next(3) * 150), // 0, 150 or 300 ms: killed while lingering too
            },
            databases, TimeProvider.System, NullLogger<RecordWriter>.Instance, CancellationToken.None);
        Console.WriteLine($"started {writer.SessionId}");

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var recovery = await writer.Recovery.WaitAsync(timeout.Token);
        Console.WriteLine($"recovered {recovery.InterruptedRuns.Count}");

        // Runs on two slots at once, as a station with several boards does.
        await Task.WhenAll(RecordRunsAsync(writer, "slot-1", random.Next()), RecordRunsAsync(writer, "slot-2", random.Next()));
        return 0;
    }

    private static async Task RecordRunsAsync(RecordWriter writer, string slot, int seed)
    {
        var random = new Random(seed);
        for (var unit = 0; ; unit++)
        {
            var run = SampleRun.StartAndIdentify(writer, random.Next(1_000_000), slot);
            var steps = random.Next(1, 6);
            for (var i = 1; i <= steps; i++)
            {
                var now = DateTimeOffset.UtcNow;
                run.RecordStepAttempt(new StepAttempt($"step-{i}", 1, now, now, StepResult.Passed));
                run.RecordLog("debug", $"step {i} of unit {unit} on {slot}");
            }

            run.RecordImageWrite(new ImageWrite("flexspi-nor", 0x6000_0000, random.Next(1, 1 << 20), SampleRun.Sha("image")));
            var intent = await run.RecordFuseIntentAsync(new FuseIntent(random.Next(0x10, 0x40), "GP1", 0x5A, 0xFF, 0), CancellationToken.None);
            Console.WriteLine($"intent {run.RunId} {intent}");
            run.RecordFuseResult(new FuseResult(intent, 0x20, FuseOutcome.Burned, Verified: true) { ValueAfter = 0x5A });
            await run.EndAsync(new RunEnd(RunOutcome.Passed, steps), CancellationToken.None);
            Console.WriteLine($"ended {run.RunId}");
        }
    }
}
