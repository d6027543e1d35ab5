using Station.Data.Entities;

namespace Station.Data.Recording;

/// <summary>
/// Start-up recovery: runs of earlier sessions without an end are ended as interrupted (a new
/// record; nothing is changed). Their fuse intents without a result stay unresolved on purpose:
/// Core asks <see cref="Queries.RecordQueries.GetUnresolvedFuseIntentsAsync"/> on the unit's next
/// run, re-reads those words and records the result (outcome ReRead).
/// </summary>
public sealed partial class RecordWriter
{
    internal const string InterruptedFailureClass = "interrupted";

    private async Task RecoverAsync(CancellationToken stop)
    {
        var open = await _store.GetOpenRunsAsync(StationId, SessionId, stop);
        var interrupted = new List<InterruptedRun>(open.Count);
        foreach (var run in open)
        {
            var intents = run.UnresolvedIntents;
            var message = intents.Count == 0
                ? "The station stopped during this run; ended at start-up recovery."
                : $"The station stopped during this run with {intents.Count} fuse word(s) between intent and result " +
                  $"({string.Join(", ", intents.Select(i => $"{i.FuseIndex} {i.FuseName}"))}); re-read them on the unit's next run.";
            Enqueue(new RunEndedRecord
            {
                RunId = run.RunId,
                EndedAt = Now(),
                Outcome = RunOutcome.Interrupted,
                FailureClass = InterruptedFailureClass,
                Attempts = run.Attempts,
                Message = message,
            });
            Log.RunInterrupted(_logger, StationId, run.RunId, run.Slot, intents.Count);
            foreach (var intent in intents)
            {
                Log.UnresolvedFuseIntent(_logger, StationId, intent.ChipUid, intent.FuseIndex, intent.FuseName, intent.IntentId);
            }

            interrupted.Add(new InterruptedRun(run.RunId, run.Slot, run.ChipUid, intents.Select(i => i.IntentId).ToList()));
        }

        if (interrupted.Count > 0)
        {
            await FlushAsync(stop);
        }

        _recovery.TrySetResult(new RecoveryReport(interrupted));
    }
}
