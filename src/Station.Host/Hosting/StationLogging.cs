using Serilog;
using Serilog.Formatting.Json;

namespace Station.Host.Hosting;

/// <summary>
/// Serilog as the logging provider (Serilog.AspNetCore is not served here, so through
/// Serilog.Extensions.Logging): the console, and a rolling file of JSON events (one file a day,
/// 31 kept) whose properties include the run and slot of every line logged inside a run's scope.
/// Levels come from the <c>Serilog</c> configuration section.
/// </summary>
internal static class StationLogging
{
    public static void AddStationLogging(this WebApplicationBuilder builder, HostPaths paths)
    {
        Directory.CreateDirectory(paths.Logs);
        var logger = new LoggerConfiguration()
            .MinimumLevel.Information()
            .MinimumLevel.Override("Microsoft", Serilog.Events.LogEventLevel.Warning)
            .MinimumLevel.Override("Microsoft.Hosting.Lifetime", Serilog.Events.LogEventLevel.Information)
            .ReadFrom.Configuration(builder.Configuration)
            .Enrich.FromLogContext()
            .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {Message:lj}{NewLine}{Exception}")
            .WriteTo.File(
                new JsonFormatter(renderMessage: true),
                Path.Combine(paths.Logs, "station-.json"),
                rollingInterval: RollingInterval.Day,
                retainedFileCountLimit: 31,
                shared: true)
            .CreateLogger();
        builder.Logging.ClearProviders();
        builder.Logging.AddSerilog(logger, dispose: true);
    }
}
