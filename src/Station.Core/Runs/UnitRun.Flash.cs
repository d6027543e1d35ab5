using System.Security.Cryptography;
using Station.Protocols.MBoot;

namespace Station.Core.Runs;

public sealed partial class UnitRun
{
    /// <summary>
    /// Where configure-memory finds its option words or FCB: the RT10xx flashloader's RAM
    /// communication buffer in ITCM, as SPSDK uses it (PROTOCOLS.md 6.3; the whole 512-byte FCB must
    /// fit in RAM there, else status 4).
    /// </summary>
    private const uint ConfigBufferAddress = 0x2000;

    /// <summary>The option word that makes configure-memory program the FCB it holds (PROTOCOLS.md 6.2).</summary>
    private const uint ProgramFcbMagic = 0xF000000F;

    private const int DefaultSectorSize = 4096;

    /// <summary>Publish write/verify progress at most every this many bytes (and at the end).</summary>
    private const long ProgressStep = 64 * 1024;

    private IReadOnlyList<uint> _optionWords;
    private string? _pendingRetryReason;

    /// <summary>
    /// Steps 7-11 as one unit: configure, erase, program the FCB, write, verify. A transient flash
    /// failure (20106 and friends, or a read-back mismatch) climbs the recovery ladder of
    /// PROTOCOLS.md 9.2: plain retries, re-configure at slower clocks, reset and reload the
    /// flashloader, power-cycle; then the unit is quarantined with a diagnosis. The unit restarts
    /// from configure-memory each time, since a half-written page cannot be written again unerased.
    /// </summary>
    private async Task ProgramFlashAsync(CancellationToken cancellationToken)
    {
        var ladder = BuildLadder();
        var pipeline = RunPipelines.FlashLadder(ladder.Count, async (exception, rung) =>
        {
            _pendingRetryReason = $"{_currentStep} failed ({exception.Message}); {ladder[rung].Description}";
            Note(_pendingRetryReason + ".");
            await ladder[rung].PrepareAsync(cancellationToken);
        }, _environment.TimeProvider);

        try
        {
            await pipeline.ExecuteAsync(token => new ValueTask(RunUnitAsync(RunStep.ConfigureMemory, ProgramFlashUnitAsync, token)), cancellationToken);
        }
        catch (Exception exception) when (RunPipelines.IsTransientFlashFailure(exception))
        {
            var status = exception is MBootCommandException command ? (uint?)command.Status : null;
            var diagnosis = await DiagnoseFlashAsync(cancellationToken);
            throw new RunStopException(
                RunOutcome.Quarantined, FailureClass.DeviceTransient, _currentStep, status,
                $"The flash kept failing in {_currentStep} ({exception.Message}) after every recovery step ({string.Join(", ", ladder.Select(r => r.Description))}). {diagnosis}",
                $"Unit quarantined: hand it to rework. {diagnosis}",
                exception);
        }
        catch (MBootCommandException exception)
        {
            throw new RunStopException(
                RunOutcome.Failed, FailureClass.DevicePermanent, _currentStep, (uint)exception.Status, exception.Message,
                "The flashloader refused the request: check the recipe (flash configuration, image address) with an engineer.",
                exception);
        }
    }

    private async Task ProgramFlashUnitAsync(MBootClient client, string? retryReason, CancellationToken cancellationToken)
    {
        var image = _recipe.Image;
        var memoryId = (MBootMemoryId)_recipe.Flash.MemoryId;
        var device = _recipe.Device;
        var imageIncludesFcb = image.Address == device.FlexSpiBase;

        var sectorSize = await StepAsync(RunStep.ConfigureMemory, retryReason, async token =>
        {
            await ConfigureMemoryAsync(client, memoryId, _optionWords, token);
            var attributes = await client.GetExternalMemoryAttributesAsync(memoryId, token);
            return attributes?.SectorSize is > 0 and var size ? (int)size : DefaultSectorSize;
        }, cancellationToken);

        // The FCB lives at the start of the boot flash, so the erase covers it whenever it is programmed.
        var eraseStart = AlignDown(Math.Min(image.Address, device.FlexSpiBase + device.FcbOffset), sectorSize);
        var eraseEnd = AlignUp(image.Address + (uint)image.Bytes.Length, sectorSize);
        await StepAsync(RunStep.Erase, null, token => client.FlashEraseRegionAsync(eraseStart, (int)(eraseEnd - eraseStart), memoryId, token), cancellationToken);

        if (!imageIncludesFcb)
        {
            await StepAsync(RunStep.ProgramFcb, null, token => _recipe.Flash.Fcb is { } fcb
                ? client.WriteMemoryAsync(device.FlexSpiBase + device.FcbOffset, fcb, memoryId, token)
                : ConfigureMemoryAsync(client, memoryId, [ProgramFcbMagic], token), cancellationToken);
        }

        await StepAsync(RunStep.WriteImage, null, token =>
            client.WriteMemoryAsync(image.Address, image.Bytes, memoryId, ProgressOf(RunStep.WriteImage, image.Bytes.Length), token), cancellationToken);

        await StepAsync(RunStep.Verify, null, async token =>
        {
            var readBack = new byte[image.Bytes.Length];
            await client.ReadMemoryAsync(image.Address, readBack, memoryId, ProgressOf(RunStep.Verify, readBack.Length), token);
            var readBackSha = Convert.ToHexStringLower(SHA256.HashData(readBack));
            Publish(new ImageWritten(RunId, Now, (uint)memoryId, image.Address, image.Bytes.Length, image.Sha256, readBackSha));
            if (readBackSha != image.Sha256)
            {
                throw new VerifyMismatchException(image.Address, image.Bytes.Length, image.Sha256, readBackSha);
            }
        }, cancellationToken);
    }

