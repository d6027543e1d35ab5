namespace Station.Images.Lint;

/// <summary>Helpers over lists of findings.</summary>
public static class LintFindings
{
    /// <summary>Whether any finding is an error.</summary>
    public static bool HasErrors(this IEnumerable<LintFinding> findings) => findings.Any(f => f.Severity == LintSeverity.Error);

    /// <summary>The first error, if any (for one-line failure reasons).</summary>
    public static LintFinding? FirstError(this IEnumerable<LintFinding> findings) => findings.FirstOrDefault(f => f.Severity == LintSeverity.Error);
}
