namespace Station.Host.Contracts;

/// <summary>
/// A run's full record (docs/API.md RunDetail): who, what, when, every step attempt, fuse words,
/// images and the log, plus who asked for it and the fuse-burn approval it carried.
/// </summary>
internal sealed record RunDetailDto(
    Guid RunId,
    string Slot,
    RecipeRefDto Recipe,
    string? SerialNumber,
    string? ChipUid,
    string? Operator,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    RunResultDto? Result,
    IReadOnlyList<StepRecordDto> Steps,
    IReadOnlyList<FuseRecordDto> Fuses,
    IReadOnlyList<ImageRecordDto> Images,
    IReadOnlyList<LogLineDto> Log,
    string? RequestedBy,
    string? ApprovedBy);
