namespace Station.Simulator;

/// <summary>When one <see cref="FaultKind"/> fires.</summary>
/// <param name="Kind">The fault.</param>
/// <param name="Probability">Chance per operation, 0 to 1 (0 = only on <paramref name="Occurrences"/>).</param>
/// <param name="Occurrences">1-based operation numbers on which it always fires.</param>
public sealed record FaultRule(FaultKind Kind, double Probability, IReadOnlySet<int> Occurrences);
