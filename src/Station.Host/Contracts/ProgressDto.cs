namespace Station.Host.Contracts;

/// <summary>Bytes moved by the current step.</summary>
internal sealed record ProgressDto(string Step, long Bytes, long Total, double BytesPerSecond, double ElapsedSeconds);
