using System.CommandLine;
using Station.Cli.Commands;
using Station.Testing;

namespace Station.Cli.Tests;

/// <summary>Runs <c>station</c> in-process: the real command tree, output captured.</summary>
internal static class InProcessCli
{
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

    /// <summary>Runs <c>station ARGS</c> exactly as given.</summary>
    public static async Task<CliResult> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var configuration = new InvocationConfiguration { Output = output, Error = error };
        var exitCode = await Root().Parse(args).InvokeAsync(configuration, TestTimeouts.Unexpected).WaitAsync(TestTimeouts.UnexpectedDuration);
        return new CliResult(exitCode, output.ToString(), error.ToString());
    }
}
