using System.Runtime.Versioning;
using Station.Core.Devices;
using Station.Core.Runs;
using Station.Protocols.Transport.Linux;

namespace Station.Core.Power;

/// <summary>Power-cycles a slot by switching its USB hub port off and on (Linux sysfs; hubs with per-port power switching).</summary>
[SupportedOSPlatform("linux")]
public sealed class HubPortPowerCycler(LinuxUsbPortPower ports, TimeSpan offTime, TimeProvider timeProvider) : IPowerCycler
{
    /// <inheritdoc />
    public bool CanPowerCycle(SlotDefinition slot) => ports.CanSwitch(slot.PortPath);

    /// <inheritdoc />
    public Task PowerCycleAsync(SlotDefinition slot, CancellationToken cancellationToken) =>
        ports.PowerCycleAsync(slot.PortPath, offTime, timeProvider, cancellationToken);
}
