using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Station.Data.Access;
using Station.Data.Export;
using Station.Data.Ledger;
using Station.Data.Migrations;
using Station.Data.Queries;

namespace Station.Data;

/// <summary>Registration for the composition roots (Host and Cli only, STYLE 4.3).</summary>
public static class DataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the database chosen by <c>Database:Provider</c> and <c>ConnectionStrings:Station</c>:
    /// <see cref="IDbContextFactory{StationDbContext}"/> (and a scoped <see cref="StationDbContext"/>),
    /// the migrator, the ledger verifier, the queries and the exporter. The settings are read now, so
    /// a misconfigured station refuses to start with every problem listed. The
    /// <see cref="Recording.RecordWriter"/> is started by the host (it is async and owns a journal folder).
    /// </summary>
    /// <exception cref="DatabaseConfigurationException">The settings are missing or invalid.</exception>
    public static IServiceCollection AddStationData(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = DatabaseOptions.FromConfiguration(configuration);
        var factory = new StationDbContextFactory(options);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(options);
        services.AddSingleton(factory);
        services.AddSingleton<IDbContextFactory<StationDbContext>>(factory);
        services.AddScoped(_ => factory.CreateDbContext());
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<LedgerVerifier>();
        services.AddSingleton<RecordQueries>();
        services.AddSingleton<UnitRecordExporter>();
        services.AddSingleton<AccessStore>();
        return services;
    }
}
