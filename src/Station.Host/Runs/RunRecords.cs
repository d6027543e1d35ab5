using Microsoft.EntityFrameworkCore;
using Station.Core.Runs;
using Station.Data;
using Station.Data.Entities;
using RunOutcome = Station.Data.Entities.RunOutcome;
using Station.Host.Contracts;

namespace Station.Host.Runs;

/// <summary>
/// Reads runs back from the records (any station in the database): a run's detail, a unit's runs,
/// the unit search and the statistics. The ledger tables hold what Core recorded; the run's
/// failure class, step and operator action come back out of the messages Core wrote
/// (Station.Core.Records.RecordingRunEvents: "Class: reason" and "Step: reason What to do: action").
/// </summary>
internal sealed partial class RunRecords(IDbContextFactory<StationDbContext> databases)
{
    private const string WhatToDo = " What to do: ";

    /// <summary>One run, or null when the database has never heard of it.</summary>
    public async Task<RunDetailDto?> FindAsync(Guid runId, CancellationToken cancellationToken)
    {
        var runs = await LoadAsync([runId], cancellationToken);
        return runs.Count > 0 ? runs[0] : null;
    }

    /// <summary>The runs of a unit by serial number or chip UID, oldest first.</summary>
    public async Task<IReadOnlyList<RunDetailDto>> FindUnitRunsAsync(string serialOrUid, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var ids = await db.RunStarts.AsNoTracking()
            .Where(s => s.SerialNumber == serialOrUid
                || db.UnitIdentifications.Any(u => u.RunId == s.RunId && (u.ChipUid == serialOrUid || u.SerialNumber == serialOrUid)))
            .Select(s => s.RunId)
            .ToListAsync(cancellationToken);
        return await LoadAsync(ids, cancellationToken);
    }

    /// <summary>True when a run of a unit with this serial number passed (here or at another station).</summary>
    public async Task<bool> SerialPassedAsync(string serialNumber, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.RunEnds.AsNoTracking()
            .Where(e => e.Outcome == RunOutcome.Passed)
            .AnyAsync(
                e => db.RunStarts.Any(s => s.RunId == e.RunId && s.SerialNumber == serialNumber)
                    || db.UnitIdentifications.Any(u => u.RunId == e.RunId && u.SerialNumber == serialNumber),
                cancellationToken);
    }

    /// <summary>Every record of the given runs as run details, oldest first.</summary>
    public async Task<IReadOnlyList<RunDetailDto>> LoadAsync(IReadOnlyCollection<Guid> runIds, CancellationToken cancellationToken)
    {
        if (runIds.Count == 0)
        {
            return [];
        }

        var ids = runIds.Distinct().ToList();
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var starts = await db.RunStarts.AsNoTracking().Where(s => ids.Contains(s.RunId)).ToListAsync(cancellationToken);
        if (starts.Count == 0)
        {
            return [];
        }

        var identities = (await db.UnitIdentifications.AsNoTracking().Where(r => ids.Contains(r.RunId)).ToListAsync(cancellationToken)).ToLookup(r => r.RunId);
        var steps = (await db.StepAttempts.AsNoTracking().Where(r => ids.Contains(r.RunId)).ToListAsync(cancellationToken)).ToLookup(r => r.RunId);
        var intents = await db.FuseIntents.AsNoTracking().Where(r => ids.Contains(r.RunId)).ToListAsync(cancellationToken);
        var intentIds = intents.Select(i => i.IntentId).ToList();
        var results = (await db.FuseResults.AsNoTracking().Where(r => intentIds.Contains(r.IntentId)).ToListAsync(cancellationToken))
            .GroupBy(r => r.IntentId).ToDictionary(g => g.Key, g => g.MaxBy(r => (r.RecordedAt, r.Sequence))!);
        var images = (await db.ImageWrites.AsNoTracking().Where(r => ids.Contains(r.RunId)).ToListAsync(cancellationToken)).ToLookup(r => r.RunId);
        var logs = (await db.LogLines.AsNoTracking().Where(r => r.RunId != null && ids.Contains(r.RunId.Value)).ToListAsync(cancellationToken)).ToLookup(r => r.RunId!.Value);
        var ends = (await db.RunEnds.AsNoTracking().Where(r => ids.Contains(r.RunId)).ToListAsync(cancellationToken)).ToLookup(r => r.RunId);
        var requests = await db.RunRequests.AsNoTracking().Where(r => ids.Contains(r.RunId)).ToDictionaryAsync(r => r.RunId, cancellationToken);
        var intentsOf = intents.ToLookup(i => i.RunId);

        return starts
            .OrderBy(s => s.StartedAt).ThenBy(s => s.Sequence)
            .Select(start =>
            {
                var identity = identities[start.RunId].MaxBy(i => (i.RecordedAt, i.Sequence));
                var end = ends[start.RunId].MaxBy(e => (e.RecordedAt, e.Sequence));
                var serial = identity?.SerialNumber ?? start.SerialNumber;
                var result = end is null ? null : Result(start, end, serial, identity?.ChipUid);
                requests.TryGetValue(start.RunId, out var request);
                return new RunDetailDto(
                    start.RunId,
                    start.Slot,
                    new RecipeRefDto(start.RecipeName, int.TryParse(start.RecipeVersion, out var v) ? v : 0, Convert.ToHexStringLower(start.RecipeSha256)),
                    serial,
                    identity?.ChipUid,
                    start.Operator,
                    Utc(start.StartedAt),
                    end is null ? null : Utc(end.EndedAt),
                    result,
                    [.. steps[start.RunId].OrderBy(a => a.StartedAt).ThenBy(a => a.Sequence).Select(Step)],
                    [.. intentsOf[start.RunId].OrderBy(i => i.Sequence).Select(i => Fuse(i, results.GetValueOrDefault(i.IntentId)))],
                    [.. images[start.RunId].OrderBy(i => i.Sequence).Select(Image)],
                    [.. logs[start.RunId].OrderBy(l => l.Sequence).Select(l => new LogLineDto(Utc(l.LoggedAt), l.Level, l.Message))],
                    request?.RequestedBy,
                    request?.ApprovedBy);
            })
            .ToList();
    }

