using System.CommandLine;
using Station.Cli.Commands;

var root = new RootCommand("station: provision NXP i.MX RT boards, build and check their images, talk to them by hand.");
foreach (var command in CommandGroups.All())
{
    root.Subcommands.Add(command);
}

return await root.Parse(args).InvokeAsync();
