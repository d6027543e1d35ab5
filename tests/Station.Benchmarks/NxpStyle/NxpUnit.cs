namespace Station.Benchmarks.NxpStyle;

/// <summary>One unit of the NXP-style flow.</summary>
/// <param name="Cycle">From the first command's start to the reset command's exit.</param>
/// <param name="DeviceBound">The simulator's device-bound seconds, the re-enumeration after the final reset left out.</param>
/// <param name="Device">The simulator's device time by category, in seconds, as it printed them.</param>
/// <param name="Walls">Each step's wall time (a process from start to exit, or the fixed wait), in order.</param>
/// <param name="CommandsCpu">CPU time (user + system) of all the unit's command processes together.</param>
internal sealed record NxpUnit(
    TimeSpan Cycle, double DeviceBound, IReadOnlyDictionary<string, double> Device, IReadOnlyList<(string Step, TimeSpan Wall)> Walls, TimeSpan CommandsCpu);
