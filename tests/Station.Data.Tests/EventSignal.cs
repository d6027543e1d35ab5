using Microsoft.Extensions.Logging;

namespace Station.Data.Tests;

/// <summary>
/// A logger that completes <see cref="Logged"/> the first time an event with the given id is
/// logged: lets a test wait for something the recorder only tells its log (a failed delivery).
/// </summary>
internal sealed class EventSignal<T>(int id) : ILogger<T>
{
    private readonly TaskCompletionSource<Exception?> _logged = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the logged exception (if any) at the first such event.</summary>
    public Task<Exception?> Logged => _logged.Task;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id == id)
        {
            _logged.TrySetResult(exception);
        }
    }
}
