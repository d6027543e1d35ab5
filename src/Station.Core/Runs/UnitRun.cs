using Microsoft.Extensions.Logging;
using Station.Core.Devices;
using Station.Core.Recipes;
using Station.Protocols.MBoot;
using Station.Protocols.Sdp;

namespace Station.Core.Runs;

/// <summary>
/// One run: one unit on one slot with one recipe version, from the boot ROM to the reset into the
/// application (DESIGN.md's provisioning flow). Each step is an idempotent unit; failures are
/// classified and handled by their class (transport: re-open and retry; transient flash failure:
/// the recovery ladder; permanent: stop). A run never throws: it ends in a <see cref="RunResult"/>
/// and a <see cref="RunEnded"/> event (STYLE 4.6).
/// </summary>
public sealed partial class UnitRun
{
    private readonly RunEnvironment _environment;
    private readonly RunRequest _request;
    private readonly SlotDefinition _slot;
    private readonly RecipePlan _recipe;
    private readonly ILogger _logger;
    private readonly Dictionary<RunStep, int> _attempts = [];
    private RunStep _currentStep = RunStep.LoadFlashloader;
    private string? _chipUid;
    private TimeSpan? _handOver;
    private int _fuseWordsBurned;

    /// <summary>Prepares a run; nothing touches the board until <see cref="RunAsync"/>.</summary>
    public UnitRun(RunEnvironment environment, RunRequest request)
    {
        _environment = environment;
        _request = request;
        _recipe = request.Recipe;
        _slot = environment.Monitor.Slots.FirstOrDefault(s => string.Equals(s.Name, request.Slot, StringComparison.OrdinalIgnoreCase))
            ?? throw new ArgumentException($"There is no slot named '{request.Slot}'.", nameof(request));
        _logger = environment.LoggerFactory.CreateLogger<UnitRun>();
        _optionWords = _recipe.Flash.OptionWords;
    }

    /// <summary>The run's identity in events and records.</summary>
    public Guid RunId { get; } = Guid.CreateVersion7();

    /// <summary>Provisions the unit; never throws (cancellation ends the run as <see cref="RunOutcome.Cancelled"/>).</summary>
    public async Task<RunResult> RunAsync(CancellationToken cancellationToken)
    {
        var started = _environment.TimeProvider.GetTimestamp();
        Publish(new RunStarted(RunId, Now, _slot.Name, _slot.PortPath, _recipe.Name, _recipe.Version, _recipe.ContentSha256, _request.SerialNumber, _request.Operator));
        using var scope = _logger.BeginScope(new Dictionary<string, object> { ["RunId"] = RunId, ["Slot"] = _slot.Name });
        RunResult result;
        try
        {
            await ProvisionAsync(cancellationToken);
            result = Result(RunOutcome.Passed, null, null, null, null, null);
        }
        catch (RunStopException stop)
        {
            result = Result(stop.Outcome, stop.Failure, stop.Step, stop.DeviceStatus, stop.Message, stop.OperatorAction);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            result = Result(RunOutcome.Cancelled, null, _currentStep, null, "The run was cancelled.", "Run the unit again when ready; it may be partly programmed.");
        }
        catch (Exception exception)
        {
            Log.Unexpected(_logger, RunId, _currentStep, exception);
            result = Result(RunOutcome.Failed, FailureClass.Internal, _currentStep, null, $"Station error: {exception.GetType().Name}: {exception.Message}", "Report this to the station engineer with the run's log; run the unit again.");
        }
        finally
        {
            await DropSessionAsync();
        }

        result = result with { Duration = _environment.TimeProvider.GetElapsedTime(started) };
        var ended = new RunEnded(RunId, Now, result.Outcome, result.Failure, result.FailedStep, result.DeviceStatus, result.Reason, result.OperatorAction, result.Attempts, result.Duration);
        try
        {
            // The end is stored before the run reports it: a result the MES sees is never lost.
            await _environment.Events.PublishDurablyAsync(ended, CancellationToken.None);
        }
        catch (Exception exception)
        {
            Log.EndNotStored(_logger, RunId, exception);
        }

        return result;
    }

