using Microsoft.Extensions.Configuration;

namespace Station.Cli.Settings;

/// <summary>
/// Where <c>station</c> reads its settings, later sources winning (docs/CONFIGURATION.md):
/// appsettings.json next to the executable, the machine's settings file
/// (<c>/etc/station/appsettings.json</c>, or <c>%ProgramData%\Station\appsettings.json</c> on
/// Windows), appsettings.json in the current directory, environment variables
/// (<c>Database__Provider</c>) and <c>--Database:Provider=…</c> arguments. The host reads the same
/// keys from the same kinds of sources, so a command sees what the service on that machine sees.
/// </summary>
internal static class CliConfiguration
{
    public const string FileName = "appsettings.json";

    /// <summary>The machine-wide settings file shared by the service and every command.</summary>
    public static string MachineSettingsPath => OperatingSystem.IsWindows()
        ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.CommonApplicationData), "Station", FileName)
        : Path.Combine("/etc/station", FileName);

    /// <summary>The settings of this process: its files, its environment and <paramref name="arguments"/> (<c>--Key:Sub=value</c>).</summary>
    public static IConfigurationRoot Build(IReadOnlyList<string> arguments) =>
        Build(arguments, [Path.Combine(AppContext.BaseDirectory, FileName), MachineSettingsPath, Path.Combine(Environment.CurrentDirectory, FileName)]);

    /// <summary>The same, with the settings files given (tests).</summary>
    public static IConfigurationRoot Build(IReadOnlyList<string> arguments, IReadOnlyList<string> settingsFiles)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        ArgumentNullException.ThrowIfNull(settingsFiles);
        var builder = new ConfigurationBuilder();
        var seen = new HashSet<string>(OperatingSystem.IsWindows() ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal);
        foreach (var file in settingsFiles)
        {
            var path = Path.GetFullPath(file);
            if (seen.Add(path))
            {
                builder.AddJsonFile(path, optional: true, reloadOnChange: false);
            }
        }

        builder.AddEnvironmentVariables();
        builder.AddCommandLine([.. arguments]);
        return builder.Build();
    }
}
