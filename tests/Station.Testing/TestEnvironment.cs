namespace Station.Testing;

/// <summary>Facts about where the tests run.</summary>
public static class TestEnvironment
{
    /// <summary>
    /// True on CI (the <c>CI</c> variable is set). A test whose prerequisite (PostgreSQL, a device)
    /// is missing is skipped locally but fails on CI: a broken runner must not turn the suite green.
    /// </summary>
    public static bool IsCI => !string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI"));
}
