using Xunit;

namespace Station.Testing;

/// <summary>
/// Counts the outcomes of a fuzz test's cases. A case either returns its outcome's name or throws;
/// <c>classify</c> names the exceptions the parser documents and returns null for any other, which
/// fails the test at once with the case's number and exception, and leaves the case's bytes in a
/// temporary file for a rerun under the debugger.
/// </summary>
public sealed class FuzzOutcomes(string target, Func<Exception, string?> classify)
{
    private readonly Dictionary<string, int> _counts = [];

    /// <summary>Runs one case.</summary>
    public void Run(int index, byte[] input, Func<string> parse)
    {
        string outcome;
        try
        {
            outcome = parse();
        }
        catch (Exception exception)
        {
            outcome = classify(exception) ?? throw Unexpected(index, input, exception);
        }

        _counts[outcome] = _counts.GetValueOrDefault(outcome) + 1;
    }

    /// <summary>How many cases ended as <paramref name="outcome"/>.</summary>
    public int Count(string outcome) => _counts.GetValueOrDefault(outcome);

    /// <summary>Fails unless cases ended in each of <paramref name="outcomes"/>: a fuzz whose mutations never reach both sides of a parser tests little.</summary>
    public void AssertReached(params string[] outcomes)
    {
        foreach (var outcome in outcomes)
        {
            Assert.True(Count(outcome) > 0, $"{target}: no case ended as '{outcome}': {this}");
        }
    }

    public override string ToString() => $"{target}: " + string.Join(", ", _counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Value} {c.Key}"));

    private Xunit.Sdk.XunitException Unexpected(int index, byte[] input, Exception exception)
    {
        var file = Path.Combine(Path.GetTempPath(), $"station-fuzz-{target.Replace(' ', '-')}-{index}.bin");
        File.WriteAllBytes(file, input);
        return new Xunit.Sdk.XunitException(
            $"{target}, case {index} ({input.Length} bytes, saved to {file}): {exception.GetType().Name}: {exception.Message}{Environment.NewLine}{exception.StackTrace}");
    }
}
