namespace Station.Host.Hosting;

internal sealed partial class RequestLog
{
    private static partial class Log
    {
        [LoggerMessage(HostEventIds.Request, LogLevel.Information, "{Method} {Path} answered {Status} in {Milliseconds:0.0} ms")]
        public static partial void Request(ILogger logger, string method, PathString path, int status, double milliseconds);
    }
}
