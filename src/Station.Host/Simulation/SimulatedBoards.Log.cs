namespace Station.Host.Simulation;

internal sealed partial class SimulatedBoards
{
    private static partial class Log
    {
        [LoggerMessage(HostEventIds.SimulatedBoardPlugged, LogLevel.Information, "Simulated board {Board} plugged into {Slot} (faults: {Faults})")]
        public static partial void Plugged(ILogger logger, string board, string slot, string faults);

        [LoggerMessage(HostEventIds.SimulatedBoardUnplugged, LogLevel.Information, "Simulated board {Board} unplugged from {Slot}")]
        public static partial void Unplugged(ILogger logger, string board, string slot);
    }
}
