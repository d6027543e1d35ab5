using Microsoft.Extensions.Options;
using Station.Simulator;

namespace Station.Host.Hosting;

/// <summary>Checks the Station and Devices sections and lists every problem at once (STYLE 4.9): a misconfigured station refuses to start.</summary>
internal static class StationOptionsValidation
{
    public static IReadOnlyList<string> Validate(StationOptions station, DevicesOptions devices)
    {
        var errors = new List<string>();
        if (string.IsNullOrWhiteSpace(station.Name) || station.Name.Length > 64)
        {
            errors.Add("Station:Name must be 1 to 64 characters (it keys the station's ledger).");
        }

        if (station.Mode is not ("auto" or "directed"))
        {
            errors.Add($"Station:Mode is '{station.Mode}'; expected auto or directed.");
        }

        if (station.ConcurrentFuseBurns < 1)
        {
            errors.Add("Station:ConcurrentFuseBurns must be at least 1.");
        }

        if (devices.IsSimulator)
        {
            var sim = devices.Simulator;
            if (sim.Boards is < 1 or > 16)
            {
                errors.Add("Devices:Simulator:Boards must be 1 to 16.");
            }

            if (sim.TimeScale is < 0 or > 10 || double.IsNaN(sim.TimeScale))
            {
                errors.Add("Devices:Simulator:TimeScale must be 0 (instant) to 10.");
            }

            if (!FaultPlan.TryParse(sim.Faults, out _, out var faultErrors))
            {
                errors.Add($"Devices:Simulator:Faults: {string.Join("; ", faultErrors)}");
            }

            if (!string.IsNullOrWhiteSpace(sim.Family) && !BoardFamily.All.Any(f => f.Name.Equals(sim.Family.Trim(), StringComparison.OrdinalIgnoreCase) || ("RT" + sim.Family.Trim()).Equals(f.Name, StringComparison.OrdinalIgnoreCase)))
            {
                errors.Add($"Devices:Simulator:Family '{sim.Family}' is unknown; known: {string.Join(", ", BoardFamily.All.Select(f => f.Name))}.");
            }

            if (sim.ReplugAfter < TimeSpan.Zero)
            {
                errors.Add("Devices:Simulator:ReplugAfter must not be negative.");
            }
        }
        else if (string.Equals(devices.Mode, "Usb", StringComparison.OrdinalIgnoreCase))
        {
            if (devices.Slots.Count == 0)
            {
                errors.Add("Devices:Slots is empty: name each slot and its USB port path (e.g. { \"Name\": \"slot 1\", \"PortPath\": \"1-4.1\" }).");
            }

            foreach (var (slot, i) in devices.Slots.Select((s, i) => (s, i)))
            {
                if (string.IsNullOrWhiteSpace(slot.Name) || slot.Name.Length > 64)
                {
                    errors.Add($"Devices:Slots:{i}:Name must be 1 to 64 characters.");
                }

                if (string.IsNullOrWhiteSpace(slot.PortPath))
                {
                    errors.Add($"Devices:Slots:{i}:PortPath is empty.");
                }
            }

            foreach (var duplicate in devices.Slots.GroupBy(s => s.Name.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                errors.Add($"Devices:Slots: the name '{duplicate.Key}' is used {duplicate.Count()} times.");
            }

            foreach (var duplicate in devices.Slots.GroupBy(s => s.PortPath.Trim(), StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
            {
                errors.Add($"Devices:Slots: the port path '{duplicate.Key}' is used {duplicate.Count()} times.");
            }
        }
        else
        {
            errors.Add($"Devices:Mode is '{devices.Mode}'; expected Usb or Simulator.");
        }

        return errors;
    }

    public static void ThrowIfInvalid(StationOptions station, DevicesOptions devices)
    {
        var errors = Validate(station, devices);
        if (errors.Count > 0)
        {
            throw new OptionsValidationException("Station", typeof(StationOptions), errors);
        }
    }
}
