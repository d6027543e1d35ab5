namespace Station.Data.Export;

/// <summary>
/// Which runs to export: by serial number, by chip UID, by start time in [<see cref="From"/>,
/// <see cref="To"/>), or any combination (all given criteria must hold). At least one is required.
/// </summary>
public sealed record UnitRecordQuery
{
    public string? SerialNumber { get; init; }

    public string? ChipUid { get; init; }

    /// <summary>Runs started at or after this instant (UTC).</summary>
    public DateTimeOffset? From { get; init; }

    /// <summary>Runs started before this instant (UTC).</summary>
    public DateTimeOffset? To { get; init; }

    internal void Validate()
    {
        if (SerialNumber is null && ChipUid is null && From is null && To is null)
        {
            throw new ArgumentException("Give a serial number, a chip UID or a date range.");
        }

        if (From is not null && To is not null && To <= From)
        {
            throw new ArgumentException("The date range is empty (To is not after From).");
        }
    }
}
