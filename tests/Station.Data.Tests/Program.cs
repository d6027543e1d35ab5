namespace Station.Data.Tests;

/// <summary>
/// Entry point for the kill -9 tests' child process (<see cref="RecorderChild"/>). The test host
/// loads this assembly and never calls Main.
/// </summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == RecorderChild.Mode)
        {
            return await RecorderChild.RunAsync(args[1..]);
        }

        await Console.Error.WriteLineAsync($"usage: Station.Data.Tests {RecorderChild.Mode} <provider> <connection> <journal> <station> <seed>");
        return 2;
    }
}
