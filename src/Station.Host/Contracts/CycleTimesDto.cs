namespace Station.Host.Contracts;

/// <summary>A histogram of passed runs' cycle times.</summary>
internal sealed record CycleTimesDto(double BucketSeconds, IReadOnlyList<CycleTimeBucketDto> Buckets);
