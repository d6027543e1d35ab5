using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Options;
using Station.Core.Devices;
using Station.Core.Power;
using Station.Core.Runs;
using Station.Data;
using Station.Host.Api;
using Station.Host.Hubs;
using Station.Host.Metrics;
using Station.Host.Recipes;
using Station.Host.Runs;
using Station.Host.Security;
using Station.Host.Simulation;
using Station.Protocols.Transport;
using Station.Protocols.Transport.Linux;
using Station.Simulator;

namespace Station.Host.Hosting;

/// <summary>The host's composition: what Program.cs calls.</summary>
internal static class StationHostExtensions
{
    /// <summary>Registers everything the station service needs, from configuration (every problem listed at once).</summary>
    public static WebApplicationBuilder AddStationHost(this WebApplicationBuilder builder)
    {
        var configuration = builder.Configuration;
        var station = configuration.GetSection(StationOptions.Section).Get<StationOptions>() ?? new StationOptions();
        var devices = configuration.GetSection(DevicesOptions.Section).Get<DevicesOptions>() ?? new DevicesOptions();
        var paths = new HostPaths(station, configuration["Station:DashboardPath"]);
        Directory.CreateDirectory(paths.Data);
        var provider = configuration[DatabaseOptions.ProviderKey]?.Trim();
        if (string.IsNullOrWhiteSpace(configuration.GetConnectionString(DatabaseOptions.ConnectionStringName))
            && (string.IsNullOrEmpty(provider) || provider.Equals("sqlite", StringComparison.OrdinalIgnoreCase)))
        {
            // A single station's default: its own SQLite file in the data folder.
            configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["ConnectionStrings:" + DatabaseOptions.ConnectionStringName] = $"Data Source={Path.Combine(paths.Data, "station.db")}",
            });
        }

        StationOptionsValidation.ThrowIfInvalid(station, devices);
        builder.AddStationLogging(paths);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = 16 * 1024 * 1024);

        var services = builder.Services;
        services.AddOptions<StationOptions>().BindConfiguration(StationOptions.Section);
        services.AddOptions<DevicesOptions>().BindConfiguration(DevicesOptions.Section);
        services.AddOptions<AuthOptions>().BindConfiguration(AuthOptions.Section);
        services.AddOptions<DatabaseStartupOptions>().BindConfiguration("Database");
        services.AddSingleton(paths);
        services.AddStationData(configuration);

        AddDevices(services, devices, station, paths);
        services.AddSingleton<HubOutbox>();
        services.AddSingleton<SlotBoard>();
        services.AddSingleton<StationMetrics>();
        services.AddSingleton<RecipeCatalog>();
        services.AddSingleton<RunRecords>();
        services.AddSingleton<RunStarter>();
        services.AddSingleton<AccessBootstrap>();
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<StationRuntime>();
        services.AddHostedService<StationWorker>();
        services.AddHostedService<HubSender>();
        services.AddHostedService<SystemdNotifier>();

        AddSecurity(services);
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            context.ProblemDetails.Extensions.TryAdd("traceId", context.HttpContext.TraceIdentifier);
            context.ProblemDetails.Detail ??= DefaultDetail(context.HttpContext, context.ProblemDetails.Status ?? context.HttpContext.Response.StatusCode);
        });
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddSignalR(options => options.MaximumReceiveMessageSize = 32 * 1024);
        services.AddOpenApi();
        // Sign-in cookies stay valid across restarts: the data protection keys live with the data.
        services.AddDataProtection().SetApplicationName("Station").PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(paths.Data, "keys")));
        return builder;
    }

    /// <summary>The middleware and every endpoint: /api, /hubs/station, /healthz, /readyz, /metrics, /openapi, the dashboard.</summary>
    public static WebApplication MapStationHost(this WebApplication app)
    {
        var paths = app.Services.GetRequiredService<HostPaths>();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseMiddleware<RequestLog>();
        var dashboard = Directory.Exists(paths.Dashboard) ? new PhysicalFileProvider(paths.Dashboard) : null;
        if (dashboard is not null)
        {
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = dashboard });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = dashboard });
        }

        app.UseRouting();
        app.UseMiddleware<RequestBodyLimits>();
        app.UseAuthentication();
        app.UseAuthorization();

        var api = app.MapGroup("/api");
        api.MapAuthApi().MapRunsApi().MapUnitsApi().MapRecipesApi().MapStationApi().MapLedgerApi().MapAdminApi();
        var devices = app.Services.GetRequiredService<IOptions<DevicesOptions>>().Value;
        if (devices.IsSimulator && devices.Simulator.Api)
        {
            api.MapSimApi();
        }

        app.MapHub<StationHub>("/hubs/station").RequireAuthorization(StationPolicies.SignedIn);
        app.MapHealthApi();
        app.MapOpenApi().RequireAuthorization(StationPolicies.SignedIn);
        app.Lifetime.ApplicationStarted.Register(() => Announce(app, dashboard is not null));
        if (dashboard is not null)
        {
            // The dashboard's page for any other path; unknown /api and /hubs paths stay 404 problem details.
            app.MapFallbackToFile("{*path:regex(^(?!api/|api$|hubs/|openapi/).*$)}", "index.html", new StaticFileOptions { FileProvider = dashboard })
                .AllowAnonymous();
        }

        return app;
    }

    /// <summary>Tells the person who started the host where the dashboard is and how to sign in (console only).</summary>
    private static void Announce(WebApplication app, bool hasDashboard)
    {
        var addresses = app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<Microsoft.AspNetCore.Hosting.Server.Features.IServerAddressesFeature>()?.Addresses ?? [];
        var auth = app.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        foreach (var address in addresses)
        {
            Console.WriteLine(hasDashboard
                ? $"Station dashboard: {address}/"
                : $"Station API: {address}/api (the dashboard is not built: npm ci && npm run build in web-ui/)");
        }

        if (auth.DemoUsers && addresses.Count > 0)
        {
            Console.WriteLine($"Sign in as operator, engineer, qa, mes or admin with the password '{auth.DemoPassword}' (demo accounts).");
        }
    }

    private static void AddDevices(IServiceCollection services, DevicesOptions devices, StationOptions station, HostPaths paths)
    {
        if (devices.IsSimulator)
        {
            var family = !string.IsNullOrWhiteSpace(devices.Simulator.Family) ? devices.Simulator.Family : DefaultFamily(station, paths);
            services.AddSingleton(provider => new SimulatedBoards(
                devices.Simulator.Boards, BoardFamily.Parse(family), devices.Simulator.TimeScale, provider.GetRequiredService<ILogger<SimulatedBoards>>(),
                devices.Simulator.StateDirectory));
            services.AddSingleton(provider => new DeviceMonitor(
                provider.GetRequiredService<SimulatedBoards>().Bus, provider.GetRequiredService<SimulatedBoards>().Slots, provider.GetRequiredService<TimeProvider>()));
        }
        else
        {
            var power = devices.PowerCycle;
            if (!string.IsNullOrWhiteSpace(power.Command))
            {
                services.AddSingleton<IPowerCycler>(new CommandPowerCycler(power.Command, [.. power.Arguments], power.Time));
            }
            else if (power.HubPort && OperatingSystem.IsLinux())
            {
                AddHubPortPower(services, power.Time);
            }

            services.AddSingleton(provider => HidDeviceLists.ForCurrentPlatform(
                provider.GetRequiredService<ILoggerFactory>().CreateLogger("Station.Protocols.Transport"), provider.GetRequiredService<TimeProvider>()));
            services.AddSingleton(provider => new DeviceMonitor(
                provider.GetRequiredService<IHidDeviceList>(),
                [.. devices.Slots.Select(s => new SlotDefinition(s.Name.Trim(), s.PortPath.Trim()))],
                provider.GetRequiredService<TimeProvider>()));
        }
    }

    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    private static void AddHubPortPower(IServiceCollection services, TimeSpan offTime) =>
        services.AddSingleton<IPowerCycler>(provider => new HubPortPowerCycler(new LinuxUsbPortPower(), offTime, provider.GetRequiredService<TimeProvider>()));

    /// <summary>The simulated part: the default recipe's device (RT1064 for the sample), else RT1064.</summary>
    private static string DefaultFamily(StationOptions station, HostPaths paths)
    {
        var file = Path.Combine(paths.Recipes, station.DefaultRecipe);
        if (!string.IsNullOrWhiteSpace(station.DefaultRecipe) && File.Exists(file))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.TrimStart().StartsWith("device:", StringComparison.Ordinal))
                {
                    var device = line.Split(':', 2)[1].Split('#')[0].Trim().ToUpperInvariant();
                    return device.StartsWith("MIMX", StringComparison.Ordinal) ? device[4..] : device;
                }
            }
        }

        return "RT1064";
    }

    private static void AddSecurity(IServiceCollection services)
    {
        const string Selector = "Station";
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = Selector;
                options.DefaultChallengeScheme = Selector;
            })
            .AddPolicyScheme(Selector, "Cookie or API key", options => options.ForwardDefaultSelector = context =>
                ApiKeyAuthenticationHandler.KeyOf(context.Request) is not null
                    ? ApiKeyAuthenticationHandler.SchemeName
                    : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "station.session";
                options.Cookie.HttpOnly = true;
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                    return Task.CompletedTask;
                };
                options.Events.OnRedirectToAccessDenied = context =>
                {
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
                };
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorization(StationPolicies.Add);
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AuthOptions>>((cookie, auth) => cookie.ExpireTimeSpan = auth.Value.Session);
    }

    /// <summary>
    /// The detail of a problem the framework answers itself (an unknown route, a wrong content type),
    /// so that every error carries one as docs/API.md promises (issue 8's bad-request corpus).
    /// </summary>
    private static string DefaultDetail(HttpContext context, int status) => status switch
    {
        StatusCodes.Status404NotFound => $"Nothing is at {context.Request.Method} {context.Request.Path}: check the route and its ids (docs/API.md).",
        StatusCodes.Status405MethodNotAllowed => $"{context.Request.Method} is not allowed on {context.Request.Path}.",
        StatusCodes.Status415UnsupportedMediaType => $"{context.Request.Path} does not take a body of type '{context.Request.ContentType}'.",
        _ => Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status),
    };
}
