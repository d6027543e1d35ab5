namespace Station.Host.Runs;

/// <summary>What became of a run request: started (maybe earlier, for a repeated Idempotency-Key) or why not.</summary>
internal sealed record RunStartOutcome(int Status, Guid? RunId, bool Repeated, string? Detail, Dictionary<string, string[]>? Errors)
{
    public static RunStartOutcome Started(Guid runId, bool repeated) => new(StatusCodes.Status202Accepted, runId, repeated, null, null);

    public static RunStartOutcome NotFound(string detail) => new(StatusCodes.Status404NotFound, null, false, detail, null);

    public static RunStartOutcome Conflict(string detail) => new(StatusCodes.Status409Conflict, null, false, detail, null);

    public static RunStartOutcome Unprocessable(string detail, Dictionary<string, string[]> errors) =>
        new(StatusCodes.Status422UnprocessableEntity, null, false, detail, errors);
}