    internal static DateTimeOffset Utc(DateTime time) => new(DateTime.SpecifyKind(time, DateTimeKind.Utc));

    private static RunResultDto Result(RunStartedRecord start, RunEndedRecord end, string? serial, string? chipUid)
    {
        string? failedStep = null;
        var reason = end.Message;
        string? action = null;
        if (end.Message is { } message)
        {
            var colon = message.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0 && Enum.TryParse<RunStep>(message[..colon], out _))
            {
                failedStep = message[..colon];
                reason = message[(colon + 2)..];
            }

            var what = reason!.IndexOf(WhatToDo, StringComparison.Ordinal);
            if (what >= 0)
            {
                action = reason[(what + WhatToDo.Length)..];
                reason = reason[..what];
            }
        }

        var passed = end.Outcome == RunOutcome.Passed;
        return new RunResultDto(
            start.RunId,
            end.Outcome.ToString(),
            passed ? null : FailureClassText(end.FailureClass),
            passed ? null : failedStep,
            end.DeviceStatus,
            passed ? null : reason,
            passed ? null : action,
            serial,
            chipUid,
            Math.Max(0, (end.EndedAt - start.StartedAt).TotalSeconds),
            Utc(end.EndedAt));
    }

    private static string? FailureClassText(string? stored) =>
        stored is null ? null : Enum.TryParse<FailureClass>(stored, out var known) ? known.ToString() : stored;

    private static StepRecordDto Step(StepAttemptRecord a)
    {
        string? failure = null;
        var reason = a.Message;
        if (a.Message is { } message)
        {
            var colon = message.IndexOf(": ", StringComparison.Ordinal);
            if (colon > 0 && Enum.TryParse<FailureClass>(message[..colon], out var parsed))
            {
                failure = parsed.ToString();
                reason = message[(colon + 2)..];
            }
        }

        var succeeded = a.Result switch
        {
            StepResult.Passed => (bool?)true,
            StepResult.Failed or StepResult.Cancelled => false,
            _ => null,
        };
        return new StepRecordDto(
            a.StepName, a.Attempt, Utc(a.StartedAt), (a.EndedAt - a.StartedAt).TotalSeconds, succeeded, failure, a.DeviceStatus, reason, a.RetryReason);
    }

    private static FuseRecordDto Fuse(FuseIntentRecord intent, FuseResultRecord? result) => new(
        intent.FuseIndex,
        intent.FuseName,
        intent.RequestedValue,
        intent.Mask,
        intent.ValueBefore,
        result?.ValueAfter,
        "Write",
        result?.Verified,
        intent.ApprovalReference);

    private static ImageRecordDto Image(ImageWriteRecord image) => new(
        MemoryId(image.Memory),
        image.Address,
        image.Length,
        Convert.ToHexStringLower(image.ImageSha256),
        image.ReadBackSha256 is null ? null : Convert.ToHexStringLower(image.ReadBackSha256));

    // The inverse of RecordingRunEvents.MemoryName.
    private static long MemoryId(string memory) => memory switch
    {
        "FlexSPI NOR" => 9,
        "memory-mapped" => 0,
        _ when memory.StartsWith("memory 0x", StringComparison.Ordinal)
            && long.TryParse(memory.AsSpan(9), System.Globalization.NumberStyles.HexNumber, null, out var id) => id,
        _ => -1,
    };
}
