namespace Station.Host.Contracts;

/// <summary>A unit's QA record: every run of it, oldest first.</summary>
internal sealed record UnitRecordDto(string? SerialNumber, string? ChipUid, DateTimeOffset FirstSeen, DateTimeOffset LastSeen, IReadOnlyList<RunDetailDto> Runs);
