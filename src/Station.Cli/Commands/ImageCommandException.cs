namespace Station.Cli.Commands;

/// <summary>A command-line problem worth one line (missing file, conflicting or missing options).</summary>
internal sealed class ImageCommandException(string message) : Exception(message);
