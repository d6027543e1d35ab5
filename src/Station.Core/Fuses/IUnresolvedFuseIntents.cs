namespace Station.Core.Fuses;

/// <summary>
/// Fuse intents stored without a result: the station stopped (crash, kill, power loss) between
/// storing an intent and storing what the burn did. The unit's next run re-reads those words and
/// records what they hold, which resolves them.
/// </summary>
public interface IUnresolvedFuseIntents
{
    /// <summary>The unresolved intents of the unit with <paramref name="chipUid"/>, oldest first.</summary>
    Task<IReadOnlyList<PendingFuseIntent>> ForUnitAsync(string chipUid, CancellationToken cancellationToken);
}

/// <summary>A fuse burn that was intended and never confirmed.</summary>
/// <param name="IntentId">The intent's record.</param>
/// <param name="Index">The fuse word.</param>
/// <param name="Name">Its name.</param>
/// <param name="RequestedValue">What the burn was to reach.</param>
/// <param name="Mask">The bits that mattered.</param>
public sealed record PendingFuseIntent(Guid IntentId, uint Index, string Name, uint RequestedValue, uint Mask);
