using Station.Core.Devices;
using Station.Protocols.MBoot;
using Station.Protocols.Sdp;
using Station.Protocols.Transport;

namespace Station.Core.Runs;

public sealed partial class UnitRun
{
    private MBootClient? _client;
    private long _sessionGeneration;

    // The generation of a board seen to disconnect: the next session waits for a newer one, since
    // the monitor may not have processed the removal yet.
    private long _goneGeneration;
    private HabMode? _habMode;
    private DateTimeOffset _flashloaderArrivedAt;

    // A flashloader already on the slot when the run starts may be another recipe's: reset it and
    // load ours. Set again by the recovery ladder and by repeated transport failures.
    private bool _mustReload = true;

    /// <summary>
    /// Runs <paramref name="unit"/> on a flashloader session, re-opening the session after a
    /// transport failure and running the whole unit again (DESIGN.md: "retry the step after
    /// re-opening; if the device disappeared, wait for it on the same port"). From the second
    /// failure on, the flashloader is reset and reloaded first, in case it is wedged. After the
    /// recipe's transportRetries the unit is quarantined.
    /// </summary>
    private async Task RunUnitAsync(RunStep firstStep, Func<MBootClient, string?, CancellationToken, Task> unit, CancellationToken cancellationToken)
    {
        var retryReason = _pendingRetryReason;
        _pendingRetryReason = null;
        var failures = 0;
        var pipeline = RunPipelines.Transport(_recipe.Policy.TransportRetries, async (exception, attempt) =>
        {
            failures = attempt + 1;
            await DropSessionAsync();
            NoteDisconnect(exception);
            _mustReload |= failures >= 2;
            retryReason = _mustReload
                ? $"USB failure in {_currentStep} ({exception.Message}); resetting and reloading the flashloader"
                : $"USB failure in {_currentStep} ({exception.Message}); re-opened the device";
            Note($"Step {firstStep}: {retryReason}.");
        }, _environment.TimeProvider);

        try
        {
            await pipeline.ExecuteAsync(async token =>
            {
                var client = await EnsureSessionAsync(token);
                await unit(client, retryReason, token);
            }, cancellationToken);
        }
        catch (Exception exception) when (RunPipelines.IsTransportFailure(exception))
        {
            await DropSessionAsync();
            NoteDisconnect(exception);
            throw new RunStopException(
                RunOutcome.Quarantined, FailureClass.Transport, _currentStep, null,
                $"USB communication with the board kept failing during {_currentStep} ({failures + 1} times; last: {exception.Message}).",
                $"Re-seat the board on {_slot.Name} and check its USB cable, then run it again. If it fails again, hand the unit to rework.",
                exception);
        }
    }

    /// <summary>After a disconnect the next session waits for a newer arrival: the monitor may not have seen the removal yet.</summary>
    private void NoteDisconnect(Exception exception)
    {
        if (exception is DeviceDisconnectedException || exception.InnerException is DeviceDisconnectedException)
        {
            _goneGeneration = _sessionGeneration;
        }
    }

    /// <summary>
    /// A flashloader session on the slot: the open one, or a new one on the board that is there
    /// (loading the flashloader through the ROM first if the board is in ROM mode).
    /// </summary>
    private async Task<MBootClient> EnsureSessionAsync(CancellationToken cancellationToken)
    {
        if (_client is not null)
        {
            return _client;
        }

        var board = await WaitForBoardAsync(null, _goneGeneration, cancellationToken);
        _sessionGeneration = board.Generation;
        if (board.Mode == BoardMode.Flashloader && _mustReload)
        {
            board = await ResetFlashloaderAsync(board, cancellationToken);
        }

        if (board.Mode == BoardMode.Rom)
        {
            await LoadFlashloaderAsync(board, cancellationToken);
            board = await WaitForBoardAsync(BoardMode.Flashloader, 0, cancellationToken);
            _mustReload = false;
        }

        _flashloaderArrivedAt = board.ArrivedAt;
        _sessionGeneration = board.Generation;
        _client = await _environment.Connector.OpenFlashloaderAsync(board, cancellationToken);
        return _client;
    }

