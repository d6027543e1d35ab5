namespace Station.Cli.Commands;

/// <summary>A failure the user can fix, reported as one line on stderr with <see cref="ExitCode"/>.</summary>
internal sealed class CliException(string message, int exitCode) : Exception(message)
{
    public int ExitCode { get; } = exitCode;
}
