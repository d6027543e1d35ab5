using System.CommandLine;
using System.Data.Common;
using System.Globalization;
using Station.Data;
using Station.Data.Access;

namespace Station.Cli.Commands;

/// <summary>
/// <c>station keys create|list|revoke</c>: API keys of the station service (issue 6), stored hashed in
/// the station's database. The database is the host's: <c>--provider</c> and <c>--connection</c>, or
/// the environment variables the host reads (<c>Database__Provider</c>, <c>ConnectionStrings__Station</c>).
/// The database must be migrated (the host does it at start, or <c>station db migrate</c>).
/// </summary>
internal static class KeysCommands
{
    public static Command Create()
    {
        var command = new Command("keys", "Create, list and revoke the station service's API keys (sent as X-Api-Key).");
        command.Subcommands.Add(CreateKey());
        command.Subcommands.Add(ListKeys());
        command.Subcommands.Add(RevokeKey());
        return command;
    }

    private static Command CreateKey()
    {
        var role = new Option<string>("--role") { Description = "Role(s): operator, engineer, qa, mes, admin (comma-separated).", Required = true };
        var name = new Option<string?>("--name") { Description = "What the key is for (default: the role and the date), e.g. mes-line-1." };
        var (provider, connection) = DatabaseOptions();
        var command = new Command("create", "Create an API key; it is printed once and only its hash is stored.") { role, name, provider, connection };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var store = Store(parseResult, provider, connection, out var problem);
            if (store is null)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"error: {problem}");
                return ExitCodes.Usage;
            }

            var roles = parseResult.GetRequiredValue(role);
            var keyName = parseResult.GetValue(name)
                ?? string.Create(CultureInfo.InvariantCulture, $"{roles.Split(',')[0].Trim()}-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
            try
            {
                var key = await store.CreateApiKeyAsync(keyName, roles, "station keys create (" + Environment.UserName + ")", cancellationToken);
                await parseResult.InvocationConfiguration.Output.WriteLineAsync(
                    $"Created API key '{key.Record.Name}' ({key.Record.Roles}). It is shown this once; send it as the X-Api-Key header:");
                await parseResult.InvocationConfiguration.Output.WriteLineAsync(key.Secret);
                return ExitCodes.Success;
            }
            catch (AccessException exception)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"error: {exception.Message}");
                return ExitCodes.Usage;
            }
            catch (DbException exception)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"error: the database could not be used (is it migrated?): {exception.Message}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    private static Command ListKeys()
    {
        var (provider, connection) = DatabaseOptions();
        var command = new Command("list", "List API keys (names, roles, prefixes; never the keys).") { provider, connection };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var store = Store(parseResult, provider, connection, out var problem);
            if (store is null)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"error: {problem}");
                return ExitCodes.Usage;
            }

            try
            {
                foreach (var key in await store.ListApiKeysAsync(cancellationToken))
                {
                    await parseResult.InvocationConfiguration.Output.WriteLineAsync(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{key.Name,-32} {key.Roles,-24} {key.Prefix}…  created {key.CreatedAt:yyyy-MM-dd HH:mm}Z{(key.RevokedAt is { } revoked ? $"  revoked {revoked:yyyy-MM-dd HH:mm}Z" : "")}"));
                }

                return ExitCodes.Success;
            }
            catch (DbException exception)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"error: the database could not be used (is it migrated?): {exception.Message}");
                return ExitCodes.Failed;
            }
        });
        return command;
    }

    private static Command RevokeKey()
    {
        var name = new Option<string>("--name") { Description = "The key's name.", Required = true };
        var (provider, connection) = DatabaseOptions();
        var command = new Command("revoke", "Revoke an API key (callers using it get 401 within a minute).") { name, provider, connection };
        command.SetAction(async (parseResult, cancellationToken) =>
        {
            var store = Store(parseResult, provider, connection, out var problem);
            if (store is null)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"error: {problem}");
                return ExitCodes.Usage;
            }

            if (!await store.RevokeApiKeyAsync(parseResult.GetRequiredValue(name), cancellationToken))
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync($"error: there is no active API key named '{parseResult.GetRequiredValue(name)}'.");
                return ExitCodes.Failed;
            }

            await parseResult.InvocationConfiguration.Output.WriteLineAsync($"Revoked API key '{parseResult.GetRequiredValue(name)}'.");
            return ExitCodes.Success;
        });
        return command;
    }

    private static (Option<string?> Provider, Option<string?> Connection) DatabaseOptions() =>
        (new Option<string?>("--provider") { Description = "Sqlite or Postgres (default: Database__Provider, else Sqlite)." },
         new Option<string?>("--connection") { Description = "The connection string (default: ConnectionStrings__Station)." });

    private static AccessStore? Store(ParseResult parseResult, Option<string?> provider, Option<string?> connection, out string problem)
    {
        var providerText = parseResult.GetValue(provider) ?? Environment.GetEnvironmentVariable("Database__Provider") ?? "Sqlite";
        var connectionString = parseResult.GetValue(connection) ?? Environment.GetEnvironmentVariable("ConnectionStrings__Station");
        problem = "";
        DatabaseProvider kind;
        switch (providerText.Trim().ToUpperInvariant())
        {
            case "SQLITE":
                kind = DatabaseProvider.Sqlite;
                break;
            case "POSTGRES" or "POSTGRESQL":
                kind = DatabaseProvider.Postgres;
                break;
            default:
                problem = $"--provider is '{providerText}'; expected Sqlite or Postgres.";
                return null;
        }

        if (string.IsNullOrWhiteSpace(connectionString))
        {
            problem = "give the database: --connection \"Data Source=/var/lib/station/station.db\" (or set ConnectionStrings__Station).";
            return null;
        }

        return new AccessStore(new StationDbContextFactory(new Station.Data.DatabaseOptions(kind, connectionString)), TimeProvider.System);
    }
}
