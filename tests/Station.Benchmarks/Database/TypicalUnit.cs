using System.Diagnostics;
using System.Globalization;
using Station.Core.Fuses;
using Station.Core.Runs;

namespace Station.Benchmarks.Database;

/// <summary>
/// The events of a typical unit, published the way a run publishes them: start, identification,
/// 30 step attempts (ten steps, each failing twice with a device status before it passes), one fuse
/// word planned, its intent (durable) and result, one image write, three log lines, the end
/// (durable). 40 records. Every call on the run's path is timed.
/// </summary>
internal static class TypicalUnit
{
    public const int StepAttempts = 30;

    /// <summary>Records a unit produces: start, identification, attempts, fuse plan (a log line), intent, result, image, 3 logs, end.</summary>
    public const int Records = 1 + 1 + StepAttempts + 1 + 1 + 1 + 1 + 3 + 1;

    private static readonly RunStep[] Steps = Enum.GetValues<RunStep>();
    private static readonly string RecipeSha256 = new('a', 64);
    private static readonly string ImageSha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData("app.boot.bin"u8));

    /// <summary>Events a unit publishes (step starts included: they make no record).</summary>
    public const int Events = 1 + 1 + (2 * StepAttempts) + 1 + 1 + 1 + 1 + 3 + 1;

    /// <summary>
    /// Publishes one unit's events into <paramref name="events"/>, timing each call into
    /// <paramref name="times"/>; with a <paramref name="gap"/>, waits that long before each event
    /// after the first (a unit at a line's pace: its records trickle in over its cycle time).
    /// </summary>
    public static async Task PublishAsync(
        IRunEvents events, string slot, int number, TimeSpan gap, CallTimes times, CancellationToken cancellationToken)
    {
        var runId = Guid.CreateVersion7();
        var at = DateTimeOffset.UtcNow;
        var serial = string.Create(CultureInfo.InvariantCulture, $"BENCH-{number:D7}");
        var chipUid = string.Create(CultureInfo.InvariantCulture, $"{0xE0AD_0000_0000_0000UL + (ulong)number:x16}");

        Publish(events, times, new RunStarted(runId, at, slot, "1-4.1", "rt1064-sample", 1, RecipeSha256, serial, "benchmark"));
        await PaceAsync(gap, cancellationToken);
        Publish(events, times, new UnitIdentified(runId, at, chipUid, "1.0.0", "Open", TimeSpan.FromMilliseconds(98)));
        for (var i = 0; i < StepAttempts; i++)
        {
            var step = Steps[i / 3 % Steps.Length];
            var attempt = i % 3 + 1;
            var passed = attempt == 3;
            await PaceAsync(gap, cancellationToken);
            Publish(events, times, new StepStarted(runId, at, step, attempt, attempt > 1 ? "erase failed with status 20106; retrying at a slower flash clock" : null));
            await PaceAsync(gap, cancellationToken);
            Publish(events, times, new StepEnded(
                runId, at, step, attempt, passed, TimeSpan.FromMilliseconds(120),
                passed ? null : FailureClass.DeviceTransient, passed ? null : 20106u, passed ? null : "FlexSPI sequence failed (20106)"));
        }

        await PaceAsync(gap, cancellationToken);
        Publish(events, times, new FuseWordPlanned(runId, at, 0x06, "CFG5", 0x10, 0x10, 0, FuseDecision.Write));
        await PaceAsync(gap, cancellationToken);
        await PublishDurablyAsync(events, times, new FuseBurnIntent(runId, at, 0x06, "CFG5", 0x10, 0x10, 0, 0x10, false, "APPROVAL-1"), cancellationToken);
        await PaceAsync(gap, cancellationToken);
        Publish(events, times, new FuseBurnResult(runId, at, 0x06, "CFG5", 0, 0x10, true, null, false));
        await PaceAsync(gap, cancellationToken);
        Publish(events, times, new ImageWritten(runId, at, 9, 0x7000_1000, 135_168, ImageSha256, ImageSha256));
        await PaceAsync(gap, cancellationToken);
        Publish(events, times, new RunLog(runId, at, "Information", "Flash configured: quad SDR, clock option 6 after two 20106 erase failures."));
        await PaceAsync(gap, cancellationToken);
        Publish(events, times, new RunLog(runId, at, "Warning", "Erase needed 3 attempts; check the socket if this slot keeps doing it."));
        await PaceAsync(gap, cancellationToken);
        Publish(events, times, new RunLog(runId, at, "Information", "Image written and read back: hashes match."));
        await PaceAsync(gap, cancellationToken);
        await PublishDurablyAsync(events, times, new RunEnded(runId, at, RunOutcome.Passed, null, null, null, null, null, StepAttempts, TimeSpan.FromSeconds(12)), cancellationToken);
    }

    private static Task PaceAsync(TimeSpan gap, CancellationToken cancellationToken) =>
        gap > TimeSpan.Zero ? Task.Delay(gap, cancellationToken) : Task.CompletedTask;

    private static void Publish(IRunEvents events, CallTimes times, RunEvent runEvent)
    {
        var start = Stopwatch.GetTimestamp();
        events.Publish(runEvent);
        times.AddPublish(Stopwatch.GetTimestamp() - start);
    }

    private static async Task PublishDurablyAsync(IRunEvents events, CallTimes times, RunEvent runEvent, CancellationToken cancellationToken)
    {
        var start = Stopwatch.GetTimestamp();
        await events.PublishDurablyAsync(runEvent, cancellationToken);
        times.AddDurable(Stopwatch.GetTimestamp() - start);
    }
}
