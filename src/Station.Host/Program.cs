using Station.Host.Hosting;

// The station service (issue 6): REST for MES and QA, the live hub, the dashboard, the engine and the
// records, composed in Hosting/StationHostExtensions.cs. As a Windows service it is started by SCM.
var service = OperatingSystem.IsWindows() ? WindowsServiceHost.TryConnect() : null;
var builder = WebApplication.CreateBuilder(new WebApplicationOptions
{
    Args = args,
    ContentRootPath = service is null ? null : AppContext.BaseDirectory,
});
builder.AddStationHost();
if (service is not null && OperatingSystem.IsWindows())
{
    builder.Services.AddSingleton<IHostLifetime>(service);
}

var app = builder.Build();
app.MapStationHost();
if (service is not null && OperatingSystem.IsWindows())
{
    service.Attach(app.Lifetime);
}

await app.RunAsync();

/// <summary>The entry point (public for WebApplicationFactory).</summary>
public partial class Program;
