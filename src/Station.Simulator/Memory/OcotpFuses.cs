namespace Station.Simulator.Memory;

/// <summary>
/// The OCOTP eFuse bank: words whose bits only go from 0 to 1, with a per-word lock (set by the
/// lock flag of efuse-program-once, bit 24 of the index parameter, PROTOCOLS 3.2). The chip unique
/// ID lives in CFG0 (index 1, low half) and CFG1 (index 2, high half), as on RT10xx.
/// With a fuse file the bank outlives the process: every program operation is appended to the
/// file before it takes effect (a burn is physical: once started it cannot be taken back by the
/// simulating process dying) and the file is replayed when a bank is built on it.
/// </summary>
internal sealed class OcotpFuses
{
    public const int Cfg0Index = 1;
    public const int Cfg1Index = 2;

    private readonly Lock _lock = new();
    private readonly uint[] _words;
    private readonly bool[] _locked;
    private readonly Dictionary<int, int> _programCounts = [];
    private readonly string? _file;

    public OcotpFuses(int wordCount, ulong uniqueId, IReadOnlyDictionary<int, uint>? initial, string? file = null)
    {
        _words = new uint[wordCount];
        _locked = new bool[wordCount];
        _words[Cfg0Index] = (uint)uniqueId;
        _words[Cfg1Index] = (uint)(uniqueId >> 32);
        foreach (var (index, value) in initial ?? new Dictionary<int, uint>())
        {
            _words[index] |= value;
        }

        if (file is not null)
        {
            foreach (var burn in FuseFile.Read(file, uniqueId, wordCount))
            {
                Apply(burn);
            }

            _file = file;
        }
    }

    public int WordCount => _words.Length;

    public ulong UniqueId => Read(Cfg0Index) | ((ulong)Read(Cfg1Index) << 32);

    public uint Read(int index)
    {
        lock (_lock)
        {
            return _words[index];
        }
    }

    /// <summary>How many program operations each word has taken (a word burned twice shows 2).</summary>
    public IReadOnlyDictionary<int, int> ProgramCounts()
    {
        lock (_lock)
        {
            return new Dictionary<int, int>(_programCounts);
        }
    }

    public bool IsLocked(int index)
    {
        lock (_lock)
        {
            return _locked[index];
        }
    }

    /// <summary>
    /// Burns the 1 bits of <paramref name="value"/> into word <paramref name="index"/> except those
    /// in <paramref name="missedBits"/> (an injected partial burn). A locked word is not changed.
    /// Returns false when the controller refused (locked).
    /// </summary>
    public bool Program(int index, uint value, bool lockAfter, uint missedBits)
    {
        lock (_lock)
        {
            if (_locked[index])
            {
                return false;
            }

            var burn = new FuseBurn(index, value, lockAfter, missedBits);
            if (_file is not null)
            {
                FuseFile.Append(_file, burn);
            }

            Apply(burn);
            return true;
        }
    }

    private void Apply(FuseBurn burn)
    {
        _programCounts[burn.Index] = _programCounts.GetValueOrDefault(burn.Index) + 1;
        _words[burn.Index] |= burn.Value & ~burn.MissedBits;
        _locked[burn.Index] |= burn.Lock;
    }
}
