namespace Station.Images.Lint;

/// <summary>One lint result: a severity, a stable code, and a message that says what to change.</summary>
/// <param name="Severity">Info, warning or error.</param>
/// <param name="Code">Stable identifier, e.g. "ivt-entry" or "mcuboot-header-size".</param>
/// <param name="Message">What is wrong and what to change.</param>
public sealed record LintFinding(LintSeverity Severity, string Code, string Message)
{
    /// <inheritdoc/>
    public override string ToString() => $"{Severity.ToString().ToLowerInvariant()} {Code}: {Message}";
}
