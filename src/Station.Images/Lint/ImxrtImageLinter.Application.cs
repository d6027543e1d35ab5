using Station.Images.Arm;
using Station.Images.Imxrt;

namespace Station.Images.Lint;

public static partial class ImxrtImageLinter
{
    /// <summary>
    /// Lints a plain application (no FCB/IVT yet) that is about to be built into a boot image for
    /// <paramref name="device"/> at <paramref name="baseAddress"/>: placement, stack and reset handler.
    /// </summary>
    public static IReadOnlyList<LintFinding> LintApplication(FirmwareImage application, ImxrtDevice device, uint baseAddress)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(device);
        var findings = new List<LintFinding>();
        var appAddress = device.ApplicationAddress(baseAddress);
        findings.Add(Warning("no-boot-header", $"this is a plain application without FCB/IVT: the ROM will not boot it; build a boot image with 'station image build --device {device.Name}'"));
        if (application.StartAddress != appAddress)
        {
            findings.Add(Error("app-address", $"the application starts at 0x{application.StartAddress:X8}; a boot image needs it at 0x{appAddress:X8} (base + 0x{device.ApplicationOffset:X})"));
        }

        var bytes = application.Read(application.StartAddress, (int)Math.Min(application.Span, FirmwareImage.MaxFlatLength), 0xFF);
        LintApplicationVectors(bytes, appAddress, device, findings);
        var limit = (ulong)baseAddress + device.FlashRegionSize;
        if (application.EndAddress > limit)
        {
            findings.Add(Error("flash-size", $"the application ends at 0x{application.EndAddress - 1:X8}, past the {device.Name} flash region (0x{baseAddress:X8}-0x{limit - 1:X8})"));
        }

        return findings;
    }

    private static void LintApplicationVectors(ReadOnlySpan<byte> application, uint appAddress, ImxrtDevice device, List<LintFinding> findings)
    {
        if (CortexMVectorTable.TryRead(application, appAddress) is not { } table)
        {
            findings.Add(Error("app-vectors", $"no application at 0x{appAddress:X8}: the image ends before the vector table"));
            return;
        }

        var stack = table.InitialStackPointer;
        if (device.RamHoldingStackTop(stack) is { } region)
        {
            if (region.NeedsInitialisation)
            {
                findings.Add(Warning("app-stack", $"the initial stack pointer 0x{stack:X8} is in {region.Name}, which the ROM does not initialise without a DCD: put the stack in DTCM/OCRAM"));
            }
        }
        else
        {
            findings.Add(Error("app-stack", $"the initial stack pointer 0x{stack:X8} is not in the {device.Name}'s RAM ({string.Join(", ", device.Ram.Select(r => $"{r.Name} 0x{r.Start:X8}"))}): the first word at 0x{appAddress:X8} is not a vector table for this part"));
        }

        var end = (ulong)appAddress + (ulong)application.Length;
        var reset = table.Reset;
        if ((reset & 1) == 0)
        {
            findings.Add(Error("app-reset", $"the reset vector 0x{reset:X8} is even: not a Thumb address, so 0x{appAddress:X8} does not hold a vector table"));
        }
        else if (reset - 1 < appAddress || reset - 1 >= end)
        {
            findings.Add(Error("app-link-address", LinkMessage(reset, appAddress, end, device)));
        }
        else
        {
            findings.Add(Info("app-vectors", $"vector table at 0x{appAddress:X8}: initial SP 0x{stack:X8}, reset 0x{reset:X8}"));
        }
    }

    private static string LinkMessage(uint reset, uint appAddress, ulong end, ImxrtDevice device)
    {
        var baseAddress = appAddress - (uint)device.ApplicationOffset;
        var where = (reset & 0xF000_0000) != (baseAddress & 0xF000_0000)
            ? $"it is linked for 0x{reset & 0xF000_0000:X8}-based memory, but this {device.Name} image runs from 0x{baseAddress:X8}"
            : reset - 1 >= baseAddress && reset - 1 < appAddress
                ? "it is linked at the flash base (an SDK image with XIP_BOOT_HEADER_ENABLE=1 whose header was stripped?)"
                : "it is linked for another address";
        return $"the reset handler 0x{reset:X8} is outside the application 0x{appAddress:X8}-0x{end - 1:X8}: {where}; link the application at 0x{appAddress:X8} (base + 0x{device.ApplicationOffset:X})";
    }
}
