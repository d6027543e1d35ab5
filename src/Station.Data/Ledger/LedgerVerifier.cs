using Microsoft.EntityFrameworkCore;
using Station.Data.Entities;

namespace Station.Data.Ledger;

/// <summary>
/// Checks stations' hash chains in the database and names the first broken link: a missing or
/// duplicated sequence number, a previous_hash that does not match, content that does not match
/// its hash. Reads in pages of sequence numbers, so memory stays flat however long the chain is.
/// Without an anchor it cannot see the newest records removed; pass one (the station's journal
/// head, or a head noted elsewhere) to catch that too (docs/DATA.md, "What is detected").
/// </summary>
public sealed class LedgerVerifier(IDbContextFactory<StationDbContext> databases)
{
    private const int PageSize = 4_096;

    /// <summary>Every station that has records.</summary>
    public async Task<IReadOnlyList<string>> GetStationIdsAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var ids = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var query in StationIdQueries(db))
        {
            ids.UnionWith(await query.Distinct().ToListAsync(cancellationToken));
        }

        return ids.ToList();
    }

    /// <summary>Checks every station's chain.</summary>
    public async Task<IReadOnlyList<LedgerVerification>> VerifyAllAsync(CancellationToken cancellationToken)
    {
        var results = new List<LedgerVerification>();
        foreach (var stationId in await GetStationIdsAsync(cancellationToken))
        {
            results.Add(await VerifyAsync(stationId, null, cancellationToken));
        }

        return results;
    }

    /// <summary>Checks one station's chain from its first record, and against <paramref name="anchor"/> when given.</summary>
    public async Task<LedgerVerification> VerifyAsync(string stationId, LedgerHead? anchor, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stationId);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var last = await LastSequenceAsync(db, stationId, cancellationToken);
        var walk = new ChainWalk(anchor);
        for (var from = 1L; from <= last && walk.Break is null; from += PageSize)
        {
            var page = await PageAsync(db, stationId, from, from + PageSize, cancellationToken);
            foreach (var record in page)
            {
                if (!walk.Step(record))
                {
                    break;
                }
            }

            db.ChangeTracker.Clear();
        }

        return new LedgerVerification(stationId, walk.Count, walk.Head, walk.Break ?? walk.CheckAnchor());
    }

    private static async Task<long> LastSequenceAsync(StationDbContext db, string stationId, CancellationToken cancellationToken)
    {
        var last = 0L;
        foreach (var query in SequenceQueries(db, stationId))
        {
            last = Math.Max(last, await query.MaxAsync(s => (long?)s, cancellationToken) ?? 0);
        }

        return last;
    }

    private static async Task<List<LedgerRecord>> PageAsync(
        StationDbContext db, string stationId, long from, long to, CancellationToken cancellationToken)
    {
        var page = new List<LedgerRecord>();
        page.AddRange(await RangeAsync(db.StationSessions, stationId, from, to, cancellationToken));
        page.AddRange(await RangeAsync(db.RunStarts, stationId, from, to, cancellationToken));
        page.AddRange(await RangeAsync(db.UnitIdentifications, stationId, from, to, cancellationToken));
        page.AddRange(await RangeAsync(db.StepAttempts, stationId, from, to, cancellationToken));
        page.AddRange(await RangeAsync(db.FuseIntents, stationId, from, to, cancellationToken));
        page.AddRange(await RangeAsync(db.FuseResults, stationId, from, to, cancellationToken));
        page.AddRange(await RangeAsync(db.ImageWrites, stationId, from, to, cancellationToken));
        page.AddRange(await RangeAsync(db.LogLines, stationId, from, to, cancellationToken));
        page.AddRange(await RangeAsync(db.RunEnds, stationId, from, to, cancellationToken));
        page.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        return page;
    }

    private static Task<List<T>> RangeAsync<T>(IQueryable<T> records, string stationId, long from, long to, CancellationToken cancellationToken)
        where T : LedgerRecord =>
        records.AsNoTracking()
            .Where(r => r.StationId == stationId && r.Sequence >= from && r.Sequence < to)
            .OrderBy(r => r.Sequence)
            .ToListAsync(cancellationToken);

    private static IEnumerable<IQueryable<long>> SequenceQueries(StationDbContext db, string stationId) =>
    [
        db.StationSessions.Where(r => r.StationId == stationId).Select(r => r.Sequence),
        db.RunStarts.Where(r => r.StationId == stationId).Select(r => r.Sequence),
        db.UnitIdentifications.Where(r => r.StationId == stationId).Select(r => r.Sequence),
        db.StepAttempts.Where(r => r.StationId == stationId).Select(r => r.Sequence),
        db.FuseIntents.Where(r => r.StationId == stationId).Select(r => r.Sequence),
        db.FuseResults.Where(r => r.StationId == stationId).Select(r => r.Sequence),
        db.ImageWrites.Where(r => r.StationId == stationId).Select(r => r.Sequence),
        db.LogLines.Where(r => r.StationId == stationId).Select(r => r.Sequence),
        db.RunEnds.Where(r => r.StationId == stationId).Select(r => r.Sequence),
    ];

    private static IEnumerable<IQueryable<string>> StationIdQueries(StationDbContext db) =>
    [
        db.StationSessions.Select(r => r.StationId),
        db.RunStarts.Select(r => r.StationId),
        db.UnitIdentifications.Select(r => r.StationId),
        db.StepAttempts.Select(r => r.StationId),
        db.FuseIntents.Select(r => r.StationId),
        db.FuseResults.Select(r => r.StationId),
        db.ImageWrites.Select(r => r.StationId),
        db.LogLines.Select(r => r.StationId),
        db.RunEnds.Select(r => r.StationId),
    ];

    /// <summary>The walk along one chain, record by record, in sequence order.</summary>
    private sealed class ChainWalk(LedgerHead? anchor)
    {
        private byte[] _previousHash = new byte[LedgerHash.Length];
        private string? _previousTable;
        private byte[]? _hashAtAnchor;

        public long Count { get; private set; }

        public LedgerHead? Head { get; private set; }

        public LedgerBreak? Break { get; private set; }

        private long Expected => Count + 1;

        public bool Step(LedgerRecord record)
        {
            var table = record.RecordType;
            if (record.Sequence < Expected)
            {
                Break = new LedgerBreak(LedgerBreakKind.Duplicate, table, record.Sequence,
                    $"sequence {record.Sequence} appears more than once (also in {_previousTable}).");
            }
            else if (record.Sequence > Expected)
            {
                var range = record.Sequence - 1 == Expected ? $"record {Expected} is" : $"records {Expected} to {record.Sequence - 1} are";
                Break = new LedgerBreak(LedgerBreakKind.Missing, null, Expected,
                    $"{range} missing from every table; the next record is {record.Sequence} in {table}.");
            }
            else if (!record.PreviousHash.AsSpan().SequenceEqual(_previousHash))
            {
                var before = _previousTable is null ? "the chain's start (32 zero bytes)" : $"the hash of record {Expected - 1} ({_previousTable})";
                Break = new LedgerBreak(LedgerBreakKind.LinkBroken, table, record.Sequence,
                    $"previous_hash {Convert.ToHexStringLower(record.PreviousHash)} is not {before}.");
            }
            else if (!LedgerHash.Compute(record).AsSpan().SequenceEqual(record.Hash))
            {
                Break = new LedgerBreak(LedgerBreakKind.ContentChanged, table, record.Sequence,
                    "the row's content does not match its hash: it was changed after it was written.");
            }

            if (Break is not null)
            {
                return false;
            }

            _previousHash = record.Hash;
            _previousTable = table;
            Count++;
            Head = new LedgerHead(record.Sequence, record.Hash);
            if (anchor is not null && record.Sequence == anchor.Sequence)
            {
                _hashAtAnchor = record.Hash;
            }

            return true;
        }

        public LedgerBreak? CheckAnchor()
        {
            if (anchor is null)
            {
                return null;
            }

            if (Head is null || Head.Sequence < anchor.Sequence)
            {
                return new LedgerBreak(LedgerBreakKind.Truncated, null, (Head?.Sequence ?? 0) + 1,
                    $"the chain ends at {Head?.Sequence ?? 0} but the anchor says record {anchor.Sequence} exists " +
                    "(newest records removed, or not delivered yet).");
            }

            return _hashAtAnchor is not null && !_hashAtAnchor.AsSpan().SequenceEqual(anchor.Hash)
                ? new LedgerBreak(LedgerBreakKind.AnchorMismatch, null, anchor.Sequence,
                    $"record {anchor.Sequence} has hash {Convert.ToHexStringLower(_hashAtAnchor)}, the anchor says " +
                    $"{Convert.ToHexStringLower(anchor.Hash)} (the chain was rewritten).")
                : null;
        }
    }
}
