using Microsoft.Extensions.Configuration;

namespace Station.Data;

/// <summary>
/// Which database and where: <c>Database:Provider</c> (Sqlite | Postgres, default Sqlite) and
/// <c>ConnectionStrings:Station</c>. Every command and the host read the same keys.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Database:Provider";
    public const string ConnectionStringName = "Station";

    /// <summary>Reads and checks the settings; a bad configuration lists every problem at once.</summary>
    /// <exception cref="DatabaseConfigurationException">The settings are missing or invalid.</exception>
    public static DatabaseOptions FromConfiguration(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var errors = new List<string>();

        var providerText = configuration[ProviderKey];
        var provider = DatabaseProvider.Sqlite;
        if (!string.IsNullOrWhiteSpace(providerText) && !TryParseProvider(providerText, out provider))
        {
            errors.Add($"{ProviderKey} is '{providerText}'; expected Sqlite or Postgres.");
        }

        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            errors.Add($"ConnectionStrings:{ConnectionStringName} is not set.");
        }

        return errors.Count > 0
            ? throw new DatabaseConfigurationException(errors)
            : new DatabaseOptions(provider, connectionString!);
    }

    private static bool TryParseProvider(string text, out DatabaseProvider provider)
    {
        switch (text.Trim().ToUpperInvariant())
        {
            case "SQLITE":
                provider = DatabaseProvider.Sqlite;
                return true;
            case "POSTGRES" or "POSTGRESQL" or "NPGSQL":
                provider = DatabaseProvider.Postgres;
                return true;
            default:
                provider = default;
                return false;
        }
    }
}
