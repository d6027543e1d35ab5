using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Station.Simulator;

public sealed partial record FaultPlan
{
    private static readonly (string Key, FaultKind Kind)[] Keys =
    [
        ("erase20106", FaultKind.EraseFailure),
        ("program20106", FaultKind.ProgramFailure),
        ("otp20201", FaultKind.OtpFailure),
        ("short", FaultKind.ShortResponse),
        ("stall", FaultKind.Stall),
        ("disconnect", FaultKind.Disconnect),
        ("reset", FaultKind.Reset),
        ("romstall", FaultKind.RomStall),
        ("romshort", FaultKind.RomShortResponse),
        ("romdisconnect", FaultKind.RomDisconnect),
        ("jumpfail", FaultKind.JumpFailure),
        ("bootfail", FaultKind.BootFailure),
    ];

    /// <summary>The spec key of <paramref name="kind"/> (e.g. <c>erase20106</c>).</summary>
    public static string KeyOf(FaultKind kind) => Keys.First(k => k.Kind == kind).Key;

    /// <summary>Parses a spec string; throws <see cref="FormatException"/> listing every problem.</summary>
    public static FaultPlan Parse(string? spec)
    {
        return TryParse(spec, out var plan, out var errors)
            ? plan
            : throw new FormatException($"Invalid fault spec '{spec}': {string.Join("; ", errors)}");
    }

    /// <summary>Parses a spec string, collecting every problem instead of stopping at the first.</summary>
    public static bool TryParse(string? spec, [NotNullWhen(true)] out FaultPlan? plan, out IReadOnlyList<string> errors)
    {
        var problems = new List<string>();
        var builder = new Dictionary<FaultKind, (double Probability, SortedSet<int> Occurrences)>();
        var seed = 0;
        int? marginal = null;
        var writeProtected = false;
        var stall = TimeSpan.FromSeconds(10);

        foreach (var raw in (spec ?? string.Empty).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var at = raw.IndexOf('@', StringComparison.Ordinal);
            var equals = raw.IndexOf('=', StringComparison.Ordinal);
            var key = (at >= 0 ? raw[..at] : equals >= 0 ? raw[..equals] : raw).Trim().ToLowerInvariant();
            var value = at >= 0 ? raw[(at + 1)..].Trim() : equals >= 0 ? raw[(equals + 1)..].Trim() : null;

            switch (key)
            {
                case "seed" when at < 0:
                    if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed))
                    {
                        problems.Add($"'{raw}': seed must be an integer.");
                    }

                    continue;
                case "stallfor" when at < 0:
                    if (!TryParseDuration(value, out stall))
                    {
                        problems.Add($"'{raw}': stallfor needs a duration such as 10s or 250ms.");
                    }

                    continue;
                case "marginal" when at < 0:
                    if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var index) && index is >= 0 and <= 15)
                    {
                        marginal = index;
                    }
                    else
                    {
                        problems.Add($"'{raw}': marginal must be a max_freq index 0..15.");
                    }

                    continue;
                case "protected" when at < 0:
                    if (value is null or "1" or "true")
                    {
                        writeProtected = true;
                    }
                    else if (value is not ("0" or "false"))
                    {
                        problems.Add($"'{raw}': protected takes no value, or 1/0/true/false.");
                    }

                    continue;
            }

            var match = Keys.Where(k => k.Key == key).Select(k => (FaultKind?)k.Kind).FirstOrDefault();
            if (match is not { } kind)
            {
                problems.Add($"'{raw}': unknown key '{key}'.");
                continue;
            }

            var entry = builder.TryGetValue(kind, out var existing) ? existing : (Probability: 0d, Occurrences: new SortedSet<int>());
            if (at >= 0)
            {
                if (int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 1)
                {
                    entry.Occurrences.Add(n);
                }
                else
                {
                    problems.Add($"'{raw}': an occurrence is a whole number from 1.");
                }
            }
            else if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p is >= 0 and <= 1)
            {
                if (entry.Probability > 0)
                {
                    problems.Add($"'{raw}': probability for '{key}' given twice.");
                }

                entry = (p, entry.Occurrences);
            }
            else
            {
                problems.Add($"'{raw}': expected {key}=probability (0..1) or {key}@N.");
            }

            builder[kind] = entry;
        }

        errors = problems;
        if (problems.Count > 0)
        {
            plan = null;
            return false;
        }

        var rules = builder
            .Where(b => b.Value.Probability > 0 || b.Value.Occurrences.Count > 0)
            .ToDictionary(b => b.Key, b => new FaultRule(b.Key, b.Value.Probability, b.Value.Occurrences));
        plan = new FaultPlan(rules)
        {
            Seed = seed,
            StallDuration = stall,
            MarginalFrequency = marginal,
            WriteProtected = writeProtected,
        };
        return true;
    }

    private static bool TryParseDuration(string? text, out TimeSpan duration)
    {
        duration = default;
        if (string.IsNullOrEmpty(text))
        {
            return false;
        }

        var (number, unit) = text.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (text[..^2], 1d)
            : text.EndsWith('s') ? (text[..^1], 1000d)
            : text.EndsWith('m') ? (text[..^1], 60_000d)
            : (text, double.NaN);
        if (double.IsNaN(unit) || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || value < 0)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(value * unit);
        return true;
    }
}
