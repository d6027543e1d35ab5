namespace Station.Host.Contracts;

/// <summary>The hub's <c>runLog</c>: one line of a run's own log.</summary>
internal sealed record RunLogDto(Guid RunId, string Slot, string Level, string Message, DateTimeOffset At, long Seq);
