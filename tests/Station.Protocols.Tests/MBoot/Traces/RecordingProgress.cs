namespace Station.Protocols.Tests.MBoot.Traces;

/// <summary>An <see cref="IProgress{T}"/> that records synchronously (Progress&lt;T&gt; posts to the thread pool).</summary>
internal sealed class RecordingProgress : IProgress<long>
{
    private readonly List<long> _values = [];

    public IReadOnlyList<long> Values => _values;

    public void Report(long value) => _values.Add(value);
}
