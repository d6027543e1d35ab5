namespace Station.Simulator;

/// <summary>A fault the simulator injected.</summary>
/// <param name="Kind">What was injected.</param>
/// <param name="Occurrence">The 1-based operation number of that kind on this board.</param>
/// <param name="Detail">What it hit, e.g. the address of the failing page.</param>
public sealed record InjectedFault(FaultKind Kind, int Occurrence, string Detail);
