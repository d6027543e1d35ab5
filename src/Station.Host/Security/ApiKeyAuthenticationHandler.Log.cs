namespace Station.Host.Security;

internal sealed partial class ApiKeyAuthenticationHandler
{
    private static partial class Log
    {
        [LoggerMessage(HostEventIds.KeyRejected, LogLevel.Warning, "An unknown or revoked API key was presented for {Path}")]
        public static partial void KeyRejected(ILogger logger, PathString path);
    }
}
