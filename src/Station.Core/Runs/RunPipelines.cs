using Polly;
using Polly.Retry;

namespace Station.Core.Runs;

/// <summary>
/// The resilience pipelines of a run (Polly v8, STYLE 4.7): each wraps one idempotent unit of work
/// and says which failures it repeats and what it does before each repeat. Retries never wait on a
/// clock: the board is waited for by the device monitor, not by a back-off.
/// </summary>
internal static class RunPipelines
{
    /// <summary>
    /// Repeats a unit after a transport failure (timeout, disconnect, malformed report) up to
    /// <paramref name="retries"/> times; <paramref name="beforeRetry"/> re-opens the session.
    /// </summary>
    public static ResiliencePipeline Transport(int retries, Func<Exception, int, ValueTask> beforeRetry, TimeProvider timeProvider) =>
        Retry(retries, IsTransportFailure, beforeRetry, timeProvider);

    /// <summary>
    /// Repeats the flash unit after a transient flash failure once per rung of the recovery ladder;
    /// <paramref name="climb"/> prepares rung N (re-configure slower, reload, power-cycle).
    /// </summary>
    public static ResiliencePipeline FlashLadder(int rungs, Func<Exception, int, ValueTask> climb, TimeProvider timeProvider) =>
        Retry(rungs, IsTransientFlashFailure, climb, timeProvider);

    /// <summary>A failure of the link, not of the device's work: a fresh session may well succeed.</summary>
    public static bool IsTransportFailure(Exception exception) =>
        exception is Protocols.DeviceException { IsTransient: true } and not Protocols.MBoot.MBootCommandException;

    /// <summary>A flash operation the device reported as failing transiently (20106 and friends), or a read-back mismatch.</summary>
    public static bool IsTransientFlashFailure(Exception exception) =>
        exception is Protocols.MBoot.MBootCommandException { IsTransient: true } or VerifyMismatchException;

    private static ResiliencePipeline Retry(int attempts, Func<Exception, bool> handles, Func<Exception, int, ValueTask> beforeRetry, TimeProvider timeProvider) =>
        attempts <= 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder { TimeProvider = timeProvider }
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder().Handle(handles),
                    MaxRetryAttempts = attempts,
                    Delay = TimeSpan.Zero,
                    BackoffType = DelayBackoffType.Constant,
                    OnRetry = arguments => beforeRetry(arguments.Outcome.Exception!, arguments.AttemptNumber),
                })
                .Build();
}
