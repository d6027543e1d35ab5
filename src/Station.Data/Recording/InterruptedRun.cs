namespace Station.Data.Recording;

/// <summary>
/// A run recovery ended as interrupted, with the ids of its fuse intents that have no result
/// (words the run may or may not have burned).
/// </summary>
public sealed record InterruptedRun(Guid RunId, string Slot, string? ChipUid, IReadOnlyList<Guid> UnresolvedFuseIntents);
