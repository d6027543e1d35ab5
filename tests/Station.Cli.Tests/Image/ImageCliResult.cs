namespace Station.Cli.Tests.Image;

/// <summary>What one in-process <c>station</c> run returned and printed.</summary>
internal sealed record ImageCliResult(int ExitCode, string Stdout, string Stderr);
