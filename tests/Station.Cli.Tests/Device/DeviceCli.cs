using System.CommandLine;
using Station.Cli.Commands;
using Station.Testing;

namespace Station.Cli.Tests.Device;

/// <summary>Runs <c>station</c> in-process (the real command tree) with captured output, plus a scratch folder.</summary>
internal sealed class DeviceCli : IDisposable
{
    public DeviceCli()
    {
        Folder = Path.Combine(Path.GetTempPath(), $"station-cli-device-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Folder);
    }

    public string Folder { get; }

    public string PathOf(string name) => Path.Combine(Folder, name);

    public string Write(string name, byte[] bytes)
    {
        var path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>The root command as Program.cs builds it.</summary>
    public static RootCommand Root()
    {
        var root = new RootCommand("station");
        foreach (var command in CommandGroups.All())
        {
            root.Subcommands.Add(command);
        }

        return root;
    }

    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        var exitCode = await Root().Parse(args).InvokeAsync(configuration, TestTimeouts.Unexpected).WaitAsync(TestTimeouts.UnexpectedDuration);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
