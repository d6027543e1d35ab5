namespace Station.Host.Contracts;

/// <summary>The hub's <c>runEnded</c>: a RunResult plus the slot and its sequence number.</summary>
internal sealed record RunEndedDto(
    Guid RunId, string Outcome, string? FailureClass, string? FailedStep, long? DeviceStatus, string? Reason, string? OperatorAction,
    string? SerialNumber, string? ChipUid, double DurationSeconds, DateTimeOffset EndedAt, string Slot, long Seq)
{
    public static RunEndedDto From(RunResultDto r, string slot, long seq) => new(
        r.RunId, r.Outcome, r.FailureClass, r.FailedStep, r.DeviceStatus, r.Reason, r.OperatorAction, r.SerialNumber, r.ChipUid,
        r.DurationSeconds, r.EndedAt, slot, seq);
}
