namespace Station.Data.Export;

/// <summary>
/// One run of a unit with every record that belongs to it (its own rows, and results of its fuse
/// intents written by later runs), ordered by time and chain position. <see cref="Outcome"/> is null
/// while the run has no end.
/// </summary>
public sealed record RunExport(
    Guid RunId,
    string StationId,
    string Slot,
    string? SerialNumber,
    string? ChipUid,
    DateTime StartedAt,
    DateTime? EndedAt,
    string? Outcome,
    IReadOnlyList<ExportedRecord> Records);