    /// <summary>fill-memory the option words (or write the FCB) into RAM, then configure-memory from there.</summary>
    private async Task ConfigureMemoryAsync(MBootClient client, MBootMemoryId memoryId, IReadOnlyList<uint> optionWords, CancellationToken cancellationToken)
    {
        if (optionWords.Count == 0 && _recipe.Flash.Fcb is { } fcb)
        {
            await client.WriteMemoryAsync(ConfigBufferAddress, fcb, MBootMemoryId.Internal, cancellationToken);
        }
        else
        {
            for (var i = 0; i < optionWords.Count; i++)
            {
                await client.FillMemoryAsync(ConfigBufferAddress + (uint)(4 * i), 4, optionWords[i], cancellationToken);
            }
        }

        await client.ConfigureMemoryAsync(memoryId, ConfigBufferAddress, cancellationToken);
    }

    private List<LadderRung> BuildLadder()
    {
        var policy = _recipe.Policy;
        var rungs = new List<LadderRung>();
        for (var i = 0; i < policy.FlashRetries; i++)
        {
            rungs.Add(new("retrying", _ => Task.CompletedTask));
        }

        if (policy.ReconfigureAtLowerClock && _recipe.Flash.OptionWords.Count > 0)
        {
            foreach (var fallback in _recipe.Flash.FallbackOptionWords)
            {
                rungs.Add(new($"re-configuring the flash at option 0x{fallback:X8}", _ =>
                {
                    _optionWords = [fallback, .. _recipe.Flash.OptionWords.Skip(1)];
                    return Task.CompletedTask;
                }));
            }
        }

        if (policy.ReloadFlashloader)
        {
            rungs.Add(new("resetting and reloading the flashloader", async _ =>
            {
                _mustReload = true;
                await DropSessionAsync();
            }));
        }

        if (CanPowerCycle)
        {
            rungs.Add(new($"power-cycling {_slot.Name}", async token =>
            {
                await DropSessionAsync();
                await PowerCycleAsync(token);
                _mustReload = true;
            }));
        }

        return rungs;
    }

    /// <summary>
    /// Tells a write-protected flash (nothing erased) from scattered bit errors (signal integrity,
    /// marginal flash) by reading the first sector of the erased range back (PROTOCOLS.md 9.2 step 3).
    /// </summary>
    private async Task<string> DiagnoseFlashAsync(CancellationToken cancellationToken)
    {
        const int Length = DefaultSectorSize;
        var address = _recipe.Image.Address & ~(uint)(Length - 1);
        try
        {
            var client = await EnsureSessionAsync(cancellationToken);
            var sector = await client.ReadMemoryAsync(address, Length, (MBootMemoryId)_recipe.Flash.MemoryId, cancellationToken);
            var notErased = sector.Count(b => b != 0xFF);
            return notErased switch
            {
                0 => $"The sector at 0x{address:X8} reads erased now: the failure is intermittent (marginal flash, clock or signal integrity).",
                Length => $"No byte of the sector at 0x{address:X8} is erased: the flash looks write-protected (status register BP/CMP bits) or dead.",
                _ => $"{notErased} of {Length} bytes of the sector at 0x{address:X8} are not erased: scattered bit errors point at the flash or its signals.",
            };
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            return $"The flash could not be read back for a diagnosis ({exception.Message}).";
        }
    }

    private Progress ProgressOf(RunStep step, long total) => new(this, step, total);

    private static uint AlignDown(uint value, int alignment) => value / (uint)alignment * (uint)alignment;

    private static uint AlignUp(uint value, int alignment) => (uint)(((ulong)value + (uint)alignment - 1) / (uint)alignment * (uint)alignment);

    private sealed record LadderRung(string Description, Func<CancellationToken, Task> PrepareAsync);

    /// <summary>Turns the client's per-packet progress into a few events (STYLE 4.7: IProgress, not events per packet).</summary>
    private sealed class Progress(UnitRun run, RunStep step, long total) : IProgress<long>
    {
        private long _lastPublished = -ProgressStep;

        public void Report(long value)
        {
            if (value - _lastPublished >= ProgressStep || value >= total)
            {
                _lastPublished = value;
                run.Publish(new StepProgress(run.RunId, run.Now, step, value, total));
            }
        }
    }
}
