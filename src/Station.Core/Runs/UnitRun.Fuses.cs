using Station.Core.Fuses;
using Station.Protocols.MBoot;

namespace Station.Core.Runs;

public sealed partial class UnitRun
{
    // An intent published whose result is not yet known (the link failed mid-burn): resolved by
    // the re-read on the next attempt, never by burning again blindly.
    private FuseBurnIntent? _unresolvedIntent;

    /// <summary>
    /// DESIGN.md step 6: read every fuse word the recipe names and classify it. A CONFLICT, or
    /// words to burn with a recipe not approved for burning, stops the unit here, before anything
    /// is written to it.
    /// </summary>
    private async Task<FusePlan> PlanFusesAsync(CancellationToken cancellationToken)
    {
        await ResolveEarlierIntentsAsync(cancellationToken);
        if (_recipe.Fuses.Count == 0)
        {
            return FusePlan.Classify([], new Dictionary<uint, uint>());
        }

        FusePlan? plan = null;
        await RunUnitAsync(RunStep.PlanFuses, async (client, retryReason, token) =>
            plan = await StepAsync(RunStep.PlanFuses, retryReason, async stepToken =>
            {
                var current = new Dictionary<uint, uint>();
                foreach (var request in _recipe.Fuses)
                {
                    current[request.Word.Index] = await client.FlashReadOnceAsync(request.Word.Index, stepToken);
                }

                return FusePlan.Classify(_recipe.Fuses, current);
            }, token), cancellationToken);

        foreach (var word in plan!.Words)
        {
            Publish(new FuseWordPlanned(RunId, Now, word.Request.Word.Index, word.Request.Word.Name, word.Request.Value, word.Request.Mask, word.Current, word.Decision));
        }

        if (plan.HasConflict)
        {
            var conflicts = plan.Words.Where(w => w.Decision == FuseDecision.Conflict).Select(w => w.Describe());
            throw new RunStopException(
                RunOutcome.Failed, FailureClass.FuseConflict, RunStep.PlanFuses, null,
                $"Fuse conflict, nothing was written to the unit: {string.Join(" ", conflicts)}",
                "This unit cannot take this recipe: a fuse is already burned the other way. Hand it to rework, or have an engineer check the recipe's fuse values.");
        }

        if (plan.WritesInBurnOrder.Count > 0 && !(_recipe.MayBurnFuses && _request.FuseApproval is not null))
        {
            var words = string.Join(", ", plan.WritesInBurnOrder.Select(w => w.Request.Word.Name));
            throw new RunStopException(
                RunOutcome.Failed, FailureClass.DevicePermanent, RunStep.PlanFuses, null,
                _recipe.MayBurnFuses
                    ? $"Fuse words {words} need burning but recipe {_recipe.Identity} is not approved for burning; nothing was written to the unit."
                    : $"Fuse words {words} differ from the recipe and the recipe does not allow burning (fuses.burn is false); nothing was written to the unit.",
                $"Ask an engineer to approve recipe {_recipe.Name} v{_recipe.Version} for fuse burning (or to fix its fuse section), then run the unit again.");
        }

        return plan;
    }

