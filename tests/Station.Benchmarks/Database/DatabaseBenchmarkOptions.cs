using System.Globalization;
using Station.Data;

namespace Station.Benchmarks.Database;

/// <summary>The db benchmark's arguments.</summary>
/// <param name="Provider">postgres or sqlite.</param>
/// <param name="Connection">PostgreSQL: a server to create a throwaway database on (--connection, else STATION_TEST_PG).</param>
/// <param name="Units">Units in the flat-out phase.</param>
/// <param name="Isolated">Units recorded one at a time.</param>
/// <param name="Outage">Units recorded while the database is unreachable (then caught up).</param>
/// <param name="Slots">Concurrent slots in the line-pace, flat-out and outage phases.</param>
/// <param name="Paced">Units recorded at a line's pace (each unit's records spread over <paramref name="UnitTime"/>).</param>
/// <param name="UnitTime">How long one unit takes in the line-pace phase.</param>
/// <param name="Linger">The recorder's delivery linger (null: its default).</param>
/// <remarks>A count of 0 skips its phase.</remarks>
internal sealed record DatabaseBenchmarkOptions(
    DatabaseProvider Provider, string? Connection, int Units, int Isolated, int Outage, int Slots, int Paced, TimeSpan UnitTime, TimeSpan? Linger)
{
    public const string Usage =
        "db --provider postgres|sqlite [--units N] [--isolated N] [--paced N] [--unit-seconds S] [--outage N] [--slots N] [--linger MS] [--connection CS]";

    public static DatabaseBenchmarkOptions Parse(string[] args)
    {
        DatabaseProvider? provider = null;
        string? connection = null;
        int units = 4000, isolated = 300, outage = 1000, slots = 4, paced = 16;
        var unitTime = TimeSpan.FromSeconds(8);
        TimeSpan? linger = null;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--provider":
                    provider = value.ToUpperInvariant() switch
                    {
                        "POSTGRES" or "POSTGRESQL" => DatabaseProvider.Postgres,
                        "SQLITE" => DatabaseProvider.Sqlite,
                        _ => throw new ArgumentException($"--provider {value}: use postgres or sqlite."),
                    };
                    break;
                case "--connection":
                    connection = value;
                    break;
                case "--units":
                    units = Count(value, args[i]);
                    break;
                case "--isolated":
                    isolated = Count(value, args[i]);
                    break;
                case "--outage":
                    outage = Count(value, args[i]);
                    break;
                case "--slots":
                    slots = Math.Max(1, Count(value, args[i]));
                    break;
                case "--paced":
                    paced = Count(value, args[i]);
                    break;
                case "--unit-seconds":
                    unitTime = TimeSpan.FromSeconds(Count(value, args[i]));
                    break;
                case "--linger":
                    linger = TimeSpan.FromMilliseconds(Count(value, args[i]));
                    break;
                default:
                    throw new ArgumentException($"unknown argument {args[i]}.");
            }

            i++;
        }

        if (provider is null)
        {
            throw new ArgumentException("--provider is required.");
        }

        connection ??= provider == DatabaseProvider.Postgres ? Environment.GetEnvironmentVariable("STATION_TEST_PG") : null;
        return provider == DatabaseProvider.Postgres && string.IsNullOrWhiteSpace(connection)
            ? throw new ArgumentException("PostgreSQL: give --connection, or start a server with eval \"$(tests/postgres.sh start)\" (sets STATION_TEST_PG).")
            : new DatabaseBenchmarkOptions(provider.Value, connection, units, isolated, outage, slots, paced, unitTime, linger);
    }

    private static int Count(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var count)
            ? count
            : throw new ArgumentException($"{name} {text}: give a whole number (0 skips a phase).");
}
