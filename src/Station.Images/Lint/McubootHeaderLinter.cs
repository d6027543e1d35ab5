using Station.Images.Arm;
using Station.Images.Mcuboot;

namespace Station.Images.Lint;

/// <summary>
/// Catches the "built for a 0x200 header, signed with --header-size 32 --pad-header" boot loop
/// (Nordic DevZone 109057) and its cousins, following IMAGES.md B.2: MCUboot jumps to the vector
/// table at slot + ih_hdr_size whether or not the application was linked there, and the hash and
/// signature still verify. From a signed .bin the link address is inferred from where the vector
/// table's handlers point (Thumb code heuristics); from an ELF or HEX it is exact.
/// </summary>
public static partial class McubootHeaderLinter
{
    private const int ScanStep = 0x20;

    /// <summary>Lints a signed image placed at <see cref="McubootLintOptions.SlotAddress"/>.</summary>
    public static McubootLintResult LintSigned(McubootImage image, McubootLintOptions options)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(options);
        var findings = new List<LintFinding>();
        var slot = options.SlotAddress;
        if (image.Header.Flags.HasFlag(McubootImageFlags.RamLoad))
        {
            slot = image.Header.LoadAddress;
            findings.Add(Info("mcuboot-ram-load", $"RAM-load image: MCUboot copies it to 0x{slot:X8} and runs it there, so it is checked at that address"));
        }

        var bytes = image.Bytes.Span;
        var header = (int)image.Header.HeaderSize;
        var end = (int)Math.Min(header + (long)image.Header.ImageSize, bytes.Length);
        var runAt = slot + (uint)header;
        var atHeader = CortexMVectorTable.TryRead(bytes[header..end], runAt);
        var found = FindTable(bytes, header, end, options);
        if (found is not { } k)
        {
            findings.Add(Error("mcuboot-no-vector-table", atHeader is { IsBlank: true }
                ? $"the words at hdr_size 0x{header:X} are blank and no vector table (MSP in RAM 0x{options.RamStart:X8}+0x{options.RamSize:X}, odd reset/NMI/HardFault) is anywhere in the payload: check --ram, or the payload is not a Cortex-M application"
                : $"no vector table (MSP in RAM 0x{options.RamStart:X8}+0x{options.RamSize:X}, odd reset/NMI/HardFault) at hdr_size 0x{header:X} or anywhere in the payload: check --ram, or the payload is not a Cortex-M application"));
            return new McubootLintResult(findings, null, null);
        }

        var table = CortexMVectorTable.TryRead(bytes[k..end], slot + (uint)k)!;
        var (link, ambiguous) = InferLinkAddress(bytes, k, end, table, [runAt, slot + (uint)k]);
        if (ambiguous)
        {
            findings.Add(Warning("mcuboot-link-ambiguous", "the handlers' targets fit more than one link address; the one closest to where MCUboot runs the image was assumed"));
        }

        var linkedRight = link is { } l ? l == runAt : table.Reset - 1 >= runAt && table.Reset - 1 < (ulong)runAt + image.Header.ImageSize;
        if (k == header && linkedRight)
        {
            findings.Add(Info("mcuboot-vector-table", $"vector table at 0x{runAt:X8} (slot 0x{slot:X8} + header 0x{header:X}) is where the image is linked: MSP 0x{table.InitialStackPointer:X8}, reset 0x{table.Reset:X8}"));
            CheckVtorAlignment(runAt, options, findings, consistent: true);
            return new McubootLintResult(findings, new McubootSigningAdvice(header, PadHeader: HeaderPadEvidence(bytes, header) != false), runAt);
        }

