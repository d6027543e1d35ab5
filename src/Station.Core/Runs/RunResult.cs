namespace Station.Core.Runs;

/// <summary>How one run ended, for the caller and the summary (the events hold the detail).</summary>
public sealed record RunResult(
    Guid RunId,
    string Slot,
    RunOutcome Outcome,
    FailureClass? Failure,
    RunStep? FailedStep,
    uint? DeviceStatus,
    string? Reason,
    string? OperatorAction,
    string? ChipUid,
    string? SerialNumber,
    TimeSpan Duration,
    int Attempts,
    int FuseWordsBurned,
    TimeSpan? HandOver);
