using Microsoft.AspNetCore.Http.HttpResults;
using Station.Data.Entities;
using Station.Data.Export;
using Station.Host.Contracts;
using Station.Host.Hosting;
using Station.Host.Runs;
using Station.Host.Security;

namespace Station.Host.Api;

/// <summary>QA: a unit's record by serial number or chip UID, the unit search, and the record's export (JSON or CSV).</summary>
internal static class UnitsApi
{
    public const int MaxPageSize = 200;

    public static RouteGroupBuilder MapUnitsApi(this RouteGroupBuilder api)
    {
        var units = api.MapGroup("/units").WithTags("Units").RequireAuthorization(StationPolicies.QaRead);
        units.MapGet("/", SearchAsync);
        units.MapGet("/{serialOrUid}", GetAsync);
        units.MapGet("/{serialOrUid}/record", ExportAsync);
        return api;
    }

    public static async Task<Results<Ok<UnitRecordDto>, ProblemHttpResult>> GetAsync(
        string serialOrUid, StationRuntime runtime, RunRecords records, CancellationToken cancellationToken)
    {
        await Freshness.CatchUpAsync(runtime, cancellationToken);
        var runs = await records.FindUnitRunsAsync(serialOrUid, cancellationToken);
        if (runs.Count == 0)
        {
            return Problems.NotFound($"No unit has the serial number or chip UID '{serialOrUid}'.");
        }

        return TypedResults.Ok(new UnitRecordDto(
            runs.LastOrDefault(r => r.SerialNumber is not null)?.SerialNumber,
            runs.LastOrDefault(r => r.ChipUid is not null)?.ChipUid,
            runs.Min(r => r.StartedAt),
            runs.Max(r => r.EndedAt ?? r.StartedAt),
            runs));
    }

    public static async Task<Results<Ok<UnitPageDto>, ProblemHttpResult>> SearchAsync(
        string? serial, DateTimeOffset? from, DateTimeOffset? to, string? outcome, string? recipe, int? page, int? pageSize,
        StationRuntime runtime, RunRecords records, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        RunOutcome? parsedOutcome = null;
        if (!string.IsNullOrWhiteSpace(outcome))
        {
            if (Enum.TryParse<RunOutcome>(outcome, ignoreCase: true, out var value) && Enum.IsDefined(value))
            {
                parsedOutcome = value;
            }
            else
            {
                errors["outcome"] = [$"One of {string.Join(", ", Enum.GetNames<RunOutcome>())}."];
            }
        }

        if (page is < 1)
        {
            errors["page"] = ["Pages count from 1."];
        }

        if (pageSize is < 1 or > MaxPageSize)
        {
            errors["pageSize"] = [$"From 1 to {MaxPageSize}."];
        }

        if (from is not null && to is not null && to <= from)
        {
            errors["to"] = ["'to' must be after 'from'."];
        }

        if (errors.Count > 0)
        {
            return Problems.BadRequest(errors);
        }

        await Freshness.CatchUpAsync(runtime, cancellationToken);
        var search = new UnitSearch(
            string.IsNullOrWhiteSpace(serial) ? null : serial.Trim(), from, to, parsedOutcome,
            string.IsNullOrWhiteSpace(recipe) ? null : recipe.Trim(), page ?? 1, pageSize ?? 50);
        return TypedResults.Ok(await records.SearchUnitsAsync(search, cancellationToken));
    }

    /// <summary>The unit's full record as exported by Station.Data (each record with its ledger hashes).</summary>
    public static async Task<IResult> ExportAsync(
        string serialOrUid, string? format, StationRuntime runtime, UnitRecordExporter exporter, HttpContext context, CancellationToken cancellationToken)
    {
        var kind = string.IsNullOrWhiteSpace(format) ? "json" : format.Trim().ToLowerInvariant();
        if (kind is not ("json" or "csv"))
        {
            return Problems.BadRequest(new Dictionary<string, string[]> { ["format"] = ["json or csv."] });
        }

        await Freshness.CatchUpAsync(runtime, cancellationToken);
        var query = new UnitRecordQuery { SerialNumber = serialOrUid };
        if ((await exporter.FindAsync(query, cancellationToken)).Count == 0)
        {
            query = new UnitRecordQuery { ChipUid = serialOrUid };
            if ((await exporter.FindAsync(query, cancellationToken)).Count == 0)
            {
                return Problems.NotFound($"No unit has the serial number or chip UID '{serialOrUid}'.");
            }
        }

        var safeName = new string([.. serialOrUid.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        var buffer = new MemoryStream();
        if (kind == "csv")
        {
            await exporter.WriteCsvAsync(buffer, query, cancellationToken);
        }
        else
        {
            await exporter.WriteJsonAsync(buffer, query, cancellationToken);
        }

        buffer.Position = 0;
        return TypedResults.File(buffer, kind == "csv" ? "text/csv; charset=utf-8" : "application/json", $"unit-{safeName}.{kind}");
    }
}
