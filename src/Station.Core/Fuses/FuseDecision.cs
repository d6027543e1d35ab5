namespace Station.Core.Fuses;

/// <summary>The classification of one fuse word against what the unit holds (DESIGN.md step 6).</summary>
public enum FuseDecision
{
    /// <summary>The unit already holds the requested bits: nothing to burn.</summary>
    Matches,

    /// <summary>Some requested 1 bits are still 0: they can be burned.</summary>
    Write,

    /// <summary>A requested 0 is already burned to 1: the unit can never match. Stop before writing anything.</summary>
    Conflict,
}
