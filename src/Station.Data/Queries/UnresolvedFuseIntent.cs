namespace Station.Data.Queries;

/// <summary>
/// A fuse intent that never got a result: the station stopped between recording the intent and
/// recording the burn's outcome, so the word may or may not be burned. Re-read it before burning
/// anything on this unit, then record a result with this <see cref="IntentId"/> (outcome ReRead).
/// </summary>
public sealed record UnresolvedFuseIntent(
    Guid IntentId,
    Guid RunId,
    string StationId,
    string ChipUid,
    int FuseIndex,
    string FuseName,
    uint RequestedValue,
    uint Mask,
    uint ValueBefore,
    DateTime RecordedAt);
