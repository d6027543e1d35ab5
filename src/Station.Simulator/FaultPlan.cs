using System.Globalization;

namespace Station.Simulator;

/// <summary>
/// Which faults a simulated board injects, parsed from a spec string such as
/// <c>erase20106=0.3,program20106=0.1,short=0.05,stall=0.02,disconnect=0.02,reset=0.01,seed=42</c>.
/// Each entry is <c>key=probability</c> (per operation of that kind), <c>key@N</c> (always on the
/// Nth operation, 1-based; repeat for more), or a setting: <c>seed=</c>integer (randomness is
/// seeded per board from this and the board's name), <c>stallfor=</c>duration (<c>10s</c>,
/// <c>250ms</c>; default 10 s), <c>marginal=</c>N (FlexSPI verify reads fail while the configured
/// max_freq index is above N, as on a marginal board, PROTOCOLS 9.2), <c>protected</c> (the NOR is
/// write-protected: erase and program change nothing). Keys are listed on <see cref="FaultKind"/>.
/// </summary>
public sealed partial record FaultPlan
{
    private readonly Dictionary<FaultKind, FaultRule> _rules;

    private FaultPlan(Dictionary<FaultKind, FaultRule> rules)
    {
        _rules = rules;
    }

    /// <summary>No faults.</summary>
    public static FaultPlan None { get; } = new([]);

    /// <summary>The rules, one per kind that can fire.</summary>
    public IReadOnlyCollection<FaultRule> Rules => _rules.Values;

    /// <summary>Seed of the per-board random generators.</summary>
    public int Seed { get; init; }

    /// <summary>How long a stall lasts (in the board's <see cref="TimeProvider"/>, never scaled).</summary>
    public TimeSpan StallDuration { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>FlexSPI verify fails while the configured max_freq index is above this; null = never.</summary>
    public int? MarginalFrequency { get; init; }

    /// <summary>The FlexSPI NOR ignores erase and program (status-register protection).</summary>
    public bool WriteProtected { get; init; }

    /// <summary>The rule for <paramref name="kind"/>, or null when it never fires.</summary>
    public FaultRule? RuleFor(FaultKind kind) => _rules.GetValueOrDefault(kind);

    /// <summary>A copy that also fires <paramref name="kind"/> with <paramref name="probability"/> per operation.</summary>
    public FaultPlan WithProbability(FaultKind kind, double probability)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(probability, 0);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(probability, 1);
        var occurrences = RuleFor(kind)?.Occurrences ?? new SortedSet<int>();
        return Copy(new FaultRule(kind, probability, occurrences));
    }

    /// <summary>A copy that also fires <paramref name="kind"/> on the given 1-based operation numbers.</summary>
    public FaultPlan On(FaultKind kind, params int[] occurrences)
    {
        if (occurrences.Any(n => n < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(occurrences), "Occurrences are 1-based.");
        }

        var existing = RuleFor(kind);
        var merged = new SortedSet<int>(existing?.Occurrences ?? new SortedSet<int>());
        merged.UnionWith(occurrences);
        return Copy(new FaultRule(kind, existing?.Probability ?? 0, merged));
    }

    /// <summary>The canonical spec string (parses back to an equal plan).</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        foreach (var rule in _rules.Values.OrderBy(r => r.Kind))
        {
            var key = KeyOf(rule.Kind);
            if (rule.Probability > 0)
            {
                parts.Add(string.Create(CultureInfo.InvariantCulture, $"{key}={rule.Probability}"));
            }

            parts.AddRange(rule.Occurrences.Select(n => string.Create(CultureInfo.InvariantCulture, $"{key}@{n}")));
        }

        if (MarginalFrequency is { } marginal)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"marginal={marginal}"));
        }

        if (WriteProtected)
        {
            parts.Add("protected");
        }

        if (StallDuration != TimeSpan.FromSeconds(10))
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"stallfor={StallDuration.TotalMilliseconds}ms"));
        }

        if (Seed != 0)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"seed={Seed}"));
        }

        return string.Join(',', parts);
    }

    /// <summary>Plans are equal when their canonical spec strings are.</summary>
    public bool Equals(FaultPlan? other) => other is not null && ToString() == other.ToString();

    /// <inheritdoc />
    public override int GetHashCode() => ToString().GetHashCode(StringComparison.Ordinal);

    private FaultPlan Copy(FaultRule replacement)
    {
        var rules = new Dictionary<FaultKind, FaultRule>(_rules) { [replacement.Kind] = replacement };
        return new FaultPlan(rules)
        {
            Seed = Seed,
            StallDuration = StallDuration,
            MarginalFrequency = MarginalFrequency,
            WriteProtected = WriteProtected,
        };
    }
}
