namespace Station.Core.Fuses.Tests;

public sealed class FusePlanTests
{
    private static readonly FuseMap Map = FuseMap.Rt10xx;

    [Theory]
    [InlineData(0x00000010u, 0x00000010u, 0x00000000u, FuseDecision.Write, 0x10u, 0u)]
    [InlineData(0x00000010u, 0x00000010u, 0x00000013u, FuseDecision.Matches, 0u, 0u)]
    [InlineData(0x00000000u, 0x00000002u, 0x00000002u, FuseDecision.Conflict, 0u, 0x2u)]
    [InlineData(0x00000012u, 0x000000FFu, 0x00000011u, FuseDecision.Conflict, 0x2u, 0x1u)]
    [InlineData(0x000000F0u, 0x000000F0u, 0x0000000Fu, FuseDecision.Write, 0xF0u, 0u)]
    public void Classify_RequestAgainstCurrent_DecidesAndComputesBits(
        uint value, uint mask, uint current, FuseDecision decision, uint bitsToBurn, uint conflicting)
    {
        var request = new FuseRequest(Map.Find("CFG5")!, value, mask, Lock: false);

        var word = FusePlan.Classify([request], new Dictionary<uint, uint> { [0x06] = current }).Words.Single();

        Assert.Equal(decision, word.Decision);
        Assert.Equal(bitsToBurn, word.BitsToBurn);
        Assert.Equal(conflicting, word.ConflictingBits);
    }

    [Fact]
    public void WritesInBurnOrder_KeyConfigSecurityLock_KeyMaterialFirstLockLast()
    {
        var requests = new[] { "LOCK", "CFG5", "MAC0", "SRK1", "SRK0" }
            .Select(name => new FuseRequest(Map.Find(name)!, 0x1, 0x1, Lock: false))
            .ToList();
        var blank = requests.ToDictionary(r => r.Word.Index, _ => 0u);

        var order = FusePlan.Classify(requests, blank).WritesInBurnOrder.Select(w => w.Request.Word.Name);

        Assert.Equal(["SRK0", "SRK1", "MAC0", "CFG5", "LOCK"], order);
    }

    [Fact]
    public void Describe_Conflict_SaysWhatCannotBeUndoneAndWhatToDo()
    {
        var request = new FuseRequest(Map.Find("0x06")!, 0x0, 0x2, Lock: false);

        var word = FusePlan.Classify([request], new Dictionary<uint, uint> { [0x06] = 0x2 }).Words.Single();

        Assert.Contains("CFG5 (0x06) reads 0x00000002", word.Describe(), StringComparison.Ordinal);
        Assert.Contains("rework", word.Describe(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("SRK0", 0x18u)]
    [InlineData("srk7", 0x1Fu)]
    [InlineData("MISC_CONF1", 0x2Eu)]
    [InlineData("GP4_3", 0x3Fu)]
    [InlineData("0x22", 0x22u)]
    public void FuseMap_Find_NameOrIndex_ReturnsWord(string text, uint index)
    {
        Assert.Equal(index, Map.Find(text)!.Index);
    }
}
