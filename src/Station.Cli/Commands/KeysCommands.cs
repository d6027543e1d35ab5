using System.CommandLine;
using System.Globalization;
using Station.Cli.Settings;
using Station.Data;
using Station.Data.Access;

namespace Station.Cli.Commands;

/// <summary>
/// <c>station keys create|list|revoke</c>: API keys of the station service (issue 6), stored hashed in
/// the station's database, the one the settings name (docs/CONFIGURATION.md: files, environment,
/// <c>--ConnectionStrings:Station=…</c>). The database must be migrated (the host does it at start
/// for SQLite, or <c>station db migrate</c>).
/// </summary>
internal static class KeysCommands
{
    public static Command Create() => new("keys", "Create, list and revoke the station service's API keys (sent as X-Api-Key).")
    {
        CreateKey(),
        ListKeys(),
        RevokeKey(),
    };

    private static Command CreateKey()
    {
        var role = new Option<string>("--role") { Description = "Role(s): operator, engineer, qa, mes, admin (comma-separated).", Required = true };
        var name = new Option<string?>("--name") { Description = "What the key is for (default: the role and the date), e.g. mes-line-1." };
        var command = SettingsCommandLine.AcceptSettings(new Command("create", "Create an API key; it is printed once and only its hash is stored.") { role, name });
        command.SetAction((parseResult, cancellationToken) => SettingsCommandLine.RunAsync(parseResult, async settings =>
        {
            var roles = parseResult.GetRequiredValue(role);
            var keyName = parseResult.GetValue(name)
                ?? string.Create(CultureInfo.InvariantCulture, $"{roles.Split(',')[0].Trim()}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
            CreatedApiKey key;
            try
            {
                key = await Store(settings).CreateApiKeyAsync(keyName, roles, $"station keys create ({Environment.UserName})", cancellationToken);
            }
            catch (AccessException exception)
            {
                throw new CliException(exception.Message, ExitCodes.Usage);
            }

            var output = parseResult.InvocationConfiguration.Output;
            await output.WriteLineAsync($"Created API key '{key.Record.Name}' ({key.Record.Roles}) in {settings.DescribeDatabase()}.");
            await output.WriteLineAsync("It is shown this once; send it as the X-Api-Key header:");
            await output.WriteLineAsync(key.Secret);
            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command ListKeys()
    {
        var command = SettingsCommandLine.AcceptSettings(new Command("list", "List API keys (names, roles, prefixes; never the keys)."));
        command.SetAction((parseResult, cancellationToken) => SettingsCommandLine.RunAsync(parseResult, async settings =>
        {
            foreach (var key in await Store(settings).ListApiKeysAsync(cancellationToken))
            {
                await parseResult.InvocationConfiguration.Output.WriteLineAsync(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{key.Name,-32} {key.Roles,-24} {key.Prefix}…  created {key.CreatedAt:yyyy-MM-dd HH:mm}Z{(key.RevokedAt is { } revoked ? $"  revoked {revoked:yyyy-MM-dd HH:mm}Z" : "")}"));
            }

            return ExitCodes.Success;
        }));
        return command;
    }

    private static Command RevokeKey()
    {
        var name = new Option<string>("--name") { Description = "The key's name.", Required = true };
        var command = SettingsCommandLine.AcceptSettings(new Command("revoke", "Revoke an API key (callers using it get 401 within a minute).") { name });
        command.SetAction((parseResult, cancellationToken) => SettingsCommandLine.RunAsync(parseResult, async settings =>
        {
            var keyName = parseResult.GetRequiredValue(name);
            if (!await Store(settings).RevokeApiKeyAsync(keyName, cancellationToken))
            {
                throw new CliException($"there is no active API key named '{keyName}'.", ExitCodes.Failed);
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"Revoked API key '{keyName}'.");
            return ExitCodes.Success;
        }));
        return command;
    }

    private static AccessStore Store(StationSettings settings) => new(new StationDbContextFactory(settings.Database), TimeProvider.System);
}
