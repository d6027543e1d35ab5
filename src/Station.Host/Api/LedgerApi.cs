using Microsoft.AspNetCore.Http.HttpResults;
using Station.Data.Ledger;
using Station.Host.Contracts;
using Station.Host.Hosting;
using Station.Host.Security;

namespace Station.Host.Api;

/// <summary>GET /api/ledger/verify: checks this station's hash chain, anchored at its journal's head when the database has caught up.</summary>
internal static class LedgerApi
{
    public static RouteGroupBuilder MapLedgerApi(this RouteGroupBuilder api)
    {
        api.MapGet("/ledger/verify", VerifyAsync).WithTags("Ledger").RequireAuthorization(StationPolicies.Audit);
        return api;
    }

    public static async Task<Ok<LedgerVerifyDto>> VerifyAsync(StationRuntime runtime, LedgerVerifier verifier, CancellationToken cancellationToken)
    {
        // The journal's head is an anchor independent of the database (it catches the newest rows
        // removed), but only once delivery has caught up with it; otherwise check without it.
        var writer = runtime.Writer;
        await Freshness.CatchUpAsync(runtime, cancellationToken);
        var status = writer.Status;
        var anchor = status.Undelivered == 0 && status.Queued == 0 ? writer.DurableHead : null;
        var result = await verifier.VerifyAsync(runtime.StationId, anchor, cancellationToken);
        return TypedResults.Ok(new LedgerVerifyDto(
            result.IsIntact,
            result.RecordCount,
            result.StationId,
            result.Head?.ToString(),
            anchor is not null,
            result.FirstBreak is { } broken ? new LedgerBreakDto(broken.Kind.ToString(), broken.Table, broken.Sequence, broken.Description) : null));
    }
}
