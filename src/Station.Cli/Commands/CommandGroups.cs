using System.CommandLine;

namespace Station.Cli.Commands;

/// <summary>The top-level verbs of <c>station</c>, one file per group.</summary>
internal static class CommandGroups
{
    public static IEnumerable<Command> All()
    {
        yield return ImageCommands.Create();
        yield return McubootCommands.Create();
        yield break;
    }
}
