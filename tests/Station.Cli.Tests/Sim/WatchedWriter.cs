using System.Text;
using Station.Testing;

namespace Station.Cli.Tests.Sim;

/// <summary>
/// Captures what a long-running command prints and lets a test wait for its first complete line
/// (how a script reads <c>station sim uart</c>'s pseudo-terminal path).
/// </summary>
internal sealed class WatchedWriter : TextWriter
{
    private readonly Lock _lock = new();
    private readonly StringBuilder _text = new();
    private readonly TaskCompletionSource<string> _firstLine = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override Encoding Encoding => Encoding.UTF8;

    public Task<string> FirstLineAsync() => _firstLine.Task.WaitAsync(TestTimeouts.Unexpected);

    public override void Write(char value)
    {
        lock (_lock)
        {
            _text.Append(value);
            if (value == '\n')
            {
                _firstLine.TrySetResult(_text.ToString().Split('\n')[0].TrimEnd('\r'));
            }
        }
    }

    public override void Write(string? value)
    {
        foreach (var c in value ?? string.Empty)
        {
            Write(c);
        }
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override string ToString()
    {
        lock (_lock)
        {
            return _text.ToString();
        }
    }
}
