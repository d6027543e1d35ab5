namespace Station.Images.Lint;

/// <summary>What the MCUboot header-size lint found.</summary>
/// <param name="Findings">Every finding, errors first where it matters.</param>
/// <param name="Advice">The signing options that would work, when they could be worked out.</param>
/// <param name="LinkAddress">Where the vector table is linked, when known.</param>
public sealed record McubootLintResult(IReadOnlyList<LintFinding> Findings, McubootSigningAdvice? Advice, uint? LinkAddress)
{
    /// <summary>Whether nothing stops the image from booting.</summary>
    public bool WillBoot => !Findings.HasErrors();
}
