namespace Station.Host.Hubs;

/// <summary>One message for the hub's clients: the method, the slot it concerns (null: every client) and its argument.</summary>
internal sealed record HubMessage(string Method, string? Slot, object Payload);
