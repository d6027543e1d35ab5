namespace Station.Host.Contracts;

/// <summary>A unit in the search: its newest matching run.</summary>
internal sealed record UnitListItemDto(string? SerialNumber, string? ChipUid, string LastOutcome, DateTimeOffset LastRunAt, RecipeRefDto Recipe);
