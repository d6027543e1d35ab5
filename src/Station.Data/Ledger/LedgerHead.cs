namespace Station.Data.Ledger;

/// <summary>The newest record of a station's chain: its sequence number and hash.</summary>
public sealed record LedgerHead(long Sequence, byte[] Hash)
{
    public override string ToString() => $"{Sequence}:{Convert.ToHexStringLower(Hash)}";
}
