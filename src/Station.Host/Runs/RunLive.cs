using Station.Core.Fuses;
using Station.Core.Runs;
using Station.Host.Contracts;

namespace Station.Host.Runs;

/// <summary>A run of this session as its events tell it, for the live tiles and GET /api/runs/{id}.</summary>
internal sealed class RunLive(RunStarted started)
{
    private const int MaxLogLines = 2_000;

    private readonly List<StepRecordDto> _steps = [];
    private readonly SortedDictionary<uint, FuseRecordDto> _fuses = [];
    private readonly List<ImageRecordDto> _images = [];
    private readonly List<LogLineDto> _log = [];

    public RunStarted Started { get; } = started;

    public string? ChipUid { get; set; }

    public RunResultDto? Result { get; set; }

    public string? RequestedBy { get; set; }

    public string? ApprovedBy { get; set; }

    public DateTimeOffset StepStartedAt { get; private set; }

    public void Apply(RunEvent runEvent)
    {
        switch (runEvent)
        {
            case StepStarted step:
                StepStartedAt = step.At;
                _steps.Add(new StepRecordDto(step.Step.ToString(), step.Attempt, step.At, null, null, null, null, null, step.RetryReason));
                break;
            case StepEnded step:
                var index = _steps.FindLastIndex(s => s.Step == step.Step.ToString() && s.Attempt == step.Attempt);
                var begun = index >= 0 ? _steps[index] : null;
                var record = new StepRecordDto(
                    step.Step.ToString(), step.Attempt, begun?.StartedAt ?? step.At - step.Duration, step.Duration.TotalSeconds, step.Succeeded,
                    step.Failure?.ToString(), step.DeviceStatus, step.Reason, begun?.RetryReason);
                if (index >= 0)
                {
                    _steps[index] = record;
                }
                else
                {
                    _steps.Add(record);
                }

                break;
            case FuseWordPlanned planned:
                _fuses[planned.Index] = new FuseRecordDto(
                    planned.Index, planned.Name, planned.RequestedValue, planned.Mask, planned.Current, null, Decision(planned.Decision), null, null);
                break;
            case FuseBurnIntent intent when _fuses.TryGetValue(intent.Index, out var word):
                _fuses[intent.Index] = word with { ApprovalReference = intent.ApprovalReference };
                break;
            case FuseBurnResult result when _fuses.TryGetValue(result.Index, out var word):
                _fuses[result.Index] = word with { After = result.After, Verified = result.Verified };
                break;
            case ImageWritten image:
                _images.Add(new ImageRecordDto(image.MemoryId, image.Address, image.Length, image.ImageSha256, image.ReadBackSha256));
                break;
            case RunLog log when _log.Count < MaxLogLines:
                _log.Add(new LogLineDto(log.At, log.Level, log.Message));
                break;
        }
    }

    public RunDetailDto ToDetail() => new(
        Started.RunId,
        Started.Slot,
        new RecipeRefDto(Started.RecipeName, Started.RecipeVersion, Started.RecipeSha256),
        Started.SerialNumber,
        ChipUid,
        Started.Operator,
        Started.At,
        Result?.EndedAt,
        Result,
        [.. _steps],
        [.. _fuses.Values],
        [.. _images],
        [.. _log],
        RequestedBy,
        ApprovedBy);

    private static string Decision(FuseDecision decision) => decision switch
    {
        FuseDecision.Matches => "Matches",
        FuseDecision.Write => "Write",
        _ => "Conflict",
    };
}
