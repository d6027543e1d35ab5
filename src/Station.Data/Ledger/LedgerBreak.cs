namespace Station.Data.Ledger;

/// <summary>The first broken link of a station's chain.</summary>
/// <param name="Kind">What is wrong.</param>
/// <param name="Table">The table of the offending row (null when the row is missing altogether).</param>
/// <param name="Sequence">The sequence number where the chain breaks.</param>
/// <param name="Description">The break in words, for the operator and QA.</param>
public sealed record LedgerBreak(LedgerBreakKind Kind, string? Table, long Sequence, string Description)
{
    public override string ToString() => $"{Kind} at {Table ?? "(no table)"} sequence {Sequence}: {Description}";
}
