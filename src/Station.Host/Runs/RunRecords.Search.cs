using Microsoft.EntityFrameworkCore;
using Station.Data.Entities;
using Station.Host.Contracts;

namespace Station.Host.Runs;

internal sealed partial class RunRecords
{
    /// <summary>
    /// Units with a run matching every filter given, newest first, each with its newest matching
    /// run. The filtering is done by the database; grouping runs into units walks the matching runs
    /// newest first and keeps one per unit (chip UID, else serial number), so memory grows with the
    /// number of units matched, not with their records. Runs that never identified their unit and
    /// had no serial number belong to no unit and are not listed.
    /// </summary>
    public async Task<UnitPageDto> SearchUnitsAsync(UnitSearch search, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
#pragma warning disable VSTHRD103 // FirstOrDefault inside an EF query is translated to SQL, not run
        var runs = from s in db.RunStarts.AsNoTracking()
                   let identity = db.UnitIdentifications.Where(u => u.RunId == s.RunId).OrderByDescending(u => u.Sequence).FirstOrDefault()
                   let end = db.RunEnds.Where(e => e.RunId == s.RunId).OrderByDescending(e => e.Sequence).FirstOrDefault()
                   select new
                   {
                       s.RunId,
                       s.StartedAt,
                       s.RecipeName,
                       s.RecipeVersion,
                       Serial = identity != null && identity.SerialNumber != null ? identity.SerialNumber : s.SerialNumber,
                       ChipUid = identity != null ? identity.ChipUid : null,
                       Outcome = end != null ? (RunOutcome?)end.Outcome : null,
                   };
#pragma warning restore VSTHRD103

        if (search.Serial is { } serial)
        {
            runs = runs.Where(r => r.Serial == serial || r.ChipUid == serial);
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

        var seen = new HashSet<string>(StringComparer.Ordinal);
        var items = new List<UnitListItemDto>();
        var skip = (search.Page - 1) * search.PageSize;
        await foreach (var run in runs.OrderByDescending(r => r.StartedAt).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            var key = run.ChipUid ?? run.Serial;
            if (key is null || !seen.Add(key))
            {
                continue;
            }

            if (seen.Count > skip && items.Count < search.PageSize)
            {
                items.Add(new UnitListItemDto(
                    run.Serial,
                    run.ChipUid,
                    run.Outcome?.ToString() ?? "Running",
                    Utc(run.StartedAt),
                    new RecipeRefDto(run.RecipeName, int.TryParse(run.RecipeVersion, out var v) ? v : 0, null)));
            }
        }

        return new UnitPageDto(items, search.Page, search.PageSize, seen.Count);
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
