namespace Station.Host;

/// <summary>Event ids of the host's log messages (STYLE 4.8: Host 4000–4999).</summary>
internal static class HostEventIds
{
    public const int Starting = 4000;
    public const int Migrated = 4001;
    public const int MigrationSkipped = 4002;
    public const int RecoveryReport = 4003;
    public const int RecoveryInterruptedRun = 4004;
    public const int RecoveryFailed = 4005;
    public const int BootstrapKeyStored = 4006;
    public const int AdminKeyGenerated = 4007;
    public const int DemoUsersCreated = 4008;
    public const int DefaultRecipeImported = 4009;
    public const int DefaultRecipeRejected = 4010;
    public const int RecipeActivated = 4011;
    public const int RecipeApproved = 4012;
    public const int ActiveRecipeUnusable = 4013;
    public const int RunRequested = 4014;
    public const int RunRequestNotStored = 4015;
    public const int KeyRejected = 4016;
    public const int SignInFailed = 4017;
    public const int SignedIn = 4018;
    public const int Request = 4019;
    public const int UnhandledError = 4020;
    public const int HubSendFailed = 4021;
    public const int SimulatedBoardPlugged = 4022;
    public const int SimulatedBoardUnplugged = 4023;
    public const int Stopping = 4024;
    public const int SystemdNotifyFailed = 4025;
    public const int WindowsService = 4026;
    public const int Listening = 4027;
    public const int DeviceMonitorFailed = 4028;
    public const int RecorderStatus = 4029;
}
