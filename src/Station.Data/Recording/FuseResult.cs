using Station.Data.Entities;

namespace Station.Data.Recording;

/// <summary>
/// The completion of a fuse intent: <paramref name="IntentId"/> is what
/// <see cref="RunRecorder.RecordFuseIntentAsync"/> returned, or, when a later run re-reads the word of
/// an interrupted burn, the id from <see cref="Queries.UnresolvedFuseIntent"/> (outcome ReRead).
/// </summary>
public sealed record FuseResult(Guid IntentId, int FuseIndex, FuseOutcome Outcome, bool Verified)
{
    /// <summary>The word as read back.</summary>
    public uint? ValueAfter { get; init; }

    public uint? DeviceStatus { get; init; }

    public string? Message { get; init; }
}
