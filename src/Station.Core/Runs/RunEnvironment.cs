using Microsoft.Extensions.Logging;
using Station.Core.Devices;
using Station.Core.Fuses;

namespace Station.Core.Runs;

/// <summary>What every run of a station shares: the slots, the way to open boards, where events go.</summary>
/// <param name="Monitor">Follows boards on slots.</param>
/// <param name="Connector">Opens protocol clients.</param>
/// <param name="Events">Where run events go.</param>
/// <param name="PowerCycler">The last rung of the flash recovery ladder, when the recipe asks for it.</param>
/// <param name="FuseBurns">The station-wide limit on concurrent fuse burns.</param>
/// <param name="TimeProvider">The clock.</param>
/// <param name="LoggerFactory">Logging.</param>
public sealed record RunEnvironment(
    DeviceMonitor Monitor,
    BoardConnector Connector,
    IRunEvents Events,
    IPowerCycler PowerCycler,
    SemaphoreSlim FuseBurns,
    TimeProvider TimeProvider,
    ILoggerFactory LoggerFactory)
{
    /// <summary>Where a unit's unresolved fuse intents come from; null when the station keeps no records.</summary>
    public IUnresolvedFuseIntents? UnresolvedFuseIntents { get; init; }
}
