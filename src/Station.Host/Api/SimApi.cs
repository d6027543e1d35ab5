using Microsoft.AspNetCore.Http.HttpResults;
using Station.Host.Contracts;
using Station.Host.Hosting;
using Station.Host.Security;
using Station.Host.Simulation;
using Station.Simulator;

namespace Station.Host.Api;

/// <summary>
/// Simulated boards (docs/API.md "Simulated boards"): mapped only in simulator mode with
/// Devices:Simulator:Api set; otherwise these routes do not exist (404).
/// </summary>
internal static class SimApi
{
    public static RouteGroupBuilder MapSimApi(this RouteGroupBuilder api)
    {
        var sim = api.MapGroup("/sim").WithTags("Simulator").RequireAuthorization(StationPolicies.Engineering);
        sim.MapGet("/boards", Boards);
        sim.MapPost("/slots/{slot}/board", PlugAsync).WithMetadata(BodyLimit.Json);
        sim.MapDelete("/slots/{slot}/board", UnplugAsync);
        return api;
    }

    public static Ok<IReadOnlyList<SimBoardDto>> Boards(SimulatedBoards simulator) =>
        TypedResults.Ok<IReadOnlyList<SimBoardDto>>([.. simulator.Boards.Select(b => new SimBoardDto(b.Slot.Name, b.Slot.PortPath, b.Faults, b.Board.Name))]);

    public static async Task<Results<Created<SimBoardDto>, ProblemHttpResult>> PlugAsync(
        string slot, PlugBoardBody? body, SimulatedBoards simulator, StationRuntime runtime, CancellationToken cancellationToken)
    {
        var target = simulator.Slots.FirstOrDefault(s => string.Equals(s.Name, slot, StringComparison.OrdinalIgnoreCase));
        if (target is null)
        {
            return Problems.NotFound($"There is no slot named '{slot}'.");
        }

        if (!FaultPlan.TryParse(body?.Faults, out _, out var problems))
        {
            return Problems.Unprocessable("The fault spec is not valid.", new Dictionary<string, string[]> { ["faults"] = [.. problems] });
        }

        SimulatedBoard board;
        try
        {
            board = await simulator.PlugAsync(target, body?.Faults, cancellationToken);
        }
        catch (InvalidOperationException)
        {
            return Problems.Conflict($"{target.Name} already has a board: unplug it first.");
        }

        await runtime.StartAutoRunAsync(target, cancellationToken);
        var listed = simulator.Boards.FirstOrDefault(b => b.Board == board);
        return TypedResults.Created(
            $"/api/sim/slots/{Uri.EscapeDataString(target.Name)}/board",
            new SimBoardDto(target.Name, target.PortPath, listed.Faults ?? "", board.Name));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> UnplugAsync(string slot, SimulatedBoards simulator, CancellationToken cancellationToken)
    {
        var target = simulator.Slots.FirstOrDefault(s => string.Equals(s.Name, slot, StringComparison.OrdinalIgnoreCase));
        if (target is null)
        {
            return Problems.NotFound($"There is no slot named '{slot}'.");
        }

        return await simulator.UnplugAsync(target, cancellationToken)
            ? TypedResults.NoContent()
            : Problems.NotFound($"There is no board on {target.Name}.");
    }
}
