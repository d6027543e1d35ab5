using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.SignalR;
using Station.Core.Devices;
using Station.Host.Security;

namespace Station.Host.Hubs;

/// <summary>
/// /hubs/station (docs/API.md): clients subscribe to one slot or to all, and receive slotChanged,
/// runStep, runProgress, runLog and runEnded for what they subscribed to, and stationChanged.
/// Every signed-in role may connect; the negotiate request of anyone else answers 401.
/// </summary>
[Authorize(Policy = StationPolicies.SignedIn)]
internal sealed class StationHub(DeviceMonitor monitor) : Hub
{
    /// <summary>The group of clients subscribed to every slot.</summary>
    public const string AllSlotsGroup = "slots:*";

    public static string SlotGroup(string slot) => "slot:" + slot.ToLowerInvariant();

    /// <summary>Receive the events of <paramref name="slot"/>, or of every slot when null.</summary>
    [Authorize(Policy = StationPolicies.SignedIn)]
    [HubMethodName("Subscribe")]
    public Task SubscribeAsync(string? slot) => Groups.AddToGroupAsync(Context.ConnectionId, GroupOf(slot), Context.ConnectionAborted);

    /// <summary>Stop receiving the events of <paramref name="slot"/> (or of every slot when null).</summary>
    [Authorize(Policy = StationPolicies.SignedIn)]
    [HubMethodName("Unsubscribe")]
    public Task UnsubscribeAsync(string? slot) => Groups.RemoveFromGroupAsync(Context.ConnectionId, GroupOf(slot), Context.ConnectionAborted);

    private string GroupOf(string? slot)
    {
        if (slot is null)
        {
            return AllSlotsGroup;
        }

        return monitor.Slots.Any(s => string.Equals(s.Name, slot, StringComparison.OrdinalIgnoreCase))
            ? SlotGroup(slot)
            : throw new HubException($"There is no slot named '{slot}'.");
    }
}
