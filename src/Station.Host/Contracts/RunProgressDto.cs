namespace Station.Host.Contracts;

/// <summary>The hub's <c>runProgress</c> (throttled per slot).</summary>
internal sealed record RunProgressDto(
    Guid RunId, string Slot, string Step, long Bytes, long Total, double BytesPerSecond, double ElapsedSeconds, DateTimeOffset At, long Seq);
