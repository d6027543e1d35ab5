namespace Station.Host.Metrics;

/// <summary>A gauge for /metrics: its name, help text and one value per label set.</summary>
internal sealed record Gauge(string Name, string Help, IReadOnlyList<(IReadOnlyList<(string Name, string Value)> Labels, double Value)> Values);
