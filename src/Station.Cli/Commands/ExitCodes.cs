namespace Station.Cli.Commands;

/// <summary>The exit codes of <c>station</c> (docs/CLI.md).</summary>
internal static class ExitCodes
{
    /// <summary>Done.</summary>
    public const int Success = 0;

    /// <summary>The device answered with a failure status, or the check found problems.</summary>
    public const int Failed = 1;

    /// <summary>Bad arguments, settings or input files.</summary>
    public const int Usage = 2;

    /// <summary>No device, or the link to it failed (timeout, disconnect, malformed answer).</summary>
    public const int NoDevice = 3;

    /// <summary>The database could not be reached, or refused (a migration check failed), or the records' journal is in use.</summary>
    public const int Database = 4;
}
