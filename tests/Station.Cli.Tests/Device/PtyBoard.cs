using System.Runtime.Versioning;
using Station.Protocols;
using Station.Protocols.Transport.Linux;
using Station.Simulator;
using Station.Testing;

namespace Station.Cli.Tests.Device;

/// <summary>A simulated board serving the master side of a real pseudo-terminal; tools open <see cref="Path"/>.</summary>
[SupportedOSPlatform("linux")]
internal sealed class PtyBoard : IAsyncDisposable
{
    private readonly PseudoTerminal _pty;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _serving;

    private PtyBoard(SimulatedBoard board, PseudoTerminal pty, bool startInRom)
    {
        Board = board;
        _pty = pty;
        _serving = board.ServeSerialAsync(pty, startInRom, _stop.Token);
    }

    public SimulatedBoard Board { get; }

    /// <summary>The slave path, e.g. /dev/pts/3.</summary>
    public string Path => _pty.SlavePath;

    public static PtyBoard Flashloader(SimulatedBoardOptions? options = null) =>
        new(new SimulatedBoard(BoardFamily.Rt1064, options), PseudoTerminal.Open(), startInRom: false);

    public static PtyBoard Rom(SimulatedBoardOptions? options = null) =>
        new(new SimulatedBoard(BoardFamily.Rt1064, options), PseudoTerminal.Open(), startInRom: true);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _serving.WaitAsync(TestTimeouts.UnexpectedDuration);
        }
        catch (Exception exception) when (exception is OperationCanceledException or DeviceException)
        {
            // Serving ends with the test.
        }

        await _pty.DisposeAsync();
        await Board.DisposeAsync();
        _stop.Dispose();
    }
}
