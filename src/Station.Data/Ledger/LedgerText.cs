using System.Globalization;
using Station.Data.Entities;

namespace Station.Data.Ledger;

/// <summary>
/// The canonical text of every value type the ledger hashes. The same text is what the database
/// stores for enums and what the export writes, so a record can be checked from either.
/// </summary>
public static class LedgerText
{
    private const string TimeFormat = "yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'";

    public static string Of(long value) => value.ToString(CultureInfo.InvariantCulture);

    public static string? Of(long? value) => value?.ToString(CultureInfo.InvariantCulture);

    public static string Of(bool value) => value ? "true" : "false";

    public static string Of(Guid value) => value.ToString("D");

    public static string? Of(Guid? value) => value?.ToString("D");

    /// <summary>UTC, always six fraction digits: the database keeps microseconds, so that is all we hash.</summary>
    public static string Of(DateTime value) => value.ToString(TimeFormat, CultureInfo.InvariantCulture);

    public static string Of(byte[] value) => Convert.ToHexStringLower(value);

    public static string? OfNullable(byte[]? value) => value is null ? null : Convert.ToHexStringLower(value);

    public static string Of(RunOutcome value) => value switch
    {
        RunOutcome.Passed => "passed",
        RunOutcome.Failed => "failed",
        RunOutcome.Quarantined => "quarantined",
        RunOutcome.Interrupted => "interrupted",
        RunOutcome.Cancelled => "cancelled",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown run outcome."),
    };

    public static string Of(StepResult value) => value switch
    {
        StepResult.Passed => "passed",
        StepResult.Failed => "failed",
        StepResult.Cancelled => "cancelled",
        StepResult.Skipped => "skipped",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown step result."),
    };

    public static string Of(FuseOutcome value) => value switch
    {
        FuseOutcome.Burned => "burned",
        FuseOutcome.Failed => "failed",
        FuseOutcome.AlreadyProgrammed => "already_programmed",
        FuseOutcome.ReRead => "reread",
        _ => throw new ArgumentOutOfRangeException(nameof(value), value, "Unknown fuse outcome."),
    };

    public static RunOutcome ParseRunOutcome(string text) => text switch
    {
        "passed" => RunOutcome.Passed,
        "failed" => RunOutcome.Failed,
        "quarantined" => RunOutcome.Quarantined,
        "interrupted" => RunOutcome.Interrupted,
        "cancelled" => RunOutcome.Cancelled,
        _ => throw new FormatException($"'{text}' is not a run outcome."),
    };

    public static StepResult ParseStepResult(string text) => text switch
    {
        "passed" => StepResult.Passed,
        "failed" => StepResult.Failed,
        "cancelled" => StepResult.Cancelled,
        "skipped" => StepResult.Skipped,
        _ => throw new FormatException($"'{text}' is not a step result."),
    };

    public static FuseOutcome ParseFuseOutcome(string text) => text switch
    {
        "burned" => FuseOutcome.Burned,
        "failed" => FuseOutcome.Failed,
        "already_programmed" => FuseOutcome.AlreadyProgrammed,
        "reread" => FuseOutcome.ReRead,
        _ => throw new FormatException($"'{text}' is not a fuse outcome."),
    };
}
