namespace Station.Data.Entities;

/// <summary>How a run ended (stored as lower-case text: passed, failed, …).</summary>
public enum RunOutcome
{
    Passed,
    Failed,
    Quarantined,
    Interrupted,
    Cancelled,
}
