using Station.Benchmarks.Database;

// Benchmarks that measure what the tests do not time (docs/BENCHMARKS.md). Run in Release:
//   dotnet run -c Release --project tests/Station.Benchmarks -- db --provider postgres|sqlite [options]
//   dotnet run -c Release --project tests/Station.Benchmarks -- db-insert --provider postgres|sqlite
var benchmark = args.Length > 0 ? args[0] : "";
switch (benchmark)
{
    case "db-insert":
        return await InsertCostBenchmark.RunAsync(args[1..]);
    case "db":
        return await DatabaseBenchmark.RunAsync(args[1..]);
    default:
        await Console.Error.WriteLineAsync("usage: Station.Benchmarks db|db-insert --provider postgres|sqlite [--units N] [--isolated N] [--outage N] [--slots N] [--connection CS]");
        return 2;
}
