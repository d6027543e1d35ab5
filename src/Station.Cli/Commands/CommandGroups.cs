using System.CommandLine;

namespace Station.Cli.Commands;

/// <summary>The top-level verbs of <c>station</c>, one file per group.</summary>
internal static class CommandGroups
{
    public static IEnumerable<Command> All()
    {
        yield return RunCommand.Create();
        yield return DevicesCommand.Create();
        yield return SdpCommands.Create();
        yield return MBootCommands.Create();
        yield return SimCommands.Create();
        yield return ImageCommands.Create();
        yield return McubootCommands.Create();
        yield return KeysCommands.Create();
        yield return DbCommands.Create();
        yield return LedgerCommands.Create();
        yield return ExportCommands.Create();
    }
}
