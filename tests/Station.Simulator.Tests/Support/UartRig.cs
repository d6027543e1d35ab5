using Station.Protocols.Transport;

namespace Station.Simulator.Tests.Support;

/// <summary>A board served over an in-memory UART, with the raw host end.</summary>
internal sealed class UartRig : IAsyncDisposable
{
    private UartRig(SimulatedBoard board, InMemoryByteTransport host, Task serving)
    {
        Board = board;
        HostTransport = host;
        Host = new RawUart(host);
        Serving = serving;
    }

    public SimulatedBoard Board { get; }

    public InMemoryByteTransport HostTransport { get; }

    public RawUart Host { get; }

    public Task Serving { get; }

    public static UartRig Start(BoardFamily family, SimulatedBoardOptions? options = null, bool startInRom = false)
    {
        var board = new SimulatedBoard(family, options);
        var (host, device) = InMemoryByteTransport.CreatePair("sim-uart", options?.TimeProvider);
        var serving = board.ServeSerialAsync(device, startInRom, TestTimeouts.Unexpected);
        return new UartRig(board, host, serving);
    }

    public async ValueTask DisposeAsync()
    {
        await HostTransport.DisposeAsync();
        try
        {
            await Serving.WaitAsync(TestTimeouts.UnexpectedDuration);
        }
        catch (OperationCanceledException)
        {
        }

        await Board.DisposeAsync();
    }
}
