using Station.Data.Entities;
using Station.Data.Ledger;

namespace Station.Data.Tests;

/// <summary>
/// Ledger records of every type, built directly (not through the recorder) as one valid chain:
/// for each type one sample with every column set and one with every nullable column null, with
/// text that is long, non-ASCII or quoted, times with and without a fraction, device values at
/// both ends of their range, every enum value; plus enough step attempts to need several INSERT
/// statements. The same call always gives the same content.
/// </summary>
internal static class SampleRecords
{
    public const int BulkStepAttempts = 700;

    private static readonly DateTime Base = new(2026, 5, 6, 7, 8, 9, DateTimeKind.Utc);
    private static readonly string Long = LongText();

    public static List<LedgerRecord> All(string stationId)
    {
        var session = Id(1);
        var run = Id(2);
        var intent = Id(3);
        var records = new List<LedgerRecord>
        {
            new StationSessionRecord { SessionId = session, ToolVersion = "1.2.3+abc", HostName = "line-3-station-7.example" },
            new StationSessionRecord { SessionId = Id(4), ToolVersion = "ü", HostName = new string('h', 128) },
            new RunStartedRecord
            {
                RunId = run, SessionId = session, Slot = "slot 1", Operator = "Zoë O'Neill", RecipeName = "rt1064 – evk",
                RecipeVersion = "7", RecipeSha256 = Bytes(32, 0x11), FlashloaderVersion = "ivt_flashloader 1.0",
                ToolVersion = "1.2.3", SerialNumber = "SN-000001", StartedAt = Base.AddTicks(1_234_560),
            },
            new RunStartedRecord
            {
                RunId = Id(5), SessionId = session, Slot = new string('s', 64), Operator = null, RecipeName = new string('r', 128),
                RecipeVersion = "1", RecipeSha256 = Bytes(32, 0xFF), FlashloaderVersion = null, ToolVersion = "1",
                SerialNumber = null, StartedAt = Base,
            },
            new UnitIdentifiedRecord { RunId = run, ChipUid = "E0AD0000000000A5", SerialNumber = "SN-000001", FlashloaderVersion = "K3.1.0" },
            new UnitIdentifiedRecord { RunId = Id(5), ChipUid = new string('c', 64), SerialNumber = null, FlashloaderVersion = null },
            new StepAttemptRecord
            {
                RunId = run, StepName = "flash-erase", Attempt = 1, StartedAt = Base.AddTicks(10), EndedAt = Base.AddSeconds(2).AddTicks(1_200_000),
                Result = StepResult.Failed, DeviceStatus = 4_294_967_295, RetryReason = "kStatus_FlexSPINOR_CommandFailure: retry", Message = Long,
            },
            new StepAttemptRecord
            {
                RunId = run, StepName = "flash-erase", Attempt = int.MaxValue, StartedAt = Base, EndedAt = Base,
                Result = StepResult.Skipped, DeviceStatus = null, RetryReason = null, Message = null,
            },
            new FuseIntentRecord
            {
                IntentId = intent, RunId = run, ChipUid = "E0AD0000000000A5", FuseIndex = 0x18, FuseName = "SRK0",
                RequestedValue = 0xDEAD_BEEF, Mask = 0xFFFF_FFFF, ValueBefore = 0, ApprovalReference = "APPROVAL-7 ✓",
            },
            new FuseIntentRecord
            {
                IntentId = Id(6), RunId = run, ChipUid = "E0AD0000000000A5", FuseIndex = 0, FuseName = "CFG5",
                RequestedValue = 0, Mask = 0, ValueBefore = 4_294_967_295, ApprovalReference = null,
            },
            new FuseResultRecord
            {
                IntentId = intent, RunId = run, ChipUid = "E0AD0000000000A5", FuseIndex = 0x18, Outcome = FuseOutcome.AlreadyProgrammed,
                ValueAfter = 0xDEAD_BEEF, Verified = true, DeviceStatus = 0, Message = "already there",
            },
            new FuseResultRecord
            {
                IntentId = Id(6), RunId = run, ChipUid = "E0AD0000000000A5", FuseIndex = 0, Outcome = FuseOutcome.ReRead,
                ValueAfter = null, Verified = false, DeviceStatus = null, Message = null,
            },
            new ImageWriteRecord
            {
                RunId = run, Memory = "flexspi-nor", Address = 0xFFFF_FFFF, Length = 123_456_789_012, ImageSha256 = Bytes(32, 0x42), ReadBackSha256 = Bytes(32, 0x43),
            },
            new ImageWriteRecord { RunId = run, Memory = "ram", Address = 0, Length = 0, ImageSha256 = Bytes(32, 0), ReadBackSha256 = null },
            new LogLineRecord { RunId = run, LoggedAt = Base.AddTicks(70), Level = "information", Message = Long },
            new LogLineRecord { RunId = null, LoggedAt = Base, Level = "warning", Message = "" },
            new RunEndedRecord
            {
                RunId = run, EndedAt = Base.AddMinutes(1).AddTicks(990), Outcome = RunOutcome.Quarantined, FailureClass = "device-permanent",
                DeviceStatus = 20_106, Attempts = 30, Message = "quarantined: erase keeps failing",
            },
            new RunEndedRecord
            {
                RunId = Id(5), EndedAt = Base, Outcome = RunOutcome.Interrupted, FailureClass = null, DeviceStatus = null, Attempts = 0, Message = null,
            },
        };

        // Every enum value at least once.
        foreach (var outcome in Enum.GetValues<RunOutcome>())
        {
            records.Add(new RunEndedRecord { RunId = Id(100 + (int)outcome), EndedAt = Base, Outcome = outcome, Attempts = 1 });
        }

        foreach (var outcome in Enum.GetValues<FuseOutcome>())
        {
            records.Add(new FuseResultRecord { IntentId = intent, RunId = run, ChipUid = "u", FuseIndex = 1, Outcome = outcome, Verified = true });
        }

        // Enough rows of one table for several statements, interleaved with other tables.
        for (var i = 0; i < BulkStepAttempts; i++)
        {
            records.Add(new StepAttemptRecord
            {
                RunId = run, StepName = $"step-{i % 10}", Attempt = i / 10 + 1, StartedAt = Base.AddTicks(i * 10L), EndedAt = Base.AddTicks(i * 20L),
                Result = Enum.GetValues<StepResult>()[i % 4], DeviceStatus = i % 3 == 0 ? null : i, Message = i % 2 == 0 ? null : $"attempt {i}",
            });
            if (i % 100 == 0)
            {
                records.Add(new LogLineRecord { RunId = run, LoggedAt = Base, Level = "debug", Message = $"progress {i}" });
            }
        }

        var previous = new byte[LedgerHash.Length];
        for (var i = 0; i < records.Count; i++)
        {
            var record = records[i];
            record.StationId = stationId;
            record.Sequence = i + 1;
            record.RecordedAt = Base.AddTicks(i * 10L);
            record.PreviousHash = previous;
            record.Hash = LedgerHash.Compute(record);
            previous = record.Hash;
        }

        return records;
    }

    /// <summary>16 384 characters (the recorder's limit for a message), mixed scripts, an emoji, quotes and a backslash.</summary>
    private static string LongText()
    {
        var text = string.Concat(Enumerable.Repeat("Prüfplatz Ω – 試験 🚀 O'Brien \"quoted\" back\\slash; ", 400));
        var length = char.IsHighSurrogate(text[16_383]) ? 16_383 : 16_384;
        return text[..length];
    }

    private static Guid Id(int n) => new($"018f0000-0000-7000-8000-{n:D12}");

    private static byte[] Bytes(int length, byte value) => Enumerable.Repeat(value, length).ToArray();
}
