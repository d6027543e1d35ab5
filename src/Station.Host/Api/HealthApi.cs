using System.Data.Common;
using Microsoft.AspNetCore.Http.HttpResults;
using Station.Data;
using Station.Host.Hosting;
using Station.Host.Metrics;
using Station.Host.Runs;
using Station.Host.Security;

namespace Station.Host.Api;

/// <summary>/healthz (alive, anonymous), /readyz (database and device monitor) and /metrics (Prometheus text).</summary>
internal static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/healthz", Alive).WithTags("Health").AllowAnonymous();
        app.MapGet("/readyz", ReadyAsync).WithTags("Health").RequireAuthorization(StationPolicies.SignedIn);
        app.MapGet("/metrics", Metrics).WithTags("Health").RequireAuthorization(StationPolicies.SignedIn);
        return app;
    }

    public static Ok<Dictionary<string, string>> Alive() => TypedResults.Ok(new Dictionary<string, string> { ["status"] = "alive" });

    public static async Task<Results<Ok<Dictionary<string, object>>, ProblemHttpResult>> ReadyAsync(
        StationRuntime runtime, StationDbContextFactory databases, CancellationToken cancellationToken)
    {
        var checks = new Dictionary<string, object>();
        var database = await DatabaseReachableAsync(databases, cancellationToken);
        checks["database"] = database ?? "ok";
        checks["devices"] = runtime.IsMonitorRunning ? "ok" : "the device monitor is not running";
        var recorder = runtime.IsStarted ? runtime.Writer.Status : null;
        checks["recorder"] = recorder is null ? "not started"
            : recorder.IsOverloaded ? "overloaded: the journal cannot keep up"
            : new Dictionary<string, object> { ["queued"] = recorder.Queued, ["undelivered"] = recorder.Undelivered, ["databaseReachable"] = recorder.IsDatabaseReachable };
        var ready = database is null && runtime.IsMonitorRunning && recorder is { IsOverloaded: false };
        if (ready)
        {
            checks["status"] = "ready";
            return TypedResults.Ok(checks);
        }

        return TypedResults.Problem(
            detail: "The station is not ready: see checks.",
            statusCode: StatusCodes.Status503ServiceUnavailable,
            title: "Not ready",
            extensions: new Dictionary<string, object?> { ["checks"] = checks });
    }

    public static IResult Metrics(StationMetrics metrics, StationRuntime runtime, SlotBoard board)
    {
        var slots = board.Snapshot();
        var status = runtime.IsStarted ? runtime.Writer.Status : null;
        var text = metrics.Write(
        [
            new Gauge("station_slot_board_present", "1 when a board is on the slot.",
                [.. slots.Select(s => ((IReadOnlyList<(string, string)>)[("slot", s.Slot)], s.Board is null ? 0.0 : 1.0))]),
            new Gauge("station_slot_running", "1 while a run is in progress on the slot.",
                [.. slots.Select(s => ((IReadOnlyList<(string, string)>)[("slot", s.Slot)], s.State is "running" or "waiting" ? 1.0 : 0.0))]),
            new Gauge("station_recorder_queued_records", "Records handed to the recorder and not yet in the journal.",
                [([], status?.Queued ?? 0)]),
            new Gauge("station_recorder_undelivered_records", "Records in the journal not yet in the database.",
                [([], status?.Undelivered ?? 0)]),
            new Gauge("station_database_reachable", "1 when the recorder's last delivery to the database succeeded.",
                [([], status is { IsDatabaseReachable: true } ? 1 : 0)]),
        ]);
        return TypedResults.Text(text, "text/plain; version=0.0.4; charset=utf-8");
    }

    private static async Task<string?> DatabaseReachableAsync(StationDbContextFactory databases, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = databases.CreateConnection();
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM schema_migrations";
            await command.ExecuteScalarAsync(cancellationToken);
            return null;
        }
        catch (DbException exception)
        {
            return $"unreachable: {exception.Message}";
        }
    }
}
