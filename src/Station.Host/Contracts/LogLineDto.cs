namespace Station.Host.Contracts;

/// <summary>A line of a run's log.</summary>
internal sealed record LogLineDto(DateTimeOffset At, string Level, string Message);
