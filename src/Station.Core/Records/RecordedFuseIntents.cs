using Station.Core.Fuses;
using Station.Data.Queries;

namespace Station.Core.Records;

/// <summary>The unresolved fuse intents of a unit, from the station's records (across stations).</summary>
public sealed class RecordedFuseIntents(RecordQueries queries) : IUnresolvedFuseIntents
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<PendingFuseIntent>> ForUnitAsync(string chipUid, CancellationToken cancellationToken)
    {
        var intents = await queries.GetUnresolvedFuseIntentsAsync(chipUid, cancellationToken);
        return [.. intents.Select(i => new PendingFuseIntent(i.IntentId, (uint)i.FuseIndex, i.FuseName, i.RequestedValue, i.Mask))];
    }
}
