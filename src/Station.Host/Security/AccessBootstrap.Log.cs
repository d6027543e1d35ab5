namespace Station.Host.Security;

internal sealed partial class AccessBootstrap
{
    private static partial class Log
    {
        [LoggerMessage(HostEventIds.BootstrapKeyStored, LogLevel.Information, "The bootstrap admin key from configuration was stored (hashed) as API key {Name}")]
        public static partial void BootstrapKeyStored(ILogger logger, string name);

        [LoggerMessage(HostEventIds.AdminKeyGenerated, LogLevel.Warning, "No admin existed: admin API key {Name} ({Prefix}…) was generated and printed once to the console")]
        public static partial void AdminKeyGenerated(ILogger logger, string name, string prefix);

        [LoggerMessage(HostEventIds.DemoUsersCreated, LogLevel.Warning, "Demo users {Users} are enabled ({Environment} set-up); never enable Auth:DemoUsers on a production station")]
        public static partial void DemoUsers(ILogger logger, string users, string environment);
    }
}
