namespace Station.Core.Runs;

/// <summary>Ends a run from inside its pipeline with a decided outcome and an operator-readable diagnosis.</summary>
internal sealed class RunStopException(
    RunOutcome outcome, FailureClass failure, RunStep step, uint? deviceStatus, string reason, string operatorAction, Exception? innerException = null)
    : Exception(reason, innerException)
{
    public RunOutcome Outcome { get; } = outcome;

    public FailureClass Failure { get; } = failure;

    public RunStep Step { get; } = step;

    public uint? DeviceStatus { get; } = deviceStatus;

    public string OperatorAction { get; } = operatorAction;
}
