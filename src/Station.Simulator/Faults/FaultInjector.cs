namespace Station.Simulator.Faults;

/// <summary>
/// One board's draw of its <see cref="FaultPlan"/>: an operation counter per kind and a random
/// generator seeded from the plan's seed and the board's name (FNV-1a, stable across processes),
/// so a run with the same seed, board names and host traffic injects the same faults.
/// </summary>
internal sealed class FaultInjector
{
    private readonly Lock _lock = new();
    private readonly FaultPlan _plan;
    private readonly Random _random;
    private readonly int[] _counts = new int[Enum.GetValues<FaultKind>().Length];
    private readonly List<InjectedFault> _history = [];

    public FaultInjector(FaultPlan plan, string boardName)
    {
        _plan = plan;
        _random = new Random(plan.Seed ^ StableHash(boardName));
    }

    public event Action<InjectedFault>? Injected;

    public FaultPlan Plan => _plan;

    public IReadOnlyList<InjectedFault> History
    {
        get
        {
            lock (_lock)
            {
                return [.. _history];
            }
        }
    }

    /// <summary>Counts one operation of <paramref name="kind"/> and says whether the fault fires on it.</summary>
    public bool ShouldFire(FaultKind kind, out int occurrence)
    {
        lock (_lock)
        {
            occurrence = 0;
            var rule = _plan.RuleFor(kind);
            if (rule is null)
            {
                return false;
            }

            occurrence = ++_counts[(int)kind];
            if (rule.Occurrences.Contains(occurrence))
            {
                return true;
            }

            return rule.Probability > 0 && _random.NextDouble() < rule.Probability;
        }
    }

    /// <summary>A seeded choice in [0, <paramref name="count"/>), e.g. which page fails.</summary>
    public int Choose(int count)
    {
        lock (_lock)
        {
            return count <= 1 ? 0 : _random.Next(count);
        }
    }

    /// <summary>Records an injected fault and tells the listeners.</summary>
    public void Record(FaultKind kind, int occurrence, string detail)
    {
        var fault = new InjectedFault(kind, occurrence, detail);
        lock (_lock)
        {
            _history.Add(fault);
        }

        Injected?.Invoke(fault);
    }

    private static int StableHash(string text)
    {
        // FNV-1a, 32 bit: string.GetHashCode is randomised per process.
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return unchecked((int)hash);
    }
}
