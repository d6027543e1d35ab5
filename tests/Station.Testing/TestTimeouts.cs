namespace Station.Testing;

/// <summary>
/// Guards against hangs: every async test passes <see cref="Unexpected"/> (or a token from it), so
/// a test that waits forever fails in seconds instead of stalling the suite.
/// </summary>
public static class TestTimeouts
{
    /// <summary>Long enough that no passing test on a loaded 2-core CI machine gets near it.</summary>
    public static readonly TimeSpan UnexpectedDuration = TimeSpan.FromSeconds(30);

    /// <summary>A fresh token that fires after <see cref="UnexpectedDuration"/>.</summary>
    public static CancellationToken Unexpected => new CancellationTokenSource(UnexpectedDuration).Token;
}
