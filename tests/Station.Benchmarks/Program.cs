using Station.Benchmarks;

const string Usage = """
    usage: dotnet run -c Release --project tests/Station.Benchmarks -- mboot-cpu [--mib N] [--warmup-seconds N] [--reps N] [--scenario NAME]
      mboot-cpu   host CPU per MiB through MBootClient.WriteMemoryAsync, zero simulated device time (docs/BENCHMARKS.md)
    """;

if (args is not ["mboot-cpu", .. var rest])
{
    await Console.Error.WriteLineAsync(Usage);
    return 2;
}

try
{
    return await MBootCpuBenchmark.RunAsync(BenchmarkOptions.Parse(rest));
}
catch (ArgumentException exception)
{
    await Console.Error.WriteLineAsync($"error: {exception.Message}\n{Usage}");
    return 2;
}
