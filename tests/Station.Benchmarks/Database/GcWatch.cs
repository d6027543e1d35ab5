namespace Station.Benchmarks.Database;

/// <summary>Garbage collections and their pauses since it was started: they explain a phase's slowest calls.</summary>
internal readonly record struct GcWatch(int Collections, int FullCollections, TimeSpan Pause)
{
    public static GcWatch Start() => new(GC.CollectionCount(0), GC.CollectionCount(2), GC.GetTotalPauseDuration());

    /// <summary>Collections (every one counts in gen 0), full (gen 2) ones, and the total pause since <see cref="Start"/>.</summary>
    public GcWatch Elapsed() => new(GC.CollectionCount(0) - Collections, GC.CollectionCount(2) - FullCollections, GC.GetTotalPauseDuration() - Pause);
}
