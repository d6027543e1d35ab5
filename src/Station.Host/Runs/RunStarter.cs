using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Station.Core.Recipes;
using Station.Core.Runs;
using Station.Data;
using Station.Data.Entities;
using Station.Host.Contracts;
using Station.Host.Hosting;
using Station.Host.Recipes;

namespace Station.Host.Runs;

/// <summary>
/// POST /api/runs: checks a run request (slot, recipe version, serial number, approval), starts it
/// on the engine and records who asked for it. An <c>Idempotency-Key</c> makes a repeated request
/// (the same caller, key and body) answer with the first run instead of starting another; the key is
/// stored with the run, so this holds across restarts. Requests are handled one at a time, so two
/// copies of one request arriving together cannot both start.
/// </summary>
internal sealed partial class RunStarter(
    StationRuntime runtime, SlotBoard board, RecipeCatalog recipes, RunRecords records, IDbContextFactory<StationDbContext> databases,
    TimeProvider time, ILogger<RunStarter> logger) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<RunStartOutcome> StartAsync(StartRunBody body, string requestedBy, string? idempotencyKey, CancellationToken cancellationToken)
    {
        var fingerprint = Fingerprint(body);
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (idempotencyKey is not null && await FindByKeyAsync(requestedBy, idempotencyKey, cancellationToken) is { } earlier)
            {
                return earlier.RequestSha256 is { } sha && sha.AsSpan().SequenceEqual(fingerprint)
                    ? RunStartOutcome.Started(earlier.RunId, repeated: true)
                    : RunStartOutcome.Unprocessable(
                        "The Idempotency-Key was already used for a different request.",
                        new() { ["Idempotency-Key"] = ["Use a new key for a new request; repeat a request with the same body to get its first answer."] });
            }

            var slot = runtime.Engine.Slots.FirstOrDefault(s => string.Equals(s.Name, body.Slot, StringComparison.OrdinalIgnoreCase));
            if (slot is null)
            {
                return RunStartOutcome.NotFound($"There is no slot named '{body.Slot}'.");
            }

            RecipePlan plan;
            try
            {
                plan = await recipes.LoadPlanAsync(body.Recipe!.Name!, body.Recipe.Version, cancellationToken);
            }
            catch (RecipeNotFoundException exception)
            {
                return RunStartOutcome.Unprocessable(exception.Message, new() { ["recipe"] = [exception.Message] });
            }
            catch (RecipeValidationException exception)
            {
                return RunStartOutcome.Unprocessable($"Recipe {body.Recipe!.Name} v{body.Recipe.Version} cannot be used.", new() { ["recipe"] = [.. exception.Errors] });
            }

            var approval = await recipes.ApprovalAsync(plan.Name, plan.Version, cancellationToken);
            if (plan.MayBurnFuses && plan.Fuses.Count > 0 && approval is null)
            {
                var detail = $"Recipe {plan.Name} v{plan.Version} burns fuses and is not approved: an engineer must approve it first.";
                return RunStartOutcome.Unprocessable(detail, new() { ["recipe"] = [detail] });
            }

            if (runtime.Engine.CurrentRun(slot.Name) is { } running)
            {
                return RunStartOutcome.Conflict($"{slot.Name} is busy with run {running}.");
            }

            if (body.SerialNumber is { } serial)
            {
                if (board.SlotRunningSerial(serial) is { } other)
                {
                    return RunStartOutcome.Conflict($"Unit {serial} is being provisioned on {other} now.");
                }

                if (!body.Rework && (board.SerialPassed(serial) || await records.SerialPassedAsync(serial, cancellationToken)))
                {
                    return RunStartOutcome.Conflict($"Unit {serial} is already provisioned; send \"rework\": true to provision it again.");
                }
            }

            var started = runtime.Engine.TryStart(new RunRequest(
                slot.Name, plan, body.SerialNumber, body.Operator ?? requestedBy, approval is null ? null : RecipeCatalog.ToFuseApproval(approval)));
            if (started is null)
            {
                return RunStartOutcome.Conflict($"{slot.Name} is busy.");
            }

            board.Annotate(started.RunId, requestedBy, approval?.ApprovedBy);
            Log.Requested(logger, started.RunId, slot.Name, requestedBy, plan.Identity, body.SerialNumber ?? "(none)");
            await StoreAsync(new RunRequestRecord
            {
                RunId = started.RunId,
                StationId = runtime.StationId,
                Slot = slot.Name,
                RequestedBy = requestedBy,
                Operator = body.Operator ?? requestedBy,
                SerialNumber = body.SerialNumber,
                Rework = body.Rework,
                IdempotencyKey = idempotencyKey,
                RequestSha256 = fingerprint,
                RecipeName = plan.Name,
                RecipeVersion = plan.Version,
                ApprovalId = approval?.ApprovalId,
                ApprovedBy = approval?.ApprovedBy,
                RequestedAt = time.GetUtcNow().UtcDateTime,
            });
            return RunStartOutcome.Started(started.RunId, repeated: false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private async Task<RunRequestRecord?> FindByKeyAsync(string requestedBy, string key, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.RunRequests.AsNoTracking().SingleOrDefaultAsync(r => r.RequestedBy == requestedBy && r.IdempotencyKey == key, cancellationToken);
    }

    private async Task StoreAsync(RunRequestRecord record)
    {
        try
        {
            // The run has started: store who asked even if the caller has gone.
            await using var db = await databases.CreateDbContextAsync(CancellationToken.None);
            db.RunRequests.Add(record);
            await db.SaveChangesAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            Log.NotStored(logger, record.RunId, exception);
        }
    }

    /// <summary>The request's canonical form, hashed: what an Idempotency-Key is bound to.</summary>
    private static byte[] Fingerprint(StartRunBody body) => SHA256.HashData(Encoding.UTF8.GetBytes(string.Join(
        '\u001f',
        body.Slot?.ToLowerInvariant() ?? "",
        body.Recipe?.Name ?? "",
        body.Recipe?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        body.SerialNumber ?? "\u0000",
        body.Operator ?? "\u0000",
        body.Rework ? "1" : "0")));
}