        var diagnosis = atHeader is { IsBlank: true }
            ? $"MSP and reset at hdr_size 0x{header:X} are {(atHeader.Reset == 0 ? "0" : "erased (0xFFFFFFFF)")}, so MCUboot jumps to address {(atHeader.Reset == 0 ? "0" : "0xFFFFFFFF")}; the real vector table is at file offset 0x{k:X}"
            : k != header
                ? $"MCUboot starts the image at hdr_size 0x{header:X} but its vector table is at file offset 0x{k:X}"
                : $"the image is linked for 0x{link:X8} but sits at 0x{runAt:X8} (slot 0x{slot:X8} + header 0x{header:X}): every absolute address is off by 0x{Math.Abs((long)runAt - (link ?? runAt)):X}";
        var advice = link is { } linked ? Advise(bytes, header, k, linked, slot, findings) : null;
        var fix = advice is null
            ? "link the application for slot + header (e.g. 0x" + (slot + 0x200).ToString("X8", null) + ") and sign with --header-size 0x200"
            : $"re-sign with {advice.Options}";
        findings.Insert(0, Error("mcuboot-header-size", $"{diagnosis}; the image verifies but will not boot (boot loop after the swap): {fix}"));
        return new McubootLintResult(findings, advice, link);
    }

    // The input's vector-table offset is k − hdr when --pad-header was used, k when not; the header
    // gap's bytes (erased 0xFF with --pad-header, zeros without) say which.
    private static McubootSigningAdvice? Advise(ReadOnlySpan<byte> bytes, int header, int k, uint link, uint slot, List<LintFinding> findings)
    {
        if (link < slot + McubootImageHeader.Length || link - slot > ushort.MaxValue)
        {
            findings.Add(Error("mcuboot-slot", link < slot
                ? $"the vector table is linked for 0x{link:X8}, below the slot 0x{slot:X8}: check --slot-address, or link the application for slot + 0x200"
                : $"the vector table is linked for 0x{link:X8}, {(link - slot < McubootImageHeader.Length ? "leaving no room for the MCUboot header" : "beyond a header's reach")} from slot 0x{slot:X8}: check --slot-address, or link the application for slot + 0x200"));
            return null;
        }

        var need = (int)(link - slot);
        int[] order = HeaderPadEvidence(bytes, header) == false ? [k, k - header] : [k - header, k];
        foreach (var gap in order)
        {
            if (gap == 0)
            {
                return new McubootSigningAdvice(need, PadHeader: true);
            }

            if (gap == need)
            {
                return new McubootSigningAdvice(need, PadHeader: false);
            }
        }

        findings.Add(Error("mcuboot-input-layout", $"the input has its vector table 0x{order[0]:X} bytes in but is linked for slot + 0x{need:X}: no header size fixes that; link it for slot + header and sign again"));
        return null;
    }

    // true: erased fill (--pad-header); false: zeros (no --pad-header); null: no gap to look at.
    private static bool? HeaderPadEvidence(ReadOnlySpan<byte> bytes, int header)
    {
        if (header <= McubootImageHeader.Length)
        {
            return null;
        }

        var gap = bytes[McubootImageHeader.Length..header];
        return gap.ContainsAnyExcept((byte)0) ? true : false;
    }

    private static int? FindTable(ReadOnlySpan<byte> bytes, int start, int end, McubootLintOptions options)
    {
        for (var k = start; k + (4 * CortexMVectorTable.CoreEntries) <= end; k += ScanStep)
        {
            if (CortexMVectorTable.TryRead(bytes[k..end], 0) is { } table && table.IsPlausible(options.IsStackTop))
            {
                return k;
            }
        }

        return null;
    }

    private static void CheckVtorAlignment(uint tableAddress, McubootLintOptions options, List<LintFinding> findings, bool consistent)
    {
        if (tableAddress % options.VectorTableAlignment == 0)
        {
            return;
        }

        findings.Add(Error("mcuboot-vtor-alignment", $"the vector table at 0x{tableAddress:X8} is not {options.VectorTableAlignment}-byte aligned, which VTOR needs on Cortex-M3/M4/M7/M33{(consistent ? " (fine only on a core without VTOR)" : string.Empty)}: use a header of 0x200 and link the application for slot + 0x200"));
    }

    private static LintFinding Error(string code, string message) => new(LintSeverity.Error, code, message);

    private static LintFinding Warning(string code, string message) => new(LintSeverity.Warning, code, message);

    private static LintFinding Info(string code, string message) => new(LintSeverity.Info, code, message);
}
