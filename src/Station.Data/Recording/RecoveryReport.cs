namespace Station.Data.Recording;

/// <summary>
/// What start-up recovery found: runs an earlier session left without an end (now ended as
/// interrupted) and, among them, fuse intents without a result (to re-read on the unit's next run).
/// </summary>
public sealed record RecoveryReport(IReadOnlyList<InterruptedRun> InterruptedRuns)
{
    public int UnresolvedFuseIntents => InterruptedRuns.Sum(r => r.UnresolvedFuseIntents.Count);
}
