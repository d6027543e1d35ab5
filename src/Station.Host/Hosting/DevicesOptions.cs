namespace Station.Host.Hosting;

/// <summary>The <c>Devices</c> section: real USB boards or simulated ones, and the slots.</summary>
public sealed class DevicesOptions
{
    public const string Section = "Devices";

    /// <summary><c>Usb</c> (the OS's HID devices) or <c>Simulator</c> (simulated boards on a simulated hub).</summary>
    public string Mode { get; set; } = "Usb";

    /// <summary>Usb mode: the slots, each a physical port path (Linux devpath such as <c>1-4.2</c>, Windows location path).</summary>
    public List<SlotOptions> Slots { get; set; } = [];

    /// <summary>Usb mode: how the recovery ladder's last rung power-cycles a slot (recipes with powerCycle: command or hubPort).</summary>
    public PowerCycleOptions PowerCycle { get; set; } = new();

    /// <summary>Simulator mode settings.</summary>
    public SimulatorOptions Simulator { get; set; } = new();

    public bool IsSimulator => string.Equals(Mode, "Simulator", StringComparison.OrdinalIgnoreCase);
}

/// <summary>Power cycling in Usb mode: an external command, or the hub port's power switch (Linux sysfs).</summary>
public sealed class PowerCycleOptions
{
    /// <summary>A program run with <see cref="Arguments"/> ({slot} and {port} replaced), e.g. uhubctl; empty: none.</summary>
    public string Command { get; set; } = "";

    public List<string> Arguments { get; set; } = [];

    /// <summary>Switch the slot's USB hub port off and on through sysfs instead (hubs with per-port power switching).</summary>
    public bool HubPort { get; set; }

    /// <summary>How long the command may take, or how long the port stays off.</summary>
    public TimeSpan Time { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>One configured slot.</summary>
public sealed class SlotOptions
{
    public string Name { get; set; } = "";

    public string PortPath { get; set; } = "";
}

/// <summary>Simulated boards: how many slots, which faults, how fast.</summary>
public sealed class SimulatorOptions
{
    /// <summary>Slots on the simulated hub ("slot 1" on port 1-1.1 …).</summary>
    public int Boards { get; set; } = 4;

    /// <summary>The simulated part (RT1064 …); empty: the default recipe's device.</summary>
    public string Family { get; set; } = "";

    /// <summary>Fault spec of every board plugged by the host (FaultPlan syntax, e.g. <c>erase20106=0.1,seed=7</c>).</summary>
    public string Faults { get; set; } = "";

    /// <summary>Multiplies the simulator's timing model (0 = instant, 1 = real time).</summary>
    public double TimeScale { get; set; } = 0.25;

    /// <summary>Plug a fresh board into every slot at start-up.</summary>
    public bool PlugAtStart { get; set; } = true;

    /// <summary>After a run ends, swap its board for a fresh one after this long (a continuous demo); zero: never.</summary>
    public TimeSpan ReplugAfter { get; set; } = TimeSpan.Zero;

    /// <summary>Map the /api/sim routes (plug and unplug boards, inject faults): demo and end-to-end tests only.</summary>
    public bool Api { get; set; }
}
