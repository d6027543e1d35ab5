namespace Station.Protocols.Transport;

/// <summary>
/// Runs one transport wait under a timeout, keeping the two ways it can end apart: the caller's
/// token firing is cancellation; the timeout firing is a <see cref="DeviceTimeoutException"/>
/// (STYLE 4.7). Time comes from the injected <see cref="TimeProvider"/> so tests can fake it.
/// </summary>
internal static class TransportTimeout
{
    public static async ValueTask<T> RunAsync<T, TState>(
        Func<TState, CancellationToken, ValueTask<T>> operation,
        TState state,
        TimeSpan timeout,
        TimeProvider timeProvider,
        string deviceAddress,
        string operationName,
        CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            return await operation(state, linked.Token);
        }
        catch (OperationCanceledException) when (timeoutSource.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new DeviceTimeoutException(deviceAddress, timeout, operationName);
        }
        catch (OperationCanceledException exception) when (cancellationToken.IsCancellationRequested && exception.CancellationToken != cancellationToken)
        {
            // Report the caller's own token, not the linked one, so callers can tell whose it was.
            throw new OperationCanceledException(exception.Message, exception, cancellationToken);
        }
    }
}
