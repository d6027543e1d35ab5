using Microsoft.AspNetCore.Http.HttpResults;
using Station.Host.Contracts;
using Station.Host.Hosting;
using Station.Host.Runs;
using Station.Host.Security;

namespace Station.Host.Api;

/// <summary>The station (name, mode, active recipe, shift) and its statistics.</summary>
internal static class StationApi
{
    public static RouteGroupBuilder MapStationApi(this RouteGroupBuilder api)
    {
        api.MapGet("/station", Station).WithTags("Station").RequireAuthorization(StationPolicies.SignedIn);
        var stats = api.MapGroup("/stats").WithTags("Station").RequireAuthorization(StationPolicies.SignedIn);
        stats.MapGet("/cycle-times", CycleTimesAsync);
        stats.MapGet("/failures", FailuresAsync);
        return api;
    }

    public static Ok<StationDto> Station(StationRuntime runtime) => TypedResults.Ok(runtime.Describe());

    public static async Task<Ok<CycleTimesDto>> CycleTimesAsync(
        DateTimeOffset? since, StationRuntime runtime, SlotBoard board, RunRecords records, CancellationToken cancellationToken)
    {
        await Freshness.CatchUpAsync(runtime, cancellationToken);
        return TypedResults.Ok(await records.CycleTimesAsync(runtime.StationId, since ?? board.ShiftSince, cancellationToken));
    }

    public static async Task<Ok<IReadOnlyList<FailureCountDto>>> FailuresAsync(
        DateTimeOffset? since, StationRuntime runtime, SlotBoard board, RunRecords records, CancellationToken cancellationToken)
    {
        await Freshness.CatchUpAsync(runtime, cancellationToken);
        return TypedResults.Ok(await records.FailuresAsync(runtime.StationId, since ?? board.ShiftSince, cancellationToken));
    }
}
