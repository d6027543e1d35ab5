namespace Station.Data.Ledger;

/// <summary>What is wrong at the first broken link of a chain.</summary>
public enum LedgerBreakKind
{
    /// <summary>A sequence number is absent from every table: a row was deleted (or renumbered).</summary>
    Missing,

    /// <summary>Two rows carry the same sequence number.</summary>
    Duplicate,

    /// <summary>A row's previous_hash is not the hash of the row before it: a row was replaced or re-hashed.</summary>
    LinkBroken,

    /// <summary>A row's content does not hash to its hash: it was edited after it was written.</summary>
    ContentChanged,

    /// <summary>The record at the anchor's sequence has another hash than the anchor.</summary>
    AnchorMismatch,

    /// <summary>The chain ends before the anchor's sequence: newest records were removed (or not delivered yet).</summary>
    Truncated,
}
