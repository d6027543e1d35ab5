namespace Station.Host.Contracts;

/// <summary>One step attempt of a run; <c>succeeded</c> is null while it runs.</summary>
internal sealed record StepRecordDto(
    string Step, int Attempt, DateTimeOffset StartedAt, double? DurationSeconds, bool? Succeeded, string? FailureClass, long? DeviceStatus,
    string? Reason, string? RetryReason);
