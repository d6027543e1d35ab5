namespace Station.Images.Lint;

/// <summary>How bad a finding is.</summary>
public enum LintSeverity
{
    /// <summary>A fact worth showing (what was checked and found right).</summary>
    Info,

    /// <summary>Works, but probably not what was meant.</summary>
    Warning,

    /// <summary>The board will not boot (or the image will not be accepted) as it is.</summary>
    Error,
}
