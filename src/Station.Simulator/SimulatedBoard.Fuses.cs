namespace Station.Simulator;

public sealed partial class SimulatedBoard
{
    /// <summary>How many efuse-program-once operations each fuse word has taken, for "never burned twice" checks.</summary>
    public IReadOnlyDictionary<int, int> FuseProgramCounts() => Hardware.Fuses.ProgramCounts();
}
