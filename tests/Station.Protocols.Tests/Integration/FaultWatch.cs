using Station.Simulator;
using Station.Testing;

namespace Station.Protocols.Tests.Integration;

/// <summary>Waits for a simulated board to inject a fault (raised once its effect, e.g. a stall timer, is armed).</summary>
internal static class FaultWatch
{
    public static Task SeenAsync(SimulatedBoard board, FaultKind kind)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        board.FaultInjected += (_, fault) =>
        {
            if (fault.Kind == kind)
            {
                seen.TrySetResult();
            }
        };
        return seen.Task.WaitAsync(TestTimeouts.Unexpected);
    }

    /// <summary>Board options with a fault spec, for a board named so its seeded draws repeat.</summary>
    public static SimulatedBoardOptions Options(string faults, TimeProvider? time = null, HabState hab = HabState.Open) => new()
    {
        Name = "faulty",
        Faults = FaultPlan.Parse(faults),
        TimeProvider = time ?? TimeProvider.System,
        Hab = hab,
    };
}
