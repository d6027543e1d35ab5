namespace Station.Data.Ledger;

/// <summary>Times as the ledger keeps them: UTC, cut to whole microseconds (PostgreSQL's precision).</summary>
public static class LedgerTime
{
    public static DateTime Truncate(DateTimeOffset value)
    {
        var utc = value.UtcDateTime;
        return new DateTime(utc.Ticks - (utc.Ticks % (TimeSpan.TicksPerMillisecond / 1000)), DateTimeKind.Utc);
    }
}
