using Station.Benchmarks;
using Station.Benchmarks.Database;
using Station.Benchmarks.NxpStyle;

const string Usage = """
    usage: dotnet run -c Release --project tests/Station.Benchmarks -- BENCHMARK [options]
      mboot-cpu [--mib N] [--warmup-seconds N] [--reps N] [--scenario NAME]
                  host CPU per MiB through MBootClient.WriteMemoryAsync, zero simulated device time
      db --provider postgres|sqlite [--units N] [--isolated N] [--outage N] [--slots N] [--connection CS]
                  database time per unit, units per minute, recording calls on the run's path (issue 5)
      db-insert --provider postgres|sqlite [--connection CS]
                  one delivery transaction by EF versus plain ADO.NET
      engine [--single N] [--rounds N]
                  cycle over device-bound time, 16-board scaling and hand-over on realistic timing (issue 4)
      nxp-style [--units N] [--baud N] [--wait-seconds N]
                  the same unit as NXP's tool runs it (a station process per command, fixed 3 s wait) beside the engine (issue 8)
    Results and how to read them: docs/BENCHMARKS.md.
    """;

switch (args)
{
    case ["mboot-cpu", .. var rest]:
        try
        {
            return await MBootCpuBenchmark.RunAsync(BenchmarkOptions.Parse(rest));
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync($"error: {exception.Message}\n{Usage}");
            return 2;
        }

    case ["db", .. var rest]:
        return await DatabaseBenchmark.RunAsync(rest);
    case ["db-insert", .. var rest]:
        return await InsertCostBenchmark.RunAsync(rest);
    case ["engine", .. var rest]:
        return await EngineBenchmark.RunAsync(rest);
    case ["nxp-style", .. var rest]:
        return await NxpStyleBenchmark.RunAsync(rest);
    default:
        await Console.Error.WriteLineAsync(Usage);
        return 2;
}
