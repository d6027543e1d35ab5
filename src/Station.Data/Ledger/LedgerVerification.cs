namespace Station.Data.Ledger;

/// <summary>The result of checking one station's chain.</summary>
/// <param name="StationId">The station whose chain was checked.</param>
/// <param name="RecordCount">Records checked (up to the first break).</param>
/// <param name="Head">The last record that checked out.</param>
/// <param name="FirstBreak">Null when the chain holds.</param>
public sealed record LedgerVerification(string StationId, long RecordCount, LedgerHead? Head, LedgerBreak? FirstBreak)
{
    public bool IsIntact => FirstBreak is null;
}
