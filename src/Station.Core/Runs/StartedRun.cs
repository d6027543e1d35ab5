namespace Station.Core.Runs;

/// <summary>A run the engine accepted.</summary>
/// <param name="RunId">Its identity.</param>
/// <param name="Completion">Ends with the run's result; never faults.</param>
public sealed record StartedRun(Guid RunId, Task<RunResult> Completion);
