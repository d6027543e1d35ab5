namespace Station.Data.Entities;

/// <summary>How one attempt of one step ended (stored as lower-case text).</summary>
public enum StepResult
{
    Passed,
    Failed,
    Cancelled,
    Skipped,
}
