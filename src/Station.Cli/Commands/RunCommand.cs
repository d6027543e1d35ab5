using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Station.Cli.Simulation;
using Station.Core.Recipes;
using Station.Core.Runs;
using Station.Simulator;

namespace Station.Cli.Commands;

/// <summary>
/// <c>station run --simulate N --recipe FILE</c>: provisions N simulated boards in one process with
/// the real engine and prints a summary (issue 4). Every run is recorded into the configured
/// database (issue 5; migrated first) unless <c>--no-record</c> is given.
/// </summary>
internal static class RunCommand
{
    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    /// <summary>How long the command waits at the end for its records to reach the database.</summary>
    private static readonly TimeSpan DeliveryTimeout = TimeSpan.FromSeconds(30);

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
        var noRecord = new Option<bool>("--no-record") { Description = "A dry run: record nothing (by default every run goes into the configured database)." };
        var command = SettingsCommandLine.AcceptSettings(new Command(
            "run",
            "Provision boards with a recipe and record them into the configured database (--Database:Provider=…, docs/CONFIGURATION.md). Today: simulated boards (--simulate N).")
        {
            simulate, slots, recipe, faults, timing, allowFuseBurn, json, noRecord,
        });

        command.SetAction((parseResult, cancellationToken) => SettingsCommandLine.GuardAsync(parseResult, async () =>
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

            var asJson = parseResult.GetValue(json);
            using var loggerFactory = LoggerFactory.Create(logging => logging.AddProvider(new TextWriterLoggerProvider(error, LogLevel.Warning)));
            RunRecording? recording = null;
            if (parseResult.GetValue(noRecord))
            {
                SettingsCommandLine.RejectUnknown(parseResult);
            }
            else
            {
                recording = await RunRecording.StartAsync(SettingsCommandLine.Resolve(parseResult), loggerFactory, cancellationToken);
            }

            RunSummary summary;
            RecordingResult? recorded = null;
            await using (recording)
            {
                var clock = Stopwatch.StartNew();
                IReadOnlyList<SimulatedUnit> results;
                await using (var line = new SimulatedLine(plan, options, recording?.Events ?? NoEvents.Instance, NullLoggerFactory.Instance, recording?.UnresolvedFuseIntents))
                {
                    results = await line.RunAsync(cancellationToken);
                }

                summary = RunSummary.From(results, clock.Elapsed);
                if (recording is not null)
                {
                    recorded = await recording.FinishAsync(DeliveryTimeout, cancellationToken);
                }
            }

            if (asJson)
            {
                await output.WriteLineAsync(summary.ToJson().ToJsonString(JsonOptions));
            }
            else
            {
                await WriteTextAsync(output, plan, options, summary);
            }

            if (recording is not null && recorded is not null)
            {
                await WriteRecordingAsync(asJson ? error : output, recording, recorded, onlyProblems: asJson);
            }

            return summary.Passed == summary.Units ? ExitCodes.Success : ExitCodes.Failed;
        }));
        return command;
    }

    private static async Task WriteRecordingAsync(TextWriter writer, RunRecording recording, RecordingResult recorded, bool onlyProblems)
    {
        var settings = recording.Settings;
        if (!onlyProblems)
        {
            if (recording.Migration.Applied.Count > 0)
            {
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"  database migrated to version {recording.Migration.CurrentVersion} (applied {recording.Migration.Applied.Count} migration(s))"));
            }

            await writer.WriteLineAsync($"  recorded into {settings.DescribeDatabase()} as station {settings.StationId}; ledger head {recorded.Head?.ToString() ?? "(none)"}");
        }

        if (!recorded.IsDelivered)
        {
            await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"  warning: {recorded.DurableSequence - recorded.DeliveredSequence} record(s) are not in the database yet ({recorded.LastDeliveryError ?? "delivery is slow"}); " +
                $"they wait in the journal {settings.JournalDirectory} and are delivered when this station's recorder next starts."));
        }
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
