namespace Station.Simulator.Tests.Faults;

public sealed class FaultPlanTests
{
    [Fact]
    public void Parse_TheProbabilitySpec_GivesOneRulePerKindAndTheSeed()
    {
        var plan = FaultPlan.Parse("erase20106=0.3,program20106=0.1,short=0.05,stall=0.02,disconnect=0.02,reset=0.01,seed=42");

        Assert.Equal(42, plan.Seed);
        Assert.Equal(0.3, plan.RuleFor(FaultKind.EraseFailure)!.Probability);
        Assert.Equal(0.1, plan.RuleFor(FaultKind.ProgramFailure)!.Probability);
        Assert.Equal(0.05, plan.RuleFor(FaultKind.ShortResponse)!.Probability);
        Assert.Equal(0.02, plan.RuleFor(FaultKind.Stall)!.Probability);
        Assert.Equal(0.02, plan.RuleFor(FaultKind.Disconnect)!.Probability);
        Assert.Equal(0.01, plan.RuleFor(FaultKind.Reset)!.Probability);
        Assert.Equal(6, plan.Rules.Count);
    }

    [Fact]
    public void Parse_DeterministicFormsAndSettings()
    {
        var plan = FaultPlan.Parse("erase20106@3, erase20106@5 ,program20106@2,jumpfail@1,stallfor=250ms,marginal=5,protected");

        Assert.Equal([3, 5], plan.RuleFor(FaultKind.EraseFailure)!.Occurrences.Order());
        Assert.Equal(0, plan.RuleFor(FaultKind.EraseFailure)!.Probability);
        Assert.Equal([2], plan.RuleFor(FaultKind.ProgramFailure)!.Occurrences);
        Assert.Equal([1], plan.RuleFor(FaultKind.JumpFailure)!.Occurrences);
        Assert.Equal(TimeSpan.FromMilliseconds(250), plan.StallDuration);
        Assert.Equal(5, plan.MarginalFrequency);
        Assert.True(plan.WriteProtected);
    }

    [Fact]
    public void TryParse_SeveralMistakes_ReportsEveryOne()
    {
        Assert.False(FaultPlan.TryParse("erase20106=1.5,bogus=1,short@0,seed=x,stallfor=10", out var plan, out var errors));

        Assert.Null(plan);
        Assert.Equal(5, errors.Count);
        Assert.Contains(errors, e => e.Contains("bogus", StringComparison.Ordinal));
        var exception = Assert.Throws<FormatException>(() => FaultPlan.Parse("bogus=1"));
        Assert.Contains("unknown key", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_ParsesBackToTheSamePlan()
    {
        var plan = FaultPlan.None
            .WithProbability(FaultKind.EraseFailure, 0.25)
            .On(FaultKind.EraseFailure, 4)
            .On(FaultKind.RomShortResponse, 1, 2) with { Seed = 9, StallDuration = TimeSpan.FromSeconds(3), MarginalFrequency = 6 };

        var text = plan.ToString();
        var again = FaultPlan.Parse(text);

        Assert.Equal("erase20106=0.25,erase20106@4,romshort@1,romshort@2,marginal=6,stallfor=3000ms,seed=9", text);
        Assert.Equal(text, again.ToString());
        Assert.Equal(plan, again);
        Assert.NotEqual(plan, FaultPlan.None);
    }

    [Fact]
    public void Parse_EmptyOrNull_IsNone()
    {
        Assert.Empty(FaultPlan.Parse(null).Rules);
        Assert.Equal(string.Empty, FaultPlan.Parse(" ").ToString());
    }
}
