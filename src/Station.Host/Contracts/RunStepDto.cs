namespace Station.Host.Contracts;

/// <summary>The hub's <c>runStep</c>: a step attempt started, succeeded or failed.</summary>
internal sealed record RunStepDto(
    Guid RunId, string Slot, string Step, int Attempt, string Status, string? RetryReason, string? FailureClass, long? DeviceStatus,
    string? Reason, double? DurationSeconds, DateTimeOffset At, long Seq);
