using System.Security.Cryptography;
using System.Text;
using Station.Data.Entities;
using Station.Data.Recording;
using Station.Testing;

namespace Station.Data.Tests;

/// <summary>A realistic run's worth of records, as Core will write them.</summary>
internal static class SampleRun
{
    public static readonly DateTimeOffset Start = new(2026, 3, 4, 5, 6, 7, TimeSpan.Zero);

    public static byte[] Sha(string text) => SHA256.HashData(Encoding.UTF8.GetBytes(text));

    public static string ChipUid(int unit) => $"UID{unit:X8}A5A5";

    public static string Serial(int unit) => $"SN-{unit:D6}";

    /// <summary>Records a full, passed run on <paramref name="slot"/>; returns its recorder.</summary>
    public static async Task<RunRecorder> RecordAsync(RecordWriter writer, int unit, string slot = "slot-1", RunOutcome outcome = RunOutcome.Passed)
    {
        var run = StartAndIdentify(writer, unit, slot);
        run.RecordStepAttempt(new StepAttempt("sdp-load", 1, Start, Start.AddMilliseconds(850), StepResult.Passed));
        run.RecordStepAttempt(new StepAttempt("flash-erase", 1, Start.AddSeconds(1), Start.AddSeconds(2), StepResult.Failed)
        {
            DeviceStatus = 20106,
            RetryReason = "kStatus_FlexSPINOR_CommandFailure: retry after re-configure",
            Message = "erase failed",
        });
        run.RecordStepAttempt(new StepAttempt("flash-erase", 2, Start.AddSeconds(2), Start.AddSeconds(3), StepResult.Passed));
        run.RecordImageWrite(new ImageWrite("flexspi-nor", 0x6000_0000, 123_456, Sha("image")) { ReadBackSha256 = Sha("image") });
        var intent = await run.RecordFuseIntentAsync(
            new FuseIntent(0x18, "SRK0", 0xDEAD_BEEF, 0xFFFF_FFFF, 0) { ApprovalReference = "APPROVAL-7" }, TestTimeouts.Unexpected);
        run.RecordFuseResult(new FuseResult(intent, 0x18, FuseOutcome.Burned, Verified: true) { ValueAfter = 0xDEAD_BEEF });
        run.RecordLog("information", $"unit {unit} provisioned");
        await run.EndAsync(new RunEnd(outcome, 4) { FailureClass = outcome == RunOutcome.Passed ? null : "device-permanent" }, TestTimeouts.Unexpected);
        return run;
    }

    public static RunRecorder StartAndIdentify(RecordWriter writer, int unit, string slot = "slot-1")
    {
        var run = writer.StartRun(new RunStart(slot, "rt1064-evk", "7", Sha("recipe"))
        {
            Operator = "operator-a",
            FlashloaderVersion = "ivt_flashloader 1.0",
            SerialNumber = Serial(unit),
        });
        run.RecordUnitIdentified(ChipUid(unit), null, "K3.1.0");
        return run;
    }

    /// <summary>The number of rows one <see cref="RecordAsync"/> call adds.</summary>
    public const int RecordsPerRun = 10;
}
