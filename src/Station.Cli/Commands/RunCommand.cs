using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Station.Cli.Simulation;
using Station.Core.Recipes;
using Station.Core.Runs;
using Station.Simulator;

namespace Station.Cli.Commands;

/// <summary>
/// <c>station run --simulate N --recipe FILE</c>: provisions N simulated boards in one process with
/// the real engine and prints a summary (issue 4).
/// </summary>
internal static class RunCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    public static Command Create()
    {
        var simulate = new Option<int>("--simulate") { Description = "Provision this many simulated boards.", Required = true };
        var slots = new Option<int?>("--slots") { Description = "Slots on the simulated hub (default: one per board, at most 16)." };
        var recipe = new Option<string>("--recipe") { Description = "The recipe file (YAML, docs/RECIPES.md).", Required = true };
        var faults = new Option<string?>("--faults")
        {
            Description = "Faults per operation, e.g. erase20106=0.3,short=0.05,stall=0.02,disconnect=0.02,seed=7 (docs/SIMULATOR.md).",
        };
        var timing = new Option<string>("--timing") { Description = "fast (no device time) or realistic (datasheet timing).", DefaultValueFactory = _ => "fast" };
        timing.AcceptOnlyFromAmong("fast", "realistic");
        var allowFuseBurn = new Option<bool>("--allow-fuse-burn") { Description = "Approve the recipe for fuse burning for this run (the simulated boards' fuses)." };
        var json = new Option<bool>("--json") { Description = "Print the summary as one JSON object." };
        var command = new Command("run", "Provision boards with a recipe. Today: simulated boards (--simulate N).")
        {
            simulate, slots, recipe, faults, timing, allowFuseBurn, json,
        };

        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var output = parseResult.InvocationConfiguration.Output;
            var error = parseResult.InvocationConfiguration.Error;
            RecipePlan plan;
            FaultPlan faultPlan;
            try
            {
                plan = RecipeLoader.Load(parseResult.GetRequiredValue(recipe));
                faultPlan = FaultPlan.Parse(parseResult.GetValue(faults));
            }
            catch (RecipeValidationException exception)
            {
                await error.WriteLineAsync($"error: {exception.Message}");
                return ExitCodes.Usage;
            }
            catch (FormatException exception)
            {
                await error.WriteLineAsync($"error: --faults: {exception.Message}");
                return ExitCodes.Usage;
            }

            var units = parseResult.GetValue(simulate);
            if (units < 1)
            {
                await error.WriteLineAsync("error: --simulate: give the number of boards, 1 or more.");
                return ExitCodes.Usage;
            }

            var options = new SimulatedLineOptions(
                units,
                Math.Clamp(parseResult.GetValue(slots) ?? Math.Min(units, 16), 1, 64),
                parseResult.GetValue(timing) == "realistic" ? SimulatorTiming.Realistic : SimulatorTiming.Instant,
                faultPlan,
                parseResult.GetValue(allowFuseBurn) ? new FuseBurnApproval("station run --allow-fuse-burn", Environment.UserName) : null);

            var clock = Stopwatch.StartNew();
            IReadOnlyList<SimulatedUnit> results;
            await using (var line = new SimulatedLine(plan, options, NoEvents.Instance, NullLoggerFactory.Instance))
            {
                results = await line.RunAsync(cancellationToken);
            }

            var summary = RunSummary.From(results, clock.Elapsed);
            if (parseResult.GetValue(json))
            {
                await output.WriteLineAsync(summary.ToJson().ToJsonString(JsonOptions));
            }
            else
            {
                await WriteTextAsync(output, plan, options, summary);
            }

            return summary.Passed == summary.Units ? ExitCodes.Success : ExitCodes.Failed;
        });
        return command;
    }

    private static async Task WriteTextAsync(TextWriter output, RecipePlan plan, SimulatedLineOptions options, RunSummary summary)
    {
        var text = CultureInfo.InvariantCulture;
        await output.WriteLineAsync($"Recipe {plan.Identity} on {options.Units} simulated {plan.Device.Name} board(s), {options.Slots} slot(s), {(options.Timing.ScaleFactor > 0 ? "realistic" : "fast")} timing");
        await output.WriteLineAsync(string.Create(text, $"  passed {summary.Passed}, failed {summary.Failed}, quarantined {summary.Quarantined} of {summary.Units}"));
        await output.WriteLineAsync(string.Create(text, $"  fuse words burned {summary.FuseWordsBurned} (burned twice: {summary.FuseWordsBurnedTwice})"));
        await output.WriteLineAsync(string.Create(text, $"  cycle {summary.CycleSecondsMedian:0.000} s median, device-bound {summary.DeviceBoundSecondsMedian:0.000} s, overhead ratio {summary.OverheadRatio:0.000}"));
        await output.WriteLineAsync(string.Create(text, $"  throughput {summary.ThroughputUnitsPerHour:0} units/hour, hand-over {summary.HandOverMillisecondsMedian:0.0} ms median"));
        foreach (var failure in summary.Failures)
        {
            await output.WriteLineAsync($"  {failure.SerialNumber} on {failure.Slot}: {failure.Outcome} in {failure.FailedStep} ({failure.Failure}{(failure.DeviceStatus is { } s ? $", status {s}" : "")}): {failure.Reason}");
            await output.WriteLineAsync($"      what to do: {failure.OperatorAction}");
        }
    }

    private sealed class NoEvents : IRunEvents
    {
        public static NoEvents Instance { get; } = new();

        public void Publish(RunEvent runEvent)
        {
        }

        public ValueTask PublishDurablyAsync(RunEvent runEvent, CancellationToken cancellationToken) => ValueTask.CompletedTask;
    }
}
