using Station.Core.Devices;
using Station.Host.Contracts;

namespace Station.Host.Runs;

/// <summary>One slot's live state inside <see cref="SlotBoard"/> (guarded by the board's lock).</summary>
internal sealed class SlotLive(SlotDefinition slot)
{
    public SlotDefinition Slot { get; } = slot;

    public BoardPresence? Board { get; set; }

    /// <summary>idle, waiting, running or done (docs/API.md).</summary>
    public string State { get; set; } = "idle";

    public string? Step { get; set; }

    public Guid? RunId { get; set; }

    public string? SerialNumber { get; set; }

    public ProgressDto? Progress { get; set; }

    public RunResultDto? LastResult { get; set; }

    /// <summary>When the board last posted this slot's state (a board came or went, a run began, a step started, a run ended).</summary>
    public DateTimeOffset ChangedAt { get; set; }

    /// <summary>The slot's sequence number: one more for every message the hub gets about it.</summary>
    public long Seq { get; set; }

    public RunProgressDto? PendingProgress { get; set; }

    public DateTimeOffset LastProgressSent { get; set; }

    public SlotStateDto ToDto() => new(
        Slot.Name,
        Slot.PortPath,
        Board is null ? null : new BoardDto(Board.Mode.ToString(), Board.Device.VendorId, Board.Device.ProductId),
        State,
        Step,
        RunId,
        SerialNumber,
        Progress,
        LastResult,
        ChangedAt,
        Seq);
}
