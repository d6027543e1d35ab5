namespace Station.Benchmarks.Database;

/// <summary>One phase of the db benchmark.</summary>
/// <param name="Name">What the phase does.</param>
/// <param name="Units">Units recorded in it.</param>
/// <param name="Delivery">The delivery batches it caused (null when the database was unreachable).</param>
/// <param name="Wall">From its first record to the last one in the database (null when not measured).</param>
/// <param name="Calls">The recording calls on the runs' path (null when nothing was recorded in the phase).</param>
internal sealed record PhaseResult(string Name, int Units, DeliverySnapshot? Delivery, TimeSpan? Wall, CallTimes? Calls)
{
    /// <summary>Per unit: from its first event to its last record in the database.</summary>
    public CallTimes.Distribution? UnitLatency { get; init; }

    /// <summary>From the first record to the last one in the journal.</summary>
    public TimeSpan? Journaled { get; init; }

    /// <summary>The database was reachable at the phase's end (false for the outage phase, as intended).</summary>
    public bool? DatabaseReachable { get; init; }

    /// <summary>Garbage collections during the phase and their total pause.</summary>
    public GcWatch Gc { get; init; }

    public TimeSpan? DatabaseTimePerUnit => Delivery is null ? null : Delivery.Time / Units;

    public double? UnitsPerMinute => Wall is { } wall && wall > TimeSpan.Zero ? Units / wall.TotalMinutes : null;
}
