namespace Station.Protocols.Tests.Integration;

/// <summary>Records progress reports as they happen (Progress&lt;T&gt; would post them later).</summary>
internal sealed class SynchronousProgress(List<long> reports) : IProgress<long>
{
    public void Report(long value) => reports.Add(value);
}
