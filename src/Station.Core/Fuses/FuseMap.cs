namespace Station.Core.Fuses;

/// <summary>
/// The OCOTP fuse words of an i.MX RT10xx family, by index and name. Indexes are the shadow
/// register offsets from 0x400 in 0x10 steps; the words from 0x800 on (ROM_PATCH, GP3, GP4) follow
/// on at index 0x30 (RT1050/RT1060/RT1064 reference manuals, OCOTP chapter; the same arithmetic as
/// NuttX <c>arch/arm/src/imxrt/hardware/imxrt_ocotp.h</c> O2I/O2IP).
/// </summary>
public sealed class FuseMap
{
    private readonly Dictionary<string, FuseWordInfo> _byName;
    private readonly Dictionary<uint, FuseWordInfo> _byIndex;

    private FuseMap(IEnumerable<FuseWordInfo> words)
    {
        var list = words.ToList();
        _byName = list.ToDictionary(w => w.Name, StringComparer.OrdinalIgnoreCase);
        _byIndex = list.ToDictionary(w => w.Index);
        Words = list;
    }

    /// <summary>Every word, in index order.</summary>
    public IReadOnlyList<FuseWordInfo> Words { get; }

    /// <summary>The map shared by RT1020, RT1024, RT1040, RT1050, RT1060, RT1062 and RT1064.</summary>
    public static FuseMap Rt10xx { get; } = new(BuildRt10xx());

    /// <summary>Finds a word by its name (case-insensitive) or by an index written as a number (<c>0x18</c>, <c>24</c>).</summary>
    public FuseWordInfo? Find(string nameOrIndex)
    {
        if (_byName.TryGetValue(nameOrIndex.Trim(), out var byName))
        {
            return byName;
        }

        return NumberText.TryParseUInt32(nameOrIndex, out var index) && _byIndex.TryGetValue(index, out var byIndex) ? byIndex : null;
    }

    /// <summary>The word at <paramref name="index"/>, if the map has one.</summary>
    public FuseWordInfo? Find(uint index) => _byIndex.GetValueOrDefault(index);

    private static IEnumerable<FuseWordInfo> BuildRt10xx()
    {
        yield return new(0x00, "LOCK", FuseWordRole.Lock);
        for (uint i = 0; i <= 6; i++)
        {
            // CFG0/CFG1 hold the unique ID; CFG5 holds SEC_CONFIG[1] (closes HAB) and BT_FUSE_SEL.
            yield return new(0x01 + i, $"CFG{i}", i == 5 ? FuseWordRole.Security : FuseWordRole.Configuration);
        }

        for (uint i = 0; i <= 4; i++)
        {
            yield return new(0x08 + i, $"MEM{i}", FuseWordRole.Configuration);
        }

        for (uint i = 0; i <= 2; i++)
        {
            yield return new(0x0D + i, $"ANA{i}", FuseWordRole.Configuration);
        }

        for (uint i = 0; i <= 7; i++)
        {
            yield return new(0x10 + i, $"OTPMK{i}", FuseWordRole.KeyMaterial);
        }

        for (uint i = 0; i <= 7; i++)
        {
            yield return new(0x18 + i, $"SRK{i}", FuseWordRole.KeyMaterial);
        }

        yield return new(0x20, "SJC_RESP0", FuseWordRole.KeyMaterial);
        yield return new(0x21, "SJC_RESP1", FuseWordRole.KeyMaterial);
        yield return new(0x22, "MAC0", FuseWordRole.Configuration);
        yield return new(0x23, "MAC1", FuseWordRole.Configuration);
        yield return new(0x24, "MAC2", FuseWordRole.Configuration);
        yield return new(0x25, "OTPMK_CRC32", FuseWordRole.KeyMaterial);
        yield return new(0x26, "GP1", FuseWordRole.Configuration);
        yield return new(0x27, "GP2", FuseWordRole.Configuration);
        yield return new(0x28, "SW_GP1", FuseWordRole.Configuration);
        for (uint i = 0; i <= 3; i++)
        {
            yield return new(0x29 + i, $"SW_GP2_{i}", FuseWordRole.KeyMaterial);
        }

        yield return new(0x2D, "MISC_CONF0", FuseWordRole.Configuration);
        yield return new(0x2E, "MISC_CONF1", FuseWordRole.Configuration);
        yield return new(0x2F, "SRK_REVOKE", FuseWordRole.Security);
        for (uint i = 0; i <= 7; i++)
        {
            yield return new(0x30 + i, $"ROM_PATCH{i}", FuseWordRole.Configuration);
        }

        for (uint i = 0; i <= 3; i++)
        {
            yield return new(0x38 + i, $"GP3_{i}", FuseWordRole.Configuration);
        }

        for (uint i = 0; i <= 3; i++)
        {
            yield return new(0x3C + i, $"GP4_{i}", FuseWordRole.KeyMaterial);
        }
    }
}
