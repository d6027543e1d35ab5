namespace Station.Core.Recipes;

/// <summary>The retry and recovery settings of a recipe (DESIGN.md failure classes).</summary>
/// <param name="TransportRetries">How many times a step is repeated on a fresh session after a transport failure.</param>
/// <param name="FlashRetries">How many plain retries a transient flash failure (20106) gets before the ladder climbs.</param>
/// <param name="ReconfigureAtLowerClock">Climb to re-configuring memory with the fallback option words.</param>
/// <param name="ReloadFlashloader">Climb to reset and reload the flashloader through the ROM.</param>
/// <param name="PowerCycle">The last rung before quarantine.</param>
/// <param name="StageTimeout">How long to wait for the board to appear in each stage (ROM, flashloader).</param>
public sealed record RunPolicy(
    int TransportRetries,
    int FlashRetries,
    bool ReconfigureAtLowerClock,
    bool ReloadFlashloader,
    PowerCycleMode PowerCycle,
    TimeSpan StageTimeout)
{
    /// <summary>The defaults a recipe gets for anything its policy section leaves out.</summary>
    public static RunPolicy Default { get; } = new(3, 1, true, true, PowerCycleMode.None, TimeSpan.FromSeconds(10));
}

/// <summary>What the station does when only a power cycle can help.</summary>
public enum PowerCycleMode
{
    /// <summary>Ask nothing: quarantine the unit with the diagnosis.</summary>
    None,

    /// <summary>Run the station's configured power-cycle command for the slot.</summary>
    Command,

    /// <summary>Switch the slot's USB hub port power off and on.</summary>
    HubPort,
}
