using Microsoft.EntityFrameworkCore;
using Station.Data.Entities;
using Station.Data.Ledger;

namespace Station.Data.Export;

/// <summary>
/// The per-unit provisioning record for QA: every run of a unit (by serial number, chip UID or
/// date range) with all its records and their ledger hashes, as objects, JSON or CSV
/// (docs/DATA.md, "Export"). Host and CLI expose it; this type only reads.
/// </summary>
public sealed partial class UnitRecordExporter(IDbContextFactory<StationDbContext> databases)
{
    /// <summary>The matching runs, oldest first.</summary>
    public async Task<IReadOnlyList<RunExport>> FindAsync(UnitRecordQuery query, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(query);
        query.Validate();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var runs = db.RunStarts.AsNoTracking();
        if (query.SerialNumber is { } serial)
        {
            runs = runs.Where(r => r.SerialNumber == serial || db.UnitIdentifications.Any(u => u.RunId == r.RunId && u.SerialNumber == serial));
        }

        if (query.ChipUid is { } chipUid)
        {
            runs = runs.Where(r => db.UnitIdentifications.Any(u => u.RunId == r.RunId && u.ChipUid == chipUid));
        }

        if (query.From is { } from)
        {
            var start = LedgerTime.Truncate(from);
            runs = runs.Where(r => r.StartedAt >= start);
        }

        if (query.To is { } to)
        {
            var end = LedgerTime.Truncate(to);
            runs = runs.Where(r => r.StartedAt < end);
        }

        var starts = await runs.OrderBy(r => r.StartedAt).ThenBy(r => r.StationId).ThenBy(r => r.Sequence).ToListAsync(cancellationToken);
        if (starts.Count == 0)
        {
            return [];
        }

        var ids = starts.Select(r => r.RunId).ToList();
        var identities = await db.UnitIdentifications.AsNoTracking().Where(r => ids.Contains(r.RunId)).ToListAsync(cancellationToken);
        var intents = await db.FuseIntents.AsNoTracking().Where(r => ids.Contains(r.RunId)).ToListAsync(cancellationToken);
        var intentIds = intents.Select(i => i.IntentId).ToList();
        var results = await db.FuseResults.AsNoTracking()
            .Where(r => ids.Contains(r.RunId) || intentIds.Contains(r.IntentId)).ToListAsync(cancellationToken);
        var ends = await db.RunEnds.AsNoTracking().Where(r => ids.Contains(r.RunId)).ToListAsync(cancellationToken);
        var byRun = new List<(Guid RunId, LedgerRecord Record)>();
        byRun.AddRange(starts.Select(r => (r.RunId, (LedgerRecord)r)));
        byRun.AddRange(identities.Select(r => (r.RunId, (LedgerRecord)r)));
        byRun.AddRange((await db.StepAttempts.AsNoTracking().Where(r => ids.Contains(r.RunId)).ToListAsync(cancellationToken)).Select(r => (r.RunId, (LedgerRecord)r)));
        byRun.AddRange(intents.Select(r => (r.RunId, (LedgerRecord)r)));
        var intentRuns = intents.ToDictionary(i => i.IntentId, i => i.RunId);
        byRun.AddRange(results.Select(r => (intentRuns.GetValueOrDefault(r.IntentId, r.RunId), (LedgerRecord)r)));
        byRun.AddRange((await db.ImageWrites.AsNoTracking().Where(r => ids.Contains(r.RunId)).ToListAsync(cancellationToken)).Select(r => (r.RunId, (LedgerRecord)r)));
        byRun.AddRange((await db.LogLines.AsNoTracking().Where(r => r.RunId != null && ids.Contains(r.RunId.Value)).ToListAsync(cancellationToken)).Select(r => (r.RunId!.Value, (LedgerRecord)r)));
        byRun.AddRange(ends.Select(r => (r.RunId, (LedgerRecord)r)));
        var recordsOf = byRun.ToLookup(x => x.RunId, x => x.Record);

        return starts.Select(start =>
        {
            var identity = identities.Where(i => i.RunId == start.RunId).MaxBy(i => (i.RecordedAt, i.Sequence));
            var runEnd = ends.Where(e => e.RunId == start.RunId).MaxBy(e => (e.RecordedAt, e.Sequence));
            var records = recordsOf[start.RunId]
                .Distinct()
                .OrderBy(r => r.RecordedAt).ThenBy(r => r.StationId, StringComparer.Ordinal).ThenBy(r => r.Sequence)
                .Select(ExportedRecord.From)
                .ToList();
            return new RunExport(
                start.RunId, start.StationId, start.Slot, identity?.SerialNumber ?? start.SerialNumber, identity?.ChipUid,
                start.StartedAt, runEnd?.EndedAt, runEnd is null ? null : LedgerText.Of(runEnd.Outcome), records);
        }).ToList();
    }
}
