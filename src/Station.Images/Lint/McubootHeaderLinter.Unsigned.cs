using Station.Images.Arm;
using Station.Images.Formats;
using Station.Images.Mcuboot;

namespace Station.Images.Lint;

public static partial class McubootHeaderLinter
{
    // Where toolchains put the vector table: Zephyr (_vector_table, _vector_start, rom_start), CMSIS
    // (__Vectors, __isr_vector, .isr_vector), MCUXpresso (g_pfnVectors), and common others.
    private static readonly string[] VectorSymbols = ["_vector_table", "_vector_start", "__Vectors", "__isr_vector", "__vector_table", "g_pfnVectors", "_vectors"];
    private static readonly string[] VectorSections = ["rom_start", ".isr_vector", ".vectors", ".intvecs", ".vector_table"];

    /// <summary>
    /// Lints an application before (or after) signing, from its ELF, HEX, SREC or addressed BIN, where
    /// the link address is exact (IMAGES.md B.2, "Detection with ELF/HEX"): the vector table address
    /// L comes from the ELF's symbols or sections (or, for HEX, from where the table is), the first
    /// load address P from the data. Correct signing is --header-size L − S, with --pad-header when
    /// P == L, without it when P == S (the first bytes must then be zero). A file that is already
    /// signed (imgtool HEX output) is checked as a signed image at the slot.
    /// </summary>
    /// <param name="application">The image at its load addresses.</param>
    /// <param name="elf">The ELF it came from, if any (for symbols).</param>
    /// <param name="options">Slot and RAM.</param>
    /// <param name="headerSize">The --header-size the user means to sign with, if known.</param>
    /// <param name="padHeader">Whether they mean to use --pad-header, if known.</param>
    public static McubootLintResult LintUnsigned(FirmwareImage application, ElfFile? elf, McubootLintOptions options, int? headerSize = null, bool? padHeader = null)
    {
        ArgumentNullException.ThrowIfNull(application);
        ArgumentNullException.ThrowIfNull(options);
        var slot = options.SlotAddress;
        var start = application.StartAddress;
        if (application.ReadUInt32(start) == McubootImageHeader.ImageMagic)
        {
            return LintSignedFile(application, options);
        }

        var findings = new List<LintFinding>();
        if (VectorTableAddress(application, elf, options) is not { } located)
        {
            findings.Add(Error("mcuboot-no-vector-table", $"no vector table found in {application.Name} (no vector symbol or section, and no MSP in RAM 0x{options.RamStart:X8}+0x{options.RamSize:X} with odd handlers near the start)"));
            return new McubootLintResult(findings, null, null);
        }

        var (link, how) = located;
        findings.Add(Info("mcuboot-vector-table", $"vector table linked at 0x{link:X8} ({how}); the image starts at 0x{start:X8}"));
        McubootSigningAdvice? advice = null;
        if (link < slot + McubootImageHeader.Length || link - slot > ushort.MaxValue)
        {
            findings.Add(Error("mcuboot-slot", $"the vector table is linked for 0x{link:X8}, which is not slot 0x{slot:X8} + a header (0x20-0xFFFF): check --slot-address, or link the application for slot + 0x200"));
        }
        else if (start == slot)
        {
            var gap = application.Read(slot, (int)(link - slot), 0xFF);
            advice = new McubootSigningAdvice((int)(link - slot), PadHeader: false);
            if (gap.AsSpan().ContainsAnyExcept((byte)0))
            {
                findings.Add(Error("mcuboot-gap-not-zero", $"the image starts at the slot but the 0x{link - slot:X} bytes before the vector table are not all zero: imgtool refuses that without --pad-header; make the linker leave them zero (CONFIG_ROM_START_OFFSET)"));
            }
        }
        else if (start == link)
        {
            advice = new McubootSigningAdvice((int)(link - slot), PadHeader: true);
        }
        else
        {
            findings.Add(Error("mcuboot-link-address", $"the image starts at 0x{start:X8} with its vector table at 0x{link:X8}: for slot 0x{slot:X8} it must start either at the slot (with a zero gap) or at the vector table; check --slot-address and the link address"));
        }

        if (advice is not null)
        {
            CompareWithIntent(advice, headerSize, padHeader, link, slot, findings);
        }

        CheckVtorAlignment(link, options, findings, consistent: false);
        return new McubootLintResult(findings, advice, link);
    }

