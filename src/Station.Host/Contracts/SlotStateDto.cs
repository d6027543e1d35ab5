namespace Station.Host.Contracts;

/// <summary>
/// A slot as docs/API.md's SlotState: its board, state, run, progress and last result, when the host
/// last changed it (<paramref name="At"/>), with the slot's sequence number.
/// </summary>
internal sealed record SlotStateDto(
    string Slot, string PortPath, BoardDto? Board, string State, string? Step, Guid? RunId, string? SerialNumber,
    ProgressDto? Progress, RunResultDto? LastResult, DateTimeOffset At, long Seq);
