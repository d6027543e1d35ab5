namespace Station.Host.Contracts;

/// <summary>Where and how the chain breaks.</summary>
internal sealed record LedgerBreakDto(string Kind, string? Table, long Sequence, string Description);
