namespace Station.Host.Contracts;

/// <summary>The station's hash chain checked: intact or its first broken link.</summary>
internal sealed record LedgerVerifyDto(bool Ok, long Records, string StationId, string? Head, bool Anchored, LedgerBreakDto? FirstBroken);
