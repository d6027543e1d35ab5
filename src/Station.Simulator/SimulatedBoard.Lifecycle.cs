using Station.Simulator.Timing;
using Station.Simulator.Usb;

namespace Station.Simulator;

public sealed partial class SimulatedBoard
{
    /// <summary>
    /// Leaves the current state (ending the USB session and listing) and, after the modelled
    /// re-enumeration gap, enters the state <paramref name="target"/> picks then (lock held).
    /// Returns the session to stop once the lock is released.
    /// </summary>
    private UsbSession? BeginTransitionLocked(Func<BoardState> target)
    {
        var session = LeaveLocked();
        _state = BoardState.Booting;
        var generation = _generation;
        Track(CompleteTransitionAsync(generation, target));
        return session;
    }

    private async Task CompleteTransitionAsync(int generation, Func<BoardState> target)
    {
        // Unscaled this completes synchronously, so the new state is there before the caller goes on.
        Pacer.Charge(DeviceTimeCategory.Enumeration, Timing.Reenumeration);
        try
        {
            await Pacer.PaceAsync(_lifetime.Token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        lock (_lock)
        {
            if (generation == _generation && _state == BoardState.Booting)
            {
                EnterLocked(target());
            }
        }
    }

    /// <summary>Power arrives (plugged in): the ROM boots after the enumeration gap (lock held).</summary>
    private UsbSession? PowerOnLocked()
    {
        if (_state != BoardState.Off)
        {
            throw new InvalidOperationException($"Board {Name} is already powered.");
        }

        ForgetVolatileLocked();
        return BeginTransitionLocked(BootTargetLocked);
    }

    /// <summary>Power goes (unplugged, disposed): everything volatile is lost (lock held).</summary>
    private List<UsbSession> PowerOffLocked()
    {
        var stop = new List<UsbSession>();
        if (LeaveLocked() is { } session)
        {
            stop.Add(session);
        }

        _state = BoardState.Off;
        ForgetVolatileLocked();
        return stop;
    }

    /// <summary>Acts on how a session ended; stale outcomes (of an earlier state) are ignored.</summary>
    private async Task HandleOutcomeAsync(int generation, UsbSession session, SessionOutcome outcome)
    {
        UsbSession? stop = null;
        lock (_lock)
        {
            if (generation != _generation)
            {
                return;
            }

            switch (outcome.Kind)
            {
                case SessionEnd.HostGone:
                    if (ReferenceEquals(_usbSession, session))
                    {
                        _usbSession = null;
                    }

                    return;
                case SessionEnd.Reset:
                    ForgetVolatileLocked();
                    stop = BeginTransitionLocked(BootTargetLocked);
                    break;
                case SessionEnd.BootFailed:
                    ForgetVolatileLocked();
                    stop = BeginTransitionLocked(() => BoardState.Rom);
                    break;
                case SessionEnd.Jumped:
                    _nextImage = outcome.Image;
                    _flashloader = null;
                    stop = BeginTransitionLocked(() => BoardState.Flashloader);
                    break;
                case SessionEnd.Disconnected:
                    var state = _state;
                    stop = BeginTransitionLocked(() => state);
                    break;
                case SessionEnd.Executed:
                    stop = LeaveLocked();
                    EnterLocked(BoardState.Application);
                    break;
            }
        }

        if (stop is not null)
        {
            await stop.StopAsync();
        }
    }

    private static async Task StopAllAsync(IEnumerable<UsbSession> sessions)
    {
        foreach (var session in sessions)
        {
            await session.StopAsync();
        }
    }
}
