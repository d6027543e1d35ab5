using Station.Core.Runs;

namespace Station.Cli.Simulation;

/// <summary>One provisioned simulated unit: the run's result, the board's device-bound time, and its fuse program counts.</summary>
/// <param name="Result">How the run ended.</param>
/// <param name="DeviceBound">What the simulator's timing model says the board's own work took.</param>
/// <param name="FuseProgramCounts">Program operations per fuse word index, as the simulated OTP saw them.</param>
internal sealed record SimulatedUnit(RunResult Result, TimeSpan DeviceBound, IReadOnlyDictionary<int, int> FuseProgramCounts);
