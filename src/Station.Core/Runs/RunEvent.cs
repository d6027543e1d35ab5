using Station.Core.Fuses;

namespace Station.Core.Runs;

/// <summary>
/// Everything a run does goes out as one of these, in order, to every <see cref="IRunEvents"/>
/// subscriber: the records (database), the live dashboard, the CLI's progress and summary.
/// </summary>
/// <param name="RunId">The run.</param>
/// <param name="At">When it happened (the engine's TimeProvider).</param>
public abstract record RunEvent(Guid RunId, DateTimeOffset At);

/// <summary>A run began on a slot.</summary>
public sealed record RunStarted(
    Guid RunId, DateTimeOffset At, string Slot, string PortPath, string RecipeName, int RecipeVersion, string RecipeSha256,
    string? SerialNumber, string? Operator) : RunEvent(RunId, At);

/// <summary>
/// The flashloader answered: who the unit is and what it runs. <paramref name="HandOver"/> is the
/// time from the flashloader appearing on the slot to its first answer.
/// </summary>
public sealed record UnitIdentified(
    Guid RunId, DateTimeOffset At, string ChipUid, string FlashloaderVersion, string HabMode, TimeSpan HandOver) : RunEvent(RunId, At);

/// <summary>A step attempt began; a repeat says why it is repeated.</summary>
public sealed record StepStarted(Guid RunId, DateTimeOffset At, RunStep Step, int Attempt, string? RetryReason) : RunEvent(RunId, At);

/// <summary>A step attempt ended; on failure, its class, the device status and the reason.</summary>
public sealed record StepEnded(
    Guid RunId, DateTimeOffset At, RunStep Step, int Attempt, bool Succeeded, TimeSpan Duration,
    FailureClass? Failure, uint? DeviceStatus, string? Reason) : RunEvent(RunId, At);

/// <summary>Bytes moved by a long step (write, verify, load).</summary>
public sealed record StepProgress(Guid RunId, DateTimeOffset At, RunStep Step, long Bytes, long TotalBytes) : RunEvent(RunId, At);

/// <summary>A fuse word as read and classified, before anything is written.</summary>
public sealed record FuseWordPlanned(
    Guid RunId, DateTimeOffset At, uint Index, string Name, uint RequestedValue, uint Mask, uint Current, FuseDecision Decision) : RunEvent(RunId, At);

/// <summary>
/// Published durably before a burn (<see cref="IRunEvents.PublishDurablyAsync"/>): if the station
/// dies now, the word is re-read on the unit's next run.
/// </summary>
public sealed record FuseBurnIntent(
    Guid RunId, DateTimeOffset At, uint Index, string Name, uint RequestedValue, uint Mask, uint Before, uint BitsToBurn, bool Lock,
    string? ApprovalReference) : RunEvent(RunId, At);

/// <summary>
/// A burn's result, read back. <paramref name="ResolvedByReRead"/>: the link failed after the
/// intent, and a re-read on the next attempt says what the burn did.
/// </summary>
public sealed record FuseBurnResult(
    Guid RunId, DateTimeOffset At, uint Index, string Name, uint Before, uint After, bool Verified, uint? DeviceStatus,
    bool ResolvedByReRead) : RunEvent(RunId, At);

/// <summary>
/// A fuse intent left without a result by an earlier run (the station stopped mid-burn), resolved
/// by re-reading the word on this run: <paramref name="Verified"/> says whether it holds the
/// requested bits.
/// </summary>
public sealed record FuseIntentResolved(
    Guid RunId, DateTimeOffset At, Guid IntentId, uint Index, string Name, uint Value, bool Verified) : RunEvent(RunId, At);

/// <summary>An image written and read back.</summary>
public sealed record ImageWritten(
    Guid RunId, DateTimeOffset At, uint MemoryId, uint Address, int Length, string ImageSha256, string ReadBackSha256) : RunEvent(RunId, At);

/// <summary>A line of the run's own log.</summary>
public sealed record RunLog(Guid RunId, DateTimeOffset At, string Level, string Message) : RunEvent(RunId, At);

/// <summary>The run ended.</summary>
public sealed record RunEnded(
    Guid RunId, DateTimeOffset At, RunOutcome Outcome, FailureClass? Failure, RunStep? FailedStep, uint? DeviceStatus,
    string? Reason, string? OperatorAction, int Attempts, TimeSpan Duration) : RunEvent(RunId, At);
