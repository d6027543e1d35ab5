namespace Station.Data.Ledger;

/// <summary>One content field of a ledger record, in its canonical text form (null stays null).</summary>
public readonly record struct LedgerField(string Name, string? Value);
