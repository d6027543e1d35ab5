using System.Globalization;
using Station.Core.Recipes;

namespace Station.Benchmarks.NxpStyle;

/// <summary>
/// The engine's unit (src/Station.Core/Runs/UnitRun*.cs) as a list of sdphost/blhost-style
/// commands, in the engine's order: load the flashloader through the ROM, wait, identify, read the
/// fuse words to plan, configure FlexSPI (fill-memory + configure-memory), read the memory's
/// attributes, erase, program the FCB, write the image, read it back, re-read/burn/re-read each fuse word, reset.
/// </summary>
internal sealed class NxpStyleScript
{
    /// <summary>Where configure-memory finds its option words: UnitRun.ConfigBufferAddress.</summary>
    private const uint ConfigBufferAddress = 0x2000;

    /// <summary>The option word that makes configure-memory program an FCB (UnitRun.ProgramFcbMagic, PROTOCOLS.md 6.2).</summary>
    private const uint ProgramFcbMagic = 0xF000000F;

    /// <summary>The W25Q32JV's sector (what the engine reads from get-property 25).</summary>
    private const uint SectorSize = 4096;

    private NxpStyleScript(IReadOnlyList<NxpStep> steps, string readBackPath)
    {
        Steps = steps;
        ReadBackPath = readBackPath;
    }

    public IReadOnlyList<NxpStep> Steps { get; }

    /// <summary>Where read-memory leaves the read-back image (checked against the recipe's SHA-256).</summary>
    public string ReadBackPath { get; }

    /// <summary>The number of processes a unit starts.</summary>
    public int Commands => Steps.Count(s => s.Wait is null);

    public static NxpStyleScript For(RecipePlan recipe, string folder, TimeSpan flashloaderWait)
    {
        var flashloaderPath = Path.Combine(folder, "flashloader.bin");
        var imagePath = Path.Combine(folder, "image.bin");
        var readBackPath = Path.Combine(folder, "readback.bin");
        File.WriteAllBytes(flashloaderPath, recipe.Flashloader.Bytes);
        File.WriteAllBytes(imagePath, recipe.Image.Bytes);

        var memory = Hex(recipe.Flash.MemoryId);
        var image = recipe.Image;
        var fcbAddress = recipe.Device.FlexSpiBase + recipe.Device.FcbOffset;
        var eraseStart = Math.Min(image.Address, fcbAddress) / SectorSize * SectorSize;
        var eraseEnd = (image.Address + (uint)image.Bytes.Length + SectorSize - 1) / SectorSize * SectorSize;
        var steps = new List<NxpStep>
        {
            Sdp("error-status"),
            Sdp("write-file", Hex(recipe.Flashloader.LoadAddress), flashloaderPath),
            Sdp("jump-address", Hex(recipe.Flashloader.JumpAddress)),
            new("fixed wait for the flashloader", string.Empty, [], flashloaderWait),
            MBoot("get-property", "1"),
            MBoot("get-property", "18"),
        };
        steps.AddRange(recipe.Fuses.Select(f => MBoot("efuse-read-once", Hex(f.Word.Index))));
        steps.AddRange(recipe.Flash.OptionWords.Select((word, i) => MBoot("fill-memory", Hex(ConfigBufferAddress + (uint)(4 * i)), "4", Hex(word), "word")));
        steps.Add(MBoot("configure-memory", memory, Hex(ConfigBufferAddress)));
        steps.Add(MBoot("get-property", "25", memory));
        steps.Add(MBoot("flash-erase-region", Hex(eraseStart), Hex(eraseEnd - eraseStart), memory));
        if (image.Address != recipe.Device.FlexSpiBase)
        {
            // The FCB step: the recipe's FCB written to the flash, or the flashloader told to make one.
            if (recipe.Flash.Fcb is { } fcb)
            {
                var fcbPath = Path.Combine(folder, "fcb.bin");
                File.WriteAllBytes(fcbPath, fcb);
                steps.Add(MBoot("write-memory", Hex(fcbAddress), fcbPath, memory));
            }
            else
            {
                steps.Add(MBoot("fill-memory", Hex(ConfigBufferAddress), "4", Hex(ProgramFcbMagic), "word"));
                steps.Add(MBoot("configure-memory", memory, Hex(ConfigBufferAddress)));
            }
        }

        steps.Add(MBoot("write-memory", Hex(image.Address), imagePath, memory));
        steps.Add(MBoot("read-memory", Hex(image.Address), image.Bytes.Length.ToString(CultureInfo.InvariantCulture), readBackPath, memory));
        foreach (var fuse in recipe.Fuses)
        {
            // A fresh board's word is 0: the engine burns value & mask, re-reading before and after.
            steps.Add(MBoot("efuse-read-once", Hex(fuse.Word.Index)));
            steps.Add(MBoot("efuse-program-once", Hex(fuse.Word.Index), Hex(fuse.Value & fuse.Mask), fuse.Lock ? "lock" : "nolock"));
            steps.Add(MBoot("efuse-read-once", Hex(fuse.Word.Index)));
        }

        steps.Add(MBoot("reset"));
        return new NxpStyleScript(steps, readBackPath);
    }

    private static NxpStep Sdp(string verb, params string[] arguments) => new($"sdp {verb}", "sdp", [verb, .. arguments]);

    private static NxpStep MBoot(string verb, params string[] arguments) => new($"mboot {verb}", "mboot", [verb, .. arguments]);

    private static string Hex(uint value) => string.Create(CultureInfo.InvariantCulture, $"0x{value:X}");
}