    private static void CompareWithIntent(McubootSigningAdvice advice, int? headerSize, bool? padHeader, uint link, uint slot, List<LintFinding> findings)
    {
        if (headerSize is null)
        {
            findings.Add(Info("mcuboot-sign-with", $"sign with {advice.Options}"));
            return;
        }

        var pad = padHeader ?? false;
        if (headerSize == advice.HeaderSize && pad == advice.PadHeader)
        {
            findings.Add(Info("mcuboot-sign-with", $"--header-size 0x{headerSize:X}{(pad ? " --pad-header" : string.Empty)} is right: the vector table lands on 0x{link:X8}"));
            return;
        }

        // Where the table would land: with --pad-header the input moves up by hdr; without, it stays.
        var inputOffset = advice.PadHeader ? 0 : advice.HeaderSize;
        var landsAt = slot + (uint)(pad ? headerSize.Value + inputOffset : inputOffset);
        var jumpsTo = slot + (uint)headerSize.Value;
        findings.Add(Error("mcuboot-header-size", $"signing with --header-size 0x{headerSize:X}{(pad ? " --pad-header" : " without --pad-header")} puts the vector table at 0x{landsAt:X8} and MCUboot jumps to 0x{jumpsTo:X8}, but it is linked for 0x{link:X8} (boot loop after the swap): sign with {advice.Options}"));
    }

    private static McubootLintResult LintSignedFile(FirmwareImage signed, McubootLintOptions options)
    {
        var findings = new List<LintFinding>();
        if (signed.StartAddress != options.SlotAddress)
        {
            findings.Add(Error("mcuboot-file-address", $"the signed file starts at 0x{signed.StartAddress:X8}, not at the slot 0x{options.SlotAddress:X8}: it will be written to the wrong place (with --pad-header imgtool moves a HEX down by --header-size, so a wrong header size moves it off the slot)"));
        }

        var image = McubootImage.Parse(signed.ToFlat(0xFF), signed.Name);
        var result = LintSigned(image, options);
        return result with { Findings = [.. findings, .. result.Findings] };
    }

    private static (uint Address, string How)? VectorTableAddress(FirmwareImage application, ElfFile? elf, McubootLintOptions options)
    {
        if (elf is not null)
        {
            foreach (var name in VectorSymbols)
            {
                if (elf.FindSymbol(name) is { } symbol)
                {
                    return (PhysicalAddress(elf, symbol.Value), $"symbol {name}");
                }
            }

            foreach (var name in VectorSections)
            {
                if (elf.FindSection(name) is { Size: > 0 } section)
                {
                    return (PhysicalAddress(elf, section.Address), $"section {name}");
                }
            }
        }

        // HEX/SREC/BIN (or an ELF without names): the first table-shaped block, at its own address.
        var limit = (int)Math.Min(application.Span, 0x1_0000 + (4 * CortexMVectorTable.CoreEntries));
        var bytes = application.Read(application.StartAddress, limit, 0xFF);
        for (var offset = 0; offset + (4 * CortexMVectorTable.CoreEntries) <= bytes.Length; offset += ScanStep)
        {
            if (CortexMVectorTable.TryRead(bytes.AsSpan(offset), 0) is { } table && table.IsPlausible(options.IsStackTop))
            {
                return (application.StartAddress + (uint)offset, elf is null ? "first vector-table-shaped block" : "no vector symbol; first vector-table-shaped block");
            }
        }

        if (elf?.Sections.FirstOrDefault(s => s.Contains(elf.Entry) && s.Size > 0) is { } entrySection)
        {
            return (PhysicalAddress(elf, entrySection.Address), $"start of the entry point's section {entrySection.Name}");
        }

        return null;
    }

    // Symbols and sections carry run (virtual) addresses; XIP code has VMA == LMA, but map through the
    // program headers in case the vector table is copied from flash to RAM.
    private static uint PhysicalAddress(ElfFile elf, uint virtualAddress)
    {
        foreach (var segment in elf.LoadSegments)
        {
            if (virtualAddress >= segment.VirtualAddress && virtualAddress < (ulong)segment.VirtualAddress + segment.FileSize)
            {
                return segment.PhysicalAddress + (virtualAddress - segment.VirtualAddress);
            }
        }

        return virtualAddress;
    }
}
