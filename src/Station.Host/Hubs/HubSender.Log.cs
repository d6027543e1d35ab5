namespace Station.Host.Hubs;

internal sealed partial class HubSender
{
    private static partial class Log
    {
        [LoggerMessage(HostEventIds.HubSendFailed, LogLevel.Warning, "Sending {Method} to the hub's clients failed")]
        public static partial void SendFailed(ILogger logger, string method, Exception exception);
    }
}
