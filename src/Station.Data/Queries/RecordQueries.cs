using Microsoft.EntityFrameworkCore;

namespace Station.Data.Queries;

/// <summary>The questions Core asks of the record while it works (reads only; every station's records).</summary>
public sealed class RecordQueries(IDbContextFactory<StationDbContext> databases)
{
    /// <summary>
    /// The unit's fuse intents without a result, at any station, oldest first. Ask before burning: a
    /// non-empty answer means an earlier run stopped mid-burn, so re-read those words first.
    /// It reads the database: records still in a station's journal (database unreachable) are not
    /// seen, and a database failure is thrown, never answered as "none" (docs/DATA.md).
    /// </summary>
    public async Task<IReadOnlyList<UnresolvedFuseIntent>> GetUnresolvedFuseIntentsAsync(string chipUid, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chipUid);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var intents = await db.FuseIntents.AsNoTracking()
            .Where(i => i.ChipUid == chipUid && !db.FuseResults.Any(r => r.IntentId == i.IntentId))
            .OrderBy(i => i.RecordedAt)
            .ThenBy(i => i.Sequence)
            .ToListAsync(cancellationToken);
        return intents
            .Select(i => new UnresolvedFuseIntent(
                i.IntentId, i.RunId, i.StationId, i.ChipUid, i.FuseIndex, i.FuseName,
                (uint)i.RequestedValue, (uint)i.Mask, (uint)i.ValueBefore, i.RecordedAt))
            .ToList();
    }

    /// <summary>Does the unit have a fuse intent without a result (see <see cref="GetUnresolvedFuseIntentsAsync"/>)?</summary>
    public async Task<bool> HasUnresolvedFuseIntentAsync(string chipUid, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chipUid);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.FuseIntents
            .AnyAsync(i => i.ChipUid == chipUid && !db.FuseResults.Any(r => r.IntentId == i.IntentId), cancellationToken);
    }

    /// <summary>Runs of <paramref name="stationId"/> with a start and no end (in progress, or not yet recovered).</summary>
    public async Task<IReadOnlyList<Guid>> GetOpenRunsAsync(string stationId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stationId);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.RunStarts.AsNoTracking()
            .Where(r => r.StationId == stationId && !db.RunEnds.Any(e => e.RunId == r.RunId))
            .OrderBy(r => r.Sequence)
            .Select(r => r.RunId)
            .ToListAsync(cancellationToken);
    }
}
