namespace Station.Benchmarks.Database;

/// <summary>Garbage collections and their pauses since it was started: they explain a phase's slowest calls.</summary>
internal readonly record struct GcWatch(int Collections, TimeSpan Pause)
{
    public static GcWatch Start() => new(GC.CollectionCount(0), GC.GetTotalPauseDuration());

    /// <summary>Collections (any generation counts in gen 0) and total pause since <see cref="Start"/>.</summary>
    public GcWatch Elapsed() => new(GC.CollectionCount(0) - Collections, GC.GetTotalPauseDuration() - Pause);
}