    private async Task ProvisionAsync(CancellationToken cancellationToken)
    {
        await RunUnitAsync(RunStep.Identify, IdentifyAsync, cancellationToken);
        var plan = await PlanFusesAsync(cancellationToken);
        await ProgramFlashAsync(cancellationToken);
        await BurnFusesAsync(plan, cancellationToken);
        await RunUnitAsync(RunStep.Reset, ResetAsync, cancellationToken);
    }

    private async Task IdentifyAsync(MBootClient client, string? retryReason, CancellationToken cancellationToken)
    {
        await StepAsync(RunStep.Identify, retryReason, async token =>
        {
            var version = await client.GetCurrentVersionAsync(token);
            _handOver ??= Now - _flashloaderArrivedAt;
            var uid = await client.GetUniqueDeviceIdAsync(token);
            _chipUid = uid is null ? null : Convert.ToHexStringLower(uid);
            Publish(new UnitIdentified(RunId, Now, _chipUid ?? "unknown", version?.ToString() ?? "unknown", _habMode?.ToString() ?? "unknown", _handOver.Value));
        }, cancellationToken);
    }

    private async Task ResetAsync(MBootClient client, string? retryReason, CancellationToken cancellationToken)
    {
        await StepAsync(RunStep.Reset, retryReason, token => client.ResetAsync(token), cancellationToken);
        await DropSessionAsync();
    }

    /// <summary>Runs one step attempt, publishing its start and end with the failure's class and status.</summary>
    private async Task<T> StepAsync<T>(RunStep step, string? retryReason, Func<CancellationToken, Task<T>> body, CancellationToken cancellationToken)
    {
        _currentStep = step;
        var attempt = _attempts[step] = _attempts.GetValueOrDefault(step) + 1;
        Publish(new StepStarted(RunId, Now, step, attempt, retryReason));
        var started = _environment.TimeProvider.GetTimestamp();
        try
        {
            var result = await body(cancellationToken);
            Publish(new StepEnded(RunId, Now, step, attempt, true, _environment.TimeProvider.GetElapsedTime(started), null, null, null));
            return result;
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            var (failure, status) = Classify(exception);
            Publish(new StepEnded(RunId, Now, step, attempt, false, _environment.TimeProvider.GetElapsedTime(started), failure, status, exception.Message));
            Log.StepFailed(_logger, RunId, step, attempt, failure, exception.Message);
            throw;
        }
    }

    private Task StepAsync(RunStep step, string? retryReason, Func<CancellationToken, Task> body, CancellationToken cancellationToken) =>
        StepAsync(step, retryReason, async token =>
        {
            await body(token);
            return true;
        }, cancellationToken);

    private static (FailureClass Failure, uint? Status) Classify(Exception exception) => exception switch
    {
        RunStopException stop => (stop.Failure, stop.DeviceStatus),
        MBootCommandException command => (command.IsTransient ? FailureClass.DeviceTransient : FailureClass.DevicePermanent, (uint)command.Status),
        SdpCommandException sdp => (FailureClass.DevicePermanent, sdp.Status),
        VerifyMismatchException => (FailureClass.VerifyMismatch, null),
        StageTimeoutException => (FailureClass.StageTimeout, null),
        _ when RunPipelines.IsTransportFailure(exception) => (FailureClass.Transport, null),
        _ => (FailureClass.Internal, null),
    };

    private RunResult Result(RunOutcome outcome, FailureClass? failure, RunStep? step, uint? status, string? reason, string? action) =>
        new(RunId, _slot.Name, outcome, failure, step, status, reason, action, _chipUid, _request.SerialNumber, TimeSpan.Zero, _attempts.Values.Sum(), _fuseWordsBurned, _handOver);

    private DateTimeOffset Now => _environment.TimeProvider.GetUtcNow();

    private void Publish(RunEvent runEvent) => _environment.Events.Publish(runEvent);

    private void Note(string message)
    {
        Log.Note(_logger, RunId, message);
        Publish(new RunLog(RunId, Now, "Information", message));
    }
}
