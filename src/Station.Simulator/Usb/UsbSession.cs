using Station.Protocols.Transport;

namespace Station.Simulator.Usb;

/// <summary>One host handle on a board's USB device: the device end the board serves.</summary>
internal sealed class UsbSession
{
    private readonly CancellationTokenSource _cancellation;

    public UsbSession(InMemoryReportTransport device, CancellationTokenSource cancellation)
    {
        Device = device;
        _cancellation = cancellation;
        Token = cancellation.Token;
    }

    public InMemoryReportTransport Device { get; }

    public CancellationToken Token { get; }

    public Task Task { get; set; } = Task.CompletedTask;

    /// <summary>Cuts the link (the host end sees a disconnect) and stops serving; does not wait for the serving task.</summary>
    public async Task StopAsync()
    {
        await Device.DisposeAsync();
        await _cancellation.CancelAsync();
    }
}
