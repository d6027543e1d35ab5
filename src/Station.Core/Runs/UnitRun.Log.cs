using Microsoft.Extensions.Logging;

namespace Station.Core.Runs;

public sealed partial class UnitRun
{
    private static partial class Log
    {
        [LoggerMessage(2000, LogLevel.Warning, "Run {RunId} step {Step} attempt {Attempt} failed ({Failure}): {Reason}")]
        public static partial void StepFailed(ILogger logger, Guid runId, RunStep step, int attempt, FailureClass failure, string reason);

        [LoggerMessage(2001, LogLevel.Information, "Run {RunId}: {Message}")]
        public static partial void Note(ILogger logger, Guid runId, string message);

        [LoggerMessage(2003, LogLevel.Critical, "Run {RunId}: its end could not be stored")]
        public static partial void EndNotStored(ILogger logger, Guid runId, Exception exception);

        [LoggerMessage(2002, LogLevel.Error, "Run {RunId} failed in {Step} with a station error")]
        public static partial void Unexpected(ILogger logger, Guid runId, RunStep step, Exception exception);
    }
}
