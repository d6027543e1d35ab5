using Microsoft.EntityFrameworkCore;
using Station.Data;
using Station.Data.Entities;
using Station.Host.Contracts;

namespace Station.Host.Runs;

internal sealed partial class RunRecords
{
    /// <summary>
    /// Units with a run matching every filter given, newest first, each with its newest matching
    /// run. A unit is its chip UID, else its serial number; runs that never identified their unit
    /// and had no serial number belong to no unit and are not listed. The database filters, groups
    /// the runs by unit, counts the units and picks the page; only the page's units' runs are read.
    /// </summary>
    public async Task<UnitPageDto> SearchUnitsAsync(UnitSearch search, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var runs = MatchingRuns(db, search);
        var units = runs.Where(r => r.Unit != null).GroupBy(r => r.Unit).Select(g => new { Unit = g.Key!, LastRunAt = g.Max(r => r.StartedAt) });
        var total = await units.CountAsync(cancellationToken);
        var page = await units.OrderByDescending(u => u.LastRunAt).ThenBy(u => u.Unit)
            .Skip((search.Page - 1) * search.PageSize).Take(search.PageSize)
            .ToListAsync(cancellationToken);
        if (page.Count == 0)
        {
            return new UnitPageDto([], search.Page, search.PageSize, total);
        }

        var keys = page.Select(u => u.Unit).ToList();
        var newest = (await runs.Where(r => keys.Contains(r.Unit!)).ToListAsync(cancellationToken))
            .GroupBy(r => r.Unit!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.RunId).First(), StringComparer.Ordinal);
        var items = keys.Select(key => newest[key]).Select(run => new UnitListItemDto(
            run.Serial,
            run.ChipUid,
            run.Outcome?.ToString() ?? "Running",
            Utc(run.StartedAt),
            new RecipeRefDto(run.RecipeName, int.TryParse(run.RecipeVersion, out var v) ? v : 0, null))).ToList();
        return new UnitPageDto(items, search.Page, search.PageSize, total);
    }

    /// <summary>The runs matching the search's filters, with their unit's identity and outcome (a query, not yet run).</summary>
    private static IQueryable<UnitRun> MatchingRuns(StationDbContext db, UnitSearch search)
    {
#pragma warning disable VSTHRD103 // FirstOrDefault inside an EF query is translated to SQL, not run
        var runs = from s in db.RunStarts.AsNoTracking()
                   let identity = db.UnitIdentifications.Where(u => u.RunId == s.RunId).OrderByDescending(u => u.Sequence).FirstOrDefault()
                   let end = db.RunEnds.Where(e => e.RunId == s.RunId).OrderByDescending(e => e.Sequence).FirstOrDefault()
                   let serial = identity != null && identity.SerialNumber != null ? identity.SerialNumber : s.SerialNumber
                   let chipUid = identity != null ? identity.ChipUid : null
                   select new UnitRun
                   {
                       RunId = s.RunId,
                       StartedAt = s.StartedAt,
                       RecipeName = s.RecipeName,
                       RecipeVersion = s.RecipeVersion,
                       Serial = serial,
                       ChipUid = chipUid,
                       Unit = chipUid ?? serial,
                       Outcome = end != null ? (RunOutcome?)end.Outcome : null,
                   };
#pragma warning restore VSTHRD103

        if (search.Serial is { } serialOrUid)
        {
            runs = runs.Where(r => r.Serial == serialOrUid || r.ChipUid == serialOrUid);
        }

        if (search.From is { } from)
        {
            var start = from.UtcDateTime;
            runs = runs.Where(r => r.StartedAt >= start);
        }

        if (search.To is { } to)
        {
            var end = to.UtcDateTime;
            runs = runs.Where(r => r.StartedAt < end);
        }

        if (search.Outcome is { } outcome)
        {
            runs = runs.Where(r => r.Outcome == outcome);
        }

        if (search.RecipeName is { } recipe)
        {
            runs = runs.Where(r => r.RecipeName == recipe);
        }

        return runs;
    }

    /// <summary>One run as the unit search sees it.</summary>
    private sealed class UnitRun
    {
        public Guid RunId { get; init; }

        public DateTime StartedAt { get; init; }

        public required string RecipeName { get; init; }

        public required string RecipeVersion { get; init; }

        public string? Serial { get; init; }

        public string? ChipUid { get; init; }

        public string? Unit { get; init; }

        public RunOutcome? Outcome { get; init; }
    }

    /// <summary>Cycle times of this station's passed runs since <paramref name="since"/>, in buckets.</summary>
    public async Task<CycleTimesDto> CycleTimesAsync(string stationId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var sinceUtc = since.UtcDateTime;
        var durations = (await (from s in db.RunStarts.AsNoTracking()
                                join e in db.RunEnds.AsNoTracking() on s.RunId equals e.RunId
                                where s.StationId == stationId && s.StartedAt >= sinceUtc && e.Outcome == RunOutcome.Passed
                                select new { s.StartedAt, e.EndedAt }).ToListAsync(cancellationToken))
            .Select(r => Math.Max(0, (r.EndedAt - r.StartedAt).TotalSeconds))
            .ToList();
        if (durations.Count == 0)
        {
            return new CycleTimesDto(1.0, []);
        }

        // About 20 buckets over the range seen, at a round width (0.1 s, 0.2 s, 0.5 s, 1 s, 2 s …).
        var span = durations.Max() - durations.Min();
        var width = RoundWidth(Math.Max(span / 20, 0.05));
        var buckets = durations
            .GroupBy(d => Math.Floor(d / width) * width)
            .OrderBy(g => g.Key)
            .Select(g => new CycleTimeBucketDto(Math.Round(g.Key, 6), g.Count()))
            .ToList();
        return new CycleTimesDto(width, buckets);
    }

    /// <summary>This station's runs that did not pass since <paramref name="since"/>, by slot and device status.</summary>
    public async Task<IReadOnlyList<FailureCountDto>> FailuresAsync(string stationId, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var sinceUtc = since.UtcDateTime;
        var failures = await (from s in db.RunStarts.AsNoTracking()
                              join e in db.RunEnds.AsNoTracking() on s.RunId equals e.RunId
                              where s.StationId == stationId && s.StartedAt >= sinceUtc
                                  && e.Outcome != RunOutcome.Passed && e.Outcome != RunOutcome.Cancelled
                              select new { s.Slot, e.DeviceStatus }).ToListAsync(cancellationToken);
        return failures
            .GroupBy(f => (f.Slot, f.DeviceStatus))
            .OrderBy(g => g.Key.Slot, StringComparer.Ordinal).ThenBy(g => g.Key.DeviceStatus)
            .Select(g => new FailureCountDto(g.Key.Slot, g.Key.DeviceStatus, g.Count()))
            .ToList();
    }

    private static double RoundWidth(double raw)
    {
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        foreach (var step in new[] { 1.0, 2.0, 5.0, 10.0 })
        {
            if (raw <= step * magnitude)
            {
                return step * magnitude;
            }
        }

        return 10 * magnitude;
    }
}
