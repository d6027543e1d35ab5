namespace Station.Host.Api;

internal static partial class AuthApi
{
    private static partial class Log
    {
        [LoggerMessage(HostEventIds.SignInFailed, LogLevel.Warning, "Sign-in refused for {UserName}")]
        public static partial void SignInFailed(ILogger logger, string userName);

        [LoggerMessage(HostEventIds.SignedIn, LogLevel.Information, "{UserName} signed in ({Roles})")]
        public static partial void SignedIn(ILogger logger, string userName, string roles);
    }
}
