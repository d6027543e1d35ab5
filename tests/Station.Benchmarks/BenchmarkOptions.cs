using System.Globalization;

namespace Station.Benchmarks;

/// <summary>Command-line settings of a benchmark run.</summary>
internal sealed record BenchmarkOptions(int MebibytesPerRepetition, TimeSpan Warmup, int Repetitions, string? Filter)
{
    public static BenchmarkOptions Parse(IReadOnlyList<string> args)
    {
        var options = new BenchmarkOptions(8, TimeSpan.FromSeconds(3), 7, null);
        for (var i = 0; i < args.Count; i++)
        {
            var value = i + 1 < args.Count ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--mib" => options with { MebibytesPerRepetition = Positive(value, "--mib") },
                "--warmup-seconds" => options with { Warmup = TimeSpan.FromSeconds(Positive(value, "--warmup-seconds")) },
                "--reps" => options with { Repetitions = Positive(value, "--reps") },
                "--scenario" => options with { Filter = value },
                _ => throw new ArgumentException($"Unknown option {args[i]}."),
            };
            i++;
        }

        return options;
    }

    private static int Positive(string text, string name) =>
        int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : throw new ArgumentException($"{name} needs a whole number above 0.");
}
