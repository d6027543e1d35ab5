using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Station.Host.Contracts;
using Station.Host.Hosting;
using Station.Host.Runs;
using Station.Host.Security;

namespace Station.Host.Api;

/// <summary>Slots and runs: the live slots, starting a run (idempotent), a run's record, cancelling.</summary>
internal static class RunsApi
{
    public const int MaxIdempotencyKeyLength = 128;

    public static RouteGroupBuilder MapRunsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/slots", Slots).WithTags("Slots").RequireAuthorization(StationPolicies.SignedIn);
        var runs = api.MapGroup("/runs").WithTags("Runs");
        runs.MapPost("/", StartAsync).RequireAuthorization(StationPolicies.RunControl).WithMetadata(BodyLimit.Json);
        runs.MapGet("/{id:guid}", GetAsync).RequireAuthorization(StationPolicies.SignedIn);
        runs.MapPost("/{id:guid}/cancel", CancelAsync).RequireAuthorization(StationPolicies.RunControl);
        return api;
    }

    public static Ok<IReadOnlyList<SlotStateDto>> Slots(SlotBoard board) => TypedResults.Ok(board.Snapshot());

    public static async Task<Results<Accepted<StartRunResponse>, ProblemHttpResult>> StartAsync(
        StartRunBody body, [FromHeader(Name = "Idempotency-Key")] string? idempotencyKey, HttpContext context, RunStarter starter,
        CancellationToken cancellationToken)
    {
        var errors = Validate(body, idempotencyKey);
        if (errors.Count > 0)
        {
            return Problems.BadRequest(errors);
        }

        var outcome = await starter.StartAsync(body, context.User.Who(), idempotencyKey, cancellationToken);
        return outcome.Status switch
        {
            StatusCodes.Status202Accepted => TypedResults.Accepted($"/api/runs/{outcome.RunId}", new StartRunResponse(outcome.RunId!.Value, $"/api/runs/{outcome.RunId}")),
            StatusCodes.Status404NotFound => Problems.NotFound(outcome.Detail!),
            StatusCodes.Status409Conflict => Problems.Conflict(outcome.Detail!),
            _ => Problems.Unprocessable(outcome.Detail!, outcome.Errors!),
        };
    }

    public static async Task<Results<Ok<RunDetailDto>, ProblemHttpResult>> GetAsync(
        Guid id, SlotBoard board, RunRecords records, CancellationToken cancellationToken)
    {
        var run = board.FindRun(id) ?? await records.FindAsync(id, cancellationToken);
        return run is null ? Problems.NotFound($"There is no run {id}.") : TypedResults.Ok(run);
    }

    public static async Task<Results<Accepted, ProblemHttpResult>> CancelAsync(
        Guid id, StationRuntime runtime, SlotBoard board, RunRecords records, CancellationToken cancellationToken)
    {
        if (runtime.Engine.Cancel(id))
        {
            return TypedResults.Accepted($"/api/runs/{id}");
        }

        var known = board.FindRun(id) ?? await records.FindAsync(id, cancellationToken);
        return known is null
            ? Problems.NotFound($"There is no run {id}.")
            : Problems.Conflict($"Run {id} has already ended ({known.Result?.Outcome ?? "its end is being recorded"}).");
    }

    private static Dictionary<string, string[]> Validate(StartRunBody body, string? idempotencyKey)
    {
        var errors = new Dictionary<string, string[]>();
        if (string.IsNullOrWhiteSpace(body.Slot))
        {
            errors["slot"] = ["Give the slot's name, e.g. \"slot 1\"."];
        }

        if (body.Recipe is null || string.IsNullOrWhiteSpace(body.Recipe.Name) || body.Recipe.Version < 1)
        {
            errors["recipe"] = ["Give the recipe's name and version (a whole number from 1)."];
        }

        if (body.SerialNumber is { } serial && (serial.Length is 0 or > 128 || serial.Any(char.IsControl)))
        {
            errors["serialNumber"] = ["A serial number is 1 to 128 printable characters."];
        }

        if (body.Operator is { } name && (name.Length is 0 or > 128 || name.Any(char.IsControl)))
        {
            errors["operator"] = ["The operator's name is 1 to 128 printable characters."];
        }
        else if (string.Equals(body.Operator, "auto", StringComparison.Ordinal))
        {
            errors["operator"] = ["\"auto\" names runs started by auto mode; give a person's name."];
        }

        if (idempotencyKey is not null && (idempotencyKey.Length is 0 or > MaxIdempotencyKeyLength || idempotencyKey.Any(char.IsControl)))
        {
            errors["Idempotency-Key"] = [$"An Idempotency-Key is 1 to {MaxIdempotencyKeyLength} printable characters."];
        }

        return errors;
    }
}
