using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Station.Testing;

/// <summary>
/// A private, throwaway PostgreSQL server for one test (initdb into a temporary folder, 127.0.0.1
/// and a free port) that the test may stop and start again. Binaries: <c>STATION_TEST_PG_BIN</c>
/// (exported by tests/postgres.sh), <c>pg_ctl</c> on PATH, or Debian's /usr/lib/postgresql/*/bin.
/// As root the server runs as the <c>postgres</c> user (initdb refuses root).
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    public const string MissingMessage =
        "This test runs its own PostgreSQL server and needs initdb and pg_ctl (Debian's postgresql package): skipped locally, failed on CI.";

    private readonly string _binaries;
    private readonly string _folder;
    private readonly int _port;

    private PostgresServer(string binaries, string folder, int port)
    {
        _binaries = binaries;
        _folder = folder;
        _port = port;
    }

    /// <summary>Connection string of the server's <c>postgres</c> database.</summary>
    public string ConnectionString => $"Host=127.0.0.1;Port={_port};Username=postgres;Database=postgres;Timeout=5;Command Timeout=15";

    /// <summary>The folder holding initdb and pg_ctl, or null when there is none.</summary>
    public static string? FindBinaries()
    {
        if (Environment.GetEnvironmentVariable("STATION_TEST_PG_BIN") is { Length: > 0 } configured && HasTools(configured))
        {
            return configured;
        }

        foreach (var folder in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator))
        {
            if (folder.Length > 0 && HasTools(folder))
            {
                return folder;
            }
        }

        const string debian = "/usr/lib/postgresql";
        return Directory.Exists(debian)
            ? Directory.GetDirectories(debian)
                .Select(d => Path.Combine(d, "bin"))
                .Where(HasTools)
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
    }

    /// <summary>initdb and start a new server.</summary>
    public static async Task<PostgresServer> StartAsync(CancellationToken cancellationToken)
    {
        var binaries = FindBinaries() ?? throw new InvalidOperationException(MissingMessage);
        var folder = Directory.CreateTempSubdirectory("station-pg-private-").FullName;
        var server = new PostgresServer(binaries, folder, FreePort());
        try
        {
            if (Environment.IsPrivilegedProcess)
            {
                await RunAsync("chown", ["-R", "postgres:", folder], asOwner: false, cancellationToken);
            }

            await RunAsync(Path.Combine(binaries, "initdb"),
                ["-D", server.DataFolder, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C", "--no-sync"],
                asOwner: true, cancellationToken);
            await server.StartAgainAsync(cancellationToken);
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Stops the server at once (<c>pg_ctl stop -m immediate</c>): open connections break mid-transaction.</summary>
    public Task StopAsync(CancellationToken cancellationToken) =>
        RunAsync(Path.Combine(_binaries, "pg_ctl"), ["-D", DataFolder, "-m", "immediate", "-w", "stop"], asOwner: true, cancellationToken);

    /// <summary>Starts the (stopped) server again on the same port and waits until it accepts connections.</summary>
    public Task StartAgainAsync(CancellationToken cancellationToken) =>
        RunAsync(Path.Combine(_binaries, "pg_ctl"),
            ["-D", DataFolder, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
             "-o", $"-c listen_addresses=127.0.0.1 -p {_port} -k {_folder} -c max_connections=100", "start"],
            asOwner: true, cancellationToken);

    /// <summary>Creates an empty database and returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync(cancellationToken);
        return new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;
    }

    public async ValueTask DisposeAsync()
    {
        if (File.Exists(Path.Combine(DataFolder, "postmaster.pid")))
        {
            try
            {
                using var timeout = new CancellationTokenSource(TestTimeouts.UnexpectedDuration);
                await StopAsync(timeout.Token);
            }
            catch (InvalidOperationException)
            {
                // Already stopped.
            }
        }

        Directory.Delete(_folder, recursive: true);
    }

    private string DataFolder => Path.Combine(_folder, "data");

    private static bool HasTools(string folder) =>
        File.Exists(Path.Combine(folder, "initdb")) && File.Exists(Path.Combine(folder, "pg_ctl"));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, bool asOwner, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (asOwner && Environment.IsPrivilegedProcess)
        {
            start.FileName = "runuser";
            foreach (var argument in (string[])["-u", "postgres", "--", program])
            {
                start.ArgumentList.Add(argument);
            }
        }
        else
        {
            start.FileName = program;
        }

        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {program}.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var error = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }
}