    /// <summary>
    /// Issue 5: a fuse intent an earlier run stored without a result (the station died mid-burn) is
    /// flagged for re-read on the unit's next run. Re-read each such word and record what it holds.
    /// Without records, or when they cannot be asked, the run goes on: every burn re-reads first anyway.
    /// </summary>
    private async Task ResolveEarlierIntentsAsync(CancellationToken cancellationToken)
    {
        if (_environment.UnresolvedFuseIntents is not { } ledger || _chipUid is null)
        {
            return;
        }

        IReadOnlyList<PendingFuseIntent> pending;
        try
        {
            pending = await ledger.ForUnitAsync(_chipUid, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            Note($"Could not look up earlier fuse intents of unit {_chipUid} ({exception.Message}); every burn re-reads its word first anyway.");
            return;
        }

        if (pending.Count == 0)
        {
            return;
        }

        await RunUnitAsync(RunStep.PlanFuses, (client, retryReason, token) =>
            StepAsync(RunStep.PlanFuses, retryReason ?? $"{pending.Count} fuse intent(s) of an earlier run have no result: re-reading", async stepToken =>
            {
                foreach (var intent in pending)
                {
                    var value = await client.FlashReadOnceAsync(intent.Index, stepToken);
                    var verified = (value & intent.Mask) == (intent.RequestedValue & intent.Mask);
                    Publish(new FuseIntentResolved(RunId, Now, intent.IntentId, intent.Index, intent.Name, value, verified));
                    Note($"Earlier fuse intent on {intent.Name} (0x{intent.Index:X2}) resolved by re-read: 0x{value:X8}, {(verified ? "burned as intended" : "not as intended")}.");
                }
            }, token), cancellationToken);
    }

    /// <summary>
    /// DESIGN.md step 12: burn the WRITE words in a safe order. Each word is re-read first (a retry
    /// never burns blindly), the intent is published before the burn and the result after, and the
    /// word is read back and compared. At most the station's limit of burns run at once.
    /// </summary>
    private async Task BurnFusesAsync(FusePlan plan, CancellationToken cancellationToken)
    {
        if (plan.WritesInBurnOrder.Count == 0)
        {
            return;
        }

        await _environment.FuseBurns.WaitAsync(cancellationToken);
        try
        {
            await RunUnitAsync(RunStep.BurnFuses, (client, retryReason, token) =>
                StepAsync(RunStep.BurnFuses, retryReason, async stepToken =>
                {
                    foreach (var word in plan.WritesInBurnOrder)
                    {
                        await BurnWordAsync(client, word.Request, stepToken);
                    }
                }, token), cancellationToken);
        }
        catch (MBootCommandException exception)
        {
            throw new RunStopException(
                RunOutcome.Failed, FailureClass.DevicePermanent, RunStep.BurnFuses, (uint)exception.Status,
                $"Burning a fuse failed: {exception.Message}",
                "Hand the unit to rework: its fuses may be partly burned (the record shows every word before and after).",
                exception);
        }
        finally
        {
            _environment.FuseBurns.Release();
        }
    }

    private async Task BurnWordAsync(MBootClient client, FuseRequest request, CancellationToken cancellationToken)
    {
        var word = request.Word;
        var before = await client.FlashReadOnceAsync(word.Index, cancellationToken);
        var now = new FuseWordPlan(request, before);
        if (_unresolvedIntent is { } intent && intent.Index == word.Index)
        {
            // The link failed after the intent; the re-read says what the burn did.
            _unresolvedIntent = null;
            Publish(new FuseBurnResult(RunId, Now, word.Index, word.Name, intent.Before, before, now.Decision == FuseDecision.Matches, null, ResolvedByReRead: true));
        }

        switch (now.Decision)
        {
            case FuseDecision.Matches:
                return;
            case FuseDecision.Conflict:
                throw new RunStopException(
                    RunOutcome.Failed, FailureClass.FuseConflict, RunStep.BurnFuses, null,
                    $"Fuse conflict found on re-read before burning: {now.Describe()}",
                    "Hand the unit to rework: a fuse changed since the plan was made.");
        }

        var burnIntent = new FuseBurnIntent(
            RunId, Now, word.Index, word.Name, request.Value, request.Mask, before, now.BitsToBurn, request.Lock, _request.FuseApproval?.Reference);
        _unresolvedIntent = burnIntent;
        await _environment.Events.PublishDurablyAsync(burnIntent, cancellationToken);
        uint? status = null;
        try
        {
            await client.FlashProgramOnceAsync(word.Index, now.BitsToBurn, request.Lock, cancellationToken);
            _fuseWordsBurned++;
        }
        catch (MBootCommandException exception)
        {
            status = (uint)exception.Status;
        }

        var after = await client.FlashReadOnceAsync(word.Index, cancellationToken);
        var verified = new FuseWordPlan(request, after).Decision == FuseDecision.Matches;
        _unresolvedIntent = null;
        Publish(new FuseBurnResult(RunId, Now, word.Index, word.Name, before, after, verified, status, ResolvedByReRead: false));
        if (!verified)
        {
            throw new RunStopException(
                RunOutcome.Failed, FailureClass.DevicePermanent, RunStep.BurnFuses, status,
                $"Fuse {word.Name} (0x{word.Index:X2}) reads 0x{after:X8} after burning 0x{now.BitsToBurn:X8} onto 0x{before:X8}{(status is null ? string.Empty : $" (status {status})")}.",
                "Hand the unit to rework: the fuse did not take (the record shows the word before and after).");
        }
    }
}
