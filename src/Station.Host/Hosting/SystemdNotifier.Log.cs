namespace Station.Host.Hosting;

internal sealed partial class SystemdNotifier
{
    private static partial class Log
    {
        [LoggerMessage(HostEventIds.SystemdNotifyFailed, LogLevel.Warning, "Notifying systemd on {Socket} failed")]
        public static partial void NotifyFailed(ILogger logger, string socket, Exception exception);
    }
}
