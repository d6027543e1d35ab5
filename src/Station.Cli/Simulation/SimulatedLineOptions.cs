using Station.Core.Runs;
using Station.Simulator;

namespace Station.Cli.Simulation;

/// <summary>How a simulated line runs.</summary>
/// <param name="Units">Boards to provision in all.</param>
/// <param name="Slots">Slots on the simulated hub, all running at once.</param>
/// <param name="Timing">Instant (tests) or realistic (benchmarks) device timing.</param>
/// <param name="Faults">The fault plan every board gets (each with its own seed).</param>
/// <param name="FuseApproval">The approval runs carry, when fuse burning is allowed.</param>
/// <param name="ConcurrentFuseBurns">The station-wide limit on concurrent burns.</param>
internal sealed record SimulatedLineOptions(
    int Units, int Slots, SimulatorTiming Timing, FaultPlan Faults, FuseBurnApproval? FuseApproval, int ConcurrentFuseBurns = 2);
