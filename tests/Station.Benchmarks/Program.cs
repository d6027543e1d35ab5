using Station.Benchmarks.Database;

// Benchmarks that measure what the tests do not time (docs/BENCHMARKS.md). Run in Release:
//   dotnet run -c Release --project tests/Station.Benchmarks -- db --provider postgres|sqlite [options]
var benchmark = args.Length > 0 ? args[0] : "";
switch (benchmark)
{
    case "db":
        return await DatabaseBenchmark.RunAsync(args[1..]);
    default:
        await Console.Error.WriteLineAsync("usage: Station.Benchmarks db --provider postgres|sqlite [--units N] [--isolated N] [--connection CS]");
        return 2;
}
