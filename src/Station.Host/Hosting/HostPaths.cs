namespace Station.Host.Hosting;

/// <summary>
/// The host's folders, resolved once at start-up: data (journal, logs, default SQLite file), recipes
/// and the dashboard. Relative settings are relative to the host's own folder (where the build puts
/// recipes/ and wwwroot/), so the service does not depend on the directory it is started from.
/// </summary>
internal sealed class HostPaths
{
    public HostPaths(StationOptions station, string? dashboard)
    {
        Data = Resolve(string.IsNullOrWhiteSpace(station.DataDirectory)
            ? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "Station")
            : station.DataDirectory);
        Recipes = Resolve(station.RecipesPath);
        Dashboard = Resolve(string.IsNullOrWhiteSpace(dashboard) ? "wwwroot" : dashboard);
    }

    public string Data { get; }

    /// <summary>The recorder's journal folder (the durable queue in front of the database).</summary>
    public string Journal => Path.Combine(Data, "journal");

    public string Logs => Path.Combine(Data, "logs");

    public string Recipes { get; }

    /// <summary>The built dashboard (web-ui/dist copied beside the host).</summary>
    public string Dashboard { get; }

    public static string Resolve(string path) => Path.GetFullPath(Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path));
}
