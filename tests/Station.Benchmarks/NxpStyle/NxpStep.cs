namespace Station.Benchmarks.NxpStyle;

/// <summary>One step of the NXP-style flow: a station command (its arguments after <c>--uart PORT</c>), or the fixed wait.</summary>
/// <param name="Name">Tool and verb, e.g. <c>mboot write-memory</c>.</param>
/// <param name="Tool">sdp or mboot; empty for the wait.</param>
/// <param name="Verb">The command and its arguments.</param>
/// <param name="Wait">The fixed wait, for the wait step.</param>
internal sealed record NxpStep(string Name, string Tool, IReadOnlyList<string> Verb, TimeSpan? Wait = null)
{
    /// <summary>The whole command line for the board on <paramref name="port"/>.</summary>
    public IReadOnlyList<string> Arguments(string port) => [Tool, "--uart", port, .. Verb];
}
