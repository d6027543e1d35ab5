namespace Station.Host.Contracts;

/// <summary>How a run ended (docs/API.md RunResult); failure fields are null when it passed.</summary>
internal sealed record RunResultDto(
    Guid RunId, string Outcome, string? FailureClass, string? FailedStep, long? DeviceStatus, string? Reason, string? OperatorAction,
    string? SerialNumber, string? ChipUid, double DurationSeconds, DateTimeOffset EndedAt);
