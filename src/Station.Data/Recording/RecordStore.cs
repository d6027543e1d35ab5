using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Station.Data.Entities;
using Station.Data.Ledger;

namespace Station.Data.Recording;

/// <summary>The recorder's database side: the chain head, batch inserts, and what recovery needs.</summary>
internal sealed class RecordStore(IDbContextFactory<StationDbContext> databases)
{
    private RecordInserter? _inserter;

    /// <summary>The newest record of <paramref name="stationId"/> in the database (null when it has none).</summary>
    public async Task<LedgerHead?> ReadHeadAsync(string stationId, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        LedgerHead? head = null;
        foreach (var candidate in new[]
        {
            await HeadOfAsync(db.StationSessions, stationId, cancellationToken),
            await HeadOfAsync(db.RunStarts, stationId, cancellationToken),
            await HeadOfAsync(db.UnitIdentifications, stationId, cancellationToken),
            await HeadOfAsync(db.StepAttempts, stationId, cancellationToken),
            await HeadOfAsync(db.FuseIntents, stationId, cancellationToken),
            await HeadOfAsync(db.FuseResults, stationId, cancellationToken),
            await HeadOfAsync(db.ImageWrites, stationId, cancellationToken),
            await HeadOfAsync(db.LogLines, stationId, cancellationToken),
            await HeadOfAsync(db.RunEnds, stationId, cancellationToken),
        })
        {
            if (candidate is not null && (head is null || candidate.Sequence > head.Sequence))
            {
                head = candidate;
            }
        }

        return head;
    }

    /// <summary>
    /// Inserts <paramref name="records"/> in one transaction, through <see cref="RecordInserter"/>
    /// on the context's own connection and transaction (so EF's interceptors and logs still see the
    /// connection, BEGIN and COMMIT).
    /// </summary>
    public async Task InsertAsync(
        IReadOnlyList<LedgerRecord> records, Func<IReadOnlyList<LedgerRecord>, CancellationToken, Task>? beforeCommitAsync,
        CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var inserter = _inserter;
        if (inserter is null || !ReferenceEquals(inserter.Model, db.Model))
        {
            _inserter = inserter = RecordInserter.Create(db);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await inserter.InsertAsync(db.Database.GetDbConnection(), transaction.GetDbTransaction(), records, cancellationToken);
        if (beforeCommitAsync is not null)
        {
            await beforeCommitAsync(records, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>Runs of <paramref name="stationId"/> started by an earlier session that have no end.</summary>
    public async Task<IReadOnlyList<OpenRun>> GetOpenRunsAsync(string stationId, Guid currentSession, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var runs = await db.RunStarts.AsNoTracking()
            .Where(r => r.StationId == stationId && r.SessionId != currentSession && !db.RunEnds.Any(e => e.RunId == r.RunId))
            .OrderBy(r => r.Sequence)
            .Select(r => new
            {
                r.RunId,
                r.Slot,
                Attempts = db.StepAttempts.Count(s => s.RunId == r.RunId),
                ChipUid = db.UnitIdentifications.Where(u => u.RunId == r.RunId).OrderByDescending(u => u.Sequence)
                    .Select(u => u.ChipUid).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        if (runs.Count == 0)
        {
            return [];
        }

        var runIds = runs.Select(r => r.RunId).ToList();
        var intents = await db.FuseIntents.AsNoTracking()
            .Where(i => runIds.Contains(i.RunId) && !db.FuseResults.Any(f => f.IntentId == i.IntentId))
            .OrderBy(i => i.Sequence)
            .ToListAsync(cancellationToken);
        return runs
            .Select(r => new OpenRun(r.RunId, r.Slot, r.ChipUid, r.Attempts, intents.Where(i => i.RunId == r.RunId).ToList()))
            .ToList();
    }

    private static async Task<LedgerHead?> HeadOfAsync<T>(IQueryable<T> records, string stationId, CancellationToken cancellationToken)
        where T : LedgerRecord
    {
        var row = await records.AsNoTracking()
            .Where(r => r.StationId == stationId)
            .OrderByDescending(r => r.Sequence)
            .Select(r => new { r.Sequence, r.Hash })
            .FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : new LedgerHead(row.Sequence, row.Hash);
    }

    /// <summary>A run left without an end by an earlier session, and its fuse intents without a result.</summary>
    internal sealed record OpenRun(Guid RunId, string Slot, string? ChipUid, int Attempts, IReadOnlyList<FuseIntentRecord> UnresolvedIntents);
}
