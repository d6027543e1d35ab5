namespace Station.Host.Contracts;

/// <summary>Runs whose cycle time is in [from, from + bucketSeconds).</summary>
internal sealed record CycleTimeBucketDto(double From, int Count);
