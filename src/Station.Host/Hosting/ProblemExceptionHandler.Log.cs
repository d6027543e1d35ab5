namespace Station.Host.Hosting;

internal sealed partial class ProblemExceptionHandler
{
    private static partial class Log
    {
        [LoggerMessage(HostEventIds.UnhandledError, LogLevel.Error, "{Method} {Path} failed")]
        public static partial void Unhandled(ILogger logger, string method, PathString path, Exception exception);
    }
}