    /// <summary>DESIGN.md steps 2-4: HAB state, write-file the flashloader, jump to its IVT.</summary>
    private async Task LoadFlashloaderAsync(BoardPresence rom, CancellationToken cancellationToken)
    {
        var flashloader = _recipe.Flashloader;
        var retryReason = _attempts.ContainsKey(RunStep.LoadFlashloader) ? "the board came back in ROM mode" : null;
        for (var failures = 0; ; )
        {
            try
            {
                await StepAsync(RunStep.LoadFlashloader, retryReason, async token =>
                {
                    await using var sdp = await _environment.Connector.OpenRomAsync(rom, token);
                    _habMode = (await sdp.ErrorStatusAsync(token)).HabMode;
                    await sdp.WriteFileAsync(flashloader.LoadAddress, flashloader.Bytes, token);
                    Publish(new StepProgress(RunId, Now, RunStep.LoadFlashloader, flashloader.Bytes.Length, flashloader.Bytes.Length));
                    await sdp.JumpAddressAsync(flashloader.JumpAddress, token);
                }, cancellationToken);
                return;
            }
            catch (SdpCommandException exception)
            {
                throw new RunStopException(
                    RunOutcome.Failed, FailureClass.DevicePermanent, RunStep.LoadFlashloader, exception.Status, exception.Message,
                    exception.HabMode == HabMode.Closed
                        ? "This device is HAB closed: the recipe's flashloader must be signed for it. Ask an engineer."
                        : "The boot ROM refused the flashloader: check the recipe's flashloader file and addresses with an engineer.",
                    exception);
            }
            catch (Exception exception) when (RunPipelines.IsTransportFailure(exception) && ++failures <= _recipe.Policy.TransportRetries)
            {
                retryReason = $"USB failure talking to the boot ROM ({exception.Message})";
                rom = await WaitForBoardAsync(BoardMode.Rom, 0, cancellationToken);
            }
            catch (Exception exception) when (RunPipelines.IsTransportFailure(exception))
            {
                throw new RunStopException(
                    RunOutcome.Quarantined, FailureClass.Transport, RunStep.LoadFlashloader, null,
                    $"USB communication with the boot ROM kept failing ({exception.Message}).",
                    $"Re-seat the board on {_slot.Name} and check its USB cable, then run it again. If it fails again, hand the unit to rework.",
                    exception);
            }
        }
    }

    /// <summary>
    /// Resets a running flashloader so the board returns to the ROM (its RAM flashloader is gone
    /// after reset) and returns the board as it comes back. A flashloader that does not take the
    /// reset is power-cycled where the recipe and the station allow it; otherwise the run goes on
    /// with the flashloader that is running, which is better than waiting for a ROM that will not come.
    /// </summary>
    private async Task<BoardPresence> ResetFlashloaderAsync(BoardPresence board, CancellationToken cancellationToken)
    {
        try
        {
            await using var client = await _environment.Connector.OpenFlashloaderAsync(board, cancellationToken);
            await client.ResetAsync(cancellationToken);
            return await WaitForBoardAsync(BoardMode.Rom, 0, cancellationToken);
        }
        catch (Exception exception) when (RunPipelines.IsTransportFailure(exception) || exception is MBootCommandException)
        {
            if (CanPowerCycle)
            {
                Note($"The flashloader on {_slot.Name} did not take the reset ({exception.Message}); power-cycling the slot.");
                await PowerCycleAsync(cancellationToken);
                return await WaitForBoardAsync(BoardMode.Rom, 0, cancellationToken);
            }

            Note($"The flashloader on {_slot.Name} did not take the reset ({exception.Message}); going on with the running flashloader.");
            _mustReload = false;
            return await WaitForBoardAsync(null, 0, cancellationToken);
        }
    }

    private async Task PowerCycleAsync(CancellationToken cancellationToken)
    {
        try
        {
            await _environment.PowerCycler.PowerCycleAsync(_slot, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            throw new RunStopException(
                RunOutcome.Quarantined, FailureClass.Transport, _currentStep, null,
                $"The station could not power-cycle {_slot.Name}: {exception.Message}",
                $"Power-cycle {_slot.Name} by hand and run the unit again; if it fails again, hand it to rework. Have the station engineer check the power-cycle setting.",
                exception);
        }
    }

    private bool CanPowerCycle => _recipe.Policy.PowerCycle != Recipes.PowerCycleMode.None && _environment.PowerCycler.CanPowerCycle(_slot);

    private async Task<BoardPresence> WaitForBoardAsync(BoardMode? mode, long afterGeneration, CancellationToken cancellationToken)
    {
        try
        {
            return await _environment.Monitor.WaitForAsync(_slot.Name, mode, afterGeneration, _recipe.Policy.StageTimeout, cancellationToken);
        }
        catch (StageTimeoutException exception)
        {
            var action = mode switch
            {
                BoardMode.Flashloader when _habMode == HabMode.Closed =>
                    $"The flashloader did not start on {_slot.Name} and the device is HAB closed: the flashloader must be signed. Ask an engineer.",
                BoardMode.Flashloader =>
                    $"The flashloader did not start on {_slot.Name}: power-cycle the slot and re-seat the board, then run it again.",
                _ => $"Put the board on {_slot.Name} in serial-download mode (boot switches) and re-seat it, then run it again.",
            };
            throw new RunStopException(RunOutcome.Failed, FailureClass.StageTimeout, _currentStep, null, exception.Message, action, exception);
        }
    }

    private async Task DropSessionAsync()
    {
        if (_client is { } client)
        {
            _client = null;
            await client.DisposeAsync();
        }
    }
}
