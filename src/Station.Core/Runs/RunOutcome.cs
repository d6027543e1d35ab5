namespace Station.Core.Runs;

/// <summary>How a run ended (DESIGN.md Data).</summary>
public enum RunOutcome
{
    /// <summary>Everything written, verified and burned as the recipe says.</summary>
    Passed,

    /// <summary>Stopped with an operator-readable reason; the unit may be retried after the operator acts.</summary>
    Failed,

    /// <summary>The recovery ladder ran out: the unit is set aside with a diagnosis.</summary>
    Quarantined,

    /// <summary>The station stopped (crash, kill) while the run was in progress; marked on restart.</summary>
    Interrupted,

    /// <summary>Cancelled by an operator or the MES.</summary>
    Cancelled,
}
