using System.CommandLine;
using System.Data.Common;
using Station.Cli.Settings;
using Station.Data;
using Station.Data.Migrations;

namespace Station.Cli.Commands;

/// <summary>
/// What the commands that read the station's settings share (db, ledger, export, run): they accept
/// <c>--Section:Key=value</c> settings arguments besides their own options, resolve the settings
/// (docs/CONFIGURATION.md), and turn every expected failure into one line on stderr and an exit code.
/// </summary>
internal static class SettingsCommandLine
{
    /// <summary>Lets <paramref name="command"/> take settings arguments; anything else unknown is still an error.</summary>
    public static T AcceptSettings<T>(T command)
        where T : Command
    {
        command.TreatUnmatchedTokensAsErrors = false;
        return command;
    }

    /// <summary>The settings this invocation sees: files, environment, and its <c>--Key:Sub=value</c> arguments.</summary>
    /// <exception cref="CliException">An argument is neither an option nor a setting, or a setting is invalid.</exception>
    public static StationSettings Resolve(ParseResult parseResult)
    {
        var arguments = Split(parseResult);
        try
        {
            return StationSettings.FromConfiguration(CliConfiguration.Build(arguments));
        }
        catch (DatabaseConfigurationException exception)
        {
            throw new CliException("settings: " + string.Join(" ", exception.Errors) + " (docs/CONFIGURATION.md)", ExitCodes.Usage);
        }
    }

    /// <summary>Rejects the unknown tokens of a command that will not read the settings (all but settings arguments).</summary>
    /// <exception cref="CliException">An argument is neither an option nor a setting.</exception>
    public static void RejectUnknown(ParseResult parseResult) => Split(parseResult);

    /// <summary>Runs a command body that uses the settings; expected failures become "error: …" and an exit code.</summary>
    public static Task<int> RunAsync(ParseResult parseResult, Func<StationSettings, Task<int>> body) =>
        GuardAsync(parseResult, () => body(Resolve(parseResult)));

    /// <summary>Runs a command body; expected failures (settings, database, migration, files) become "error: …" and an exit code.</summary>
    public static async Task<int> GuardAsync(ParseResult parseResult, Func<Task<int>> body)
    {
        var error = parseResult.InvocationConfiguration.Error;
        try
        {
            return await body();
        }
        catch (CliException exception)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return exception.ExitCode;
        }
        catch (MigrationException exception)
        {
            await error.WriteLineAsync($"error: migration: {exception.Message}");
            return ExitCodes.Database;
        }
        catch (Exception exception) when (exception is DbException or TimeoutException)
        {
            await error.WriteLineAsync($"error: database: {exception.Message}");
            return ExitCodes.Database;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"error: {exception.Message}");
            return ExitCodes.Usage;
        }
    }

    private static IReadOnlyList<string> Split(ParseResult parseResult)
    {
        var (arguments, unknown) = ConfigurationArguments.Split(parseResult.UnmatchedTokens);
        return unknown.Count > 0
            ? throw new CliException(
                $"unrecognized argument{(unknown.Count > 1 ? "s" : "")} {string.Join(' ', unknown.Select(t => $"'{t}'"))} " +
                "(settings are written --Section:Key=value, e.g. --Database:Provider=Postgres)", ExitCodes.Usage)
            : arguments;
    }
}
