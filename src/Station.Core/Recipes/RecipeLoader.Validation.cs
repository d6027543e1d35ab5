using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using Station.Core.Devices;
using Station.Core.Fuses;

namespace Station.Core.Recipes;

public static partial class RecipeLoader
{
    /// <summary>One validation pass: every check adds to <see cref="Errors"/> and carries on.</summary>
    private sealed class Validation(string baseDirectory)
    {
        private const uint IvtTag = 0xD1;
        private const uint FcbTag = 0x42464346; // "FCFB" (IMAGES.md A.1.1)
        private const int IvtOffsetInFlashloader = 0x400; // PROTOCOLS.md 8: IVT at file offset 0x400
        private const int IvtSelfOffset = 0x14;           // header, entry, reserved, dcd, boot_data, then self
        private const int MaxRetries = 100;
        private static readonly TimeSpan MaxStageTimeout = TimeSpan.FromDays(1); // timers take at most ~49 days; a day is plenty

        public List<string> Errors { get; } = [];

        public RecipePlan? Build(RecipeDocument document, string contentSha256)
        {
            var name = Required(document.Name, "name", "a name such as rt1064-widget");
            var version = ParseVersion(document.Version);
            var device = FindDevice(document.Device);
            if (document.Device is null)
            {
                Errors.Add("device: missing; name the part, e.g. MIMXRT1064.");
            }
            else if (device is null)
            {
                Errors.Add($"device: '{document.Device}' is not a known family; use one of {string.Join(", ", DeviceFamily.All.Select(f => f.Name))}.");
            }

            var flashloader = BuildFlashloader(document.Flashloader);
            var flash = BuildFlash(document.Flash);
            var image = device is null ? null : BuildImage(document.Image, device);
            var fuses = device is null ? [] : BuildFuses(document.Fuses, device);
            var policy = BuildPolicy(document.Policy);

            return Errors.Count > 0 || name is null || version is null || device is null || flashloader is null || flash is null || image is null
                ? null
                : new RecipePlan(name, version.Value, contentSha256, device, flashloader, flash, image, fuses, document.Fuses?.Burn ?? false, policy);
        }

        private int? ParseVersion(string? text)
        {
            if (text is null)
            {
                Errors.Add("version: missing; give a whole number, raised whenever the recipe changes.");
                return null;
            }

            if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var version) || version < 1)
            {
                Errors.Add($"version: '{text}' is not a whole number from 1 up.");
                return null;
            }

            return version;
        }

        private FlashloaderPlan? BuildFlashloader(RecipeDocument.FlashloaderSection? section)
        {
            if (section is null)
            {
                Errors.Add("flashloader: missing; name the ivt_flashloader.bin from your NXP tools under flashloader.file.");
                return null;
            }

            var bytes = ReadFile(section.File, "flashloader.file");
            var sha = bytes is null ? null : CheckSha(bytes, section.Sha256, "flashloader");
            var load = Number(section.LoadAddress, "flashloader.loadAddress") ?? 0x2000_0000;
            var jump = Number(section.JumpAddress, "flashloader.jumpAddress");
            if (bytes is not null && jump is null)
            {
                jump = IvtSelf(bytes);
                if (jump is null)
                {
                    Errors.Add($"flashloader.jumpAddress: the flashloader has no IVT at offset 0x{IvtOffsetInFlashloader:X}; give the IVT address to jump to.");
                }
            }

            return bytes is null || sha is null || jump is null ? null : new FlashloaderPlan(bytes, sha, load, jump.Value);
        }

        private FlashConfiguration? BuildFlash(RecipeDocument.FlashSection? section)
        {
            if (section is null)
            {
                Errors.Add("flash: missing; give flash.optionWords (e.g. [0xC0000007]) or flash.fcb.");
                return null;
            }

            var memoryId = Number(section.MemoryId, "flash.memoryId") ?? 9;
            var options = OptionWords(section.OptionWords, "flash.optionWords");
            var fallbacks = OptionWords(section.FallbackOptionWords, "flash.fallbackOptionWords");
            byte[]? fcb = null;
            if (section.Fcb is not null)
            {
                fcb = ReadFile(section.Fcb, "flash.fcb");
                if (fcb is not null && (fcb.Length != 512 || BinaryPrimitives.ReadUInt32LittleEndian(fcb) != FcbTag))
                {
                    Errors.Add($"flash.fcb: '{section.Fcb}' is not a 512-byte FlexSPI configuration block starting with 'FCFB'.");
                }
            }

            if (options.Count == 0 && section.Fcb is null)
            {
                Errors.Add("flash: give flash.optionWords (e.g. [0xC0000007]) or flash.fcb.");
            }
            else if (options.Count > 0 && section.Fcb is not null)
            {
                Errors.Add("flash: give flash.optionWords or flash.fcb, not both.");
            }

            return new FlashConfiguration(memoryId, options, fcb, fallbacks);
        }

        private List<uint> OptionWords(List<string>? texts, string field)
        {
            var words = new List<uint>();
            for (var i = 0; i < (texts?.Count ?? 0); i++)
            {
                if (texts![i] is null)
                {
                    Errors.Add($"{field}[{i}]: empty; give a 32-bit word such as 0xC0000007.");
                    continue;
                }

                var word = Number(texts[i], $"{field}[{i}]");
                if (word is null)
                {
                    continue;
                }

                // PROTOCOLS.md 6.2: option0 carries tag 0xC in bits 31:28; option_size in 27:24 says how many words follow.
                if (i == 0 && word >> 28 != 0xC)
                {
                    Errors.Add($"{field}[0]: 0x{word:X8} is not a FlexSPI NOR option word (its top nibble must be 0xC, e.g. 0xC0000007).");
                }

                words.Add(word.Value);
            }

            if (words.Count > 0 && field == "flash.optionWords" && ((words[0] >> 24) & 0xF) + 1 != words.Count)
            {
                Errors.Add($"{field}: option word 0x{words[0]:X8} says {((words[0] >> 24) & 0xF) + 1} word(s) but {words.Count} are given.");
            }

            return words;
        }

        private BootImagePlan? BuildImage(RecipeDocument.ImageSection? section, DeviceFamily device)
        {
            if (section is null)
            {
                Errors.Add("image: missing; name the boot image under image.file (built with `station image build`).");
                return null;
            }

            var bytes = ReadFile(section.File, "image.file");
            if (section.Sha256 is null)
            {
                Errors.Add("image.sha256: missing; give the SHA-256 of the boot image so the station writes exactly the image you approved.");
            }

            var sha = bytes is null || section.Sha256 is null ? null : CheckSha(bytes, section.Sha256, "image");
            var address = Number(section.Address, "image.address");
            if (bytes is not null && address is null && section.Address is null)
            {
                address = DefaultImageAddress(bytes, device);
                if (address is null)
                {
                    Errors.Add("image.address: the image starts with neither an FCB nor an IVT; give the flash address to write it at.");
                }
            }

            if (bytes is not null && address is not null)
            {
                var end = (ulong)address.Value + (ulong)bytes.Length;
                if (address < device.FlexSpiBase || end > (ulong)device.FlexSpiBase + device.FlashSize)
                {
                    Errors.Add($"image: {bytes.Length} bytes at 0x{address:X8} do not fit the {device.Name} boot flash 0x{device.FlexSpiBase:X8}-0x{(ulong)device.FlexSpiBase + device.FlashSize - 1:X8}.");
                }
            }

            return bytes is null || sha is null || address is null ? null : new BootImagePlan(bytes, sha, address.Value);
        }

        private List<FuseRequest> BuildFuses(RecipeDocument.FusesSection? section, DeviceFamily device)
        {
            var requests = new List<FuseRequest>();
            var seen = new HashSet<uint>();
            for (var i = 0; i < (section?.Words?.Count ?? 0); i++)
            {
                var entry = section!.Words![i];
                var field = $"fuses.words[{i}]";
                if (entry is null)
                {
                    // "- " with nothing after it: YAML gives a null entry.
                    Errors.Add($"{field}: empty; give word and value (e.g. {{ word: CFG5, value: 0x10 }}).");
                    continue;
                }

                var word = entry.Word is null ? null : device.Fuses.Find(entry.Word);
                if (entry.Word is null)
                {
                    Errors.Add($"{field}.word: missing; name the fuse word (e.g. CFG5 or SRK0) or give its index.");
                }
                else if (word is null)
                {
                    Errors.Add($"{field}.word: '{entry.Word}' is not in the {device.Name} fuse map.");
                }
                else if (!seen.Add(word.Index))
                {
                    Errors.Add($"{field}.word: {word.Name} is listed twice; merge the two entries.");
                }

                var value = Number(entry.Value, $"{field}.value");
                var mask = entry.Mask is null ? value : Number(entry.Mask, $"{field}.mask");
                if (entry.Value is null)
                {
                    Errors.Add($"{field}.value: missing.");
                }

                if (value is not null && mask is not null && (value & ~mask) != 0)
                {
                    Errors.Add($"{field}: value 0x{value:X8} has bits outside mask 0x{mask:X8}; widen the mask or clear those bits.");
                }

                if (word is not null && value is not null && mask is not null)
                {
                    requests.Add(new FuseRequest(word, value.Value, mask.Value, entry.Lock));
                }
            }

            return requests;
        }

        private RunPolicy BuildPolicy(RecipeDocument.PolicySection? section)
        {
            var defaults = RunPolicy.Default;
            if (section is null)
            {
                return defaults;
            }

            var powerCycle = defaults.PowerCycle;
            if (section.PowerCycle is not null && !Enum.TryParse(section.PowerCycle, ignoreCase: true, out powerCycle))
            {
                Errors.Add($"policy.powerCycle: '{section.PowerCycle}' is not one of none, command, hubPort.");
            }

            var stageTimeout = defaults.StageTimeout;
            if (section.StageTimeout is not null && !TryParseDuration(section.StageTimeout, out stageTimeout))
            {
                Errors.Add($"policy.stageTimeout: '{section.StageTimeout}' is not a duration from 1ms to 86400s (a day), such as 10s or 1500ms.");
            }

            return new RunPolicy(
                Retries(section.TransportRetries, "policy.transportRetries") ?? defaults.TransportRetries,
                Retries(section.FlashRetries, "policy.flashRetries") ?? defaults.FlashRetries,
                section.ReconfigureAtLowerClock ?? defaults.ReconfigureAtLowerClock,
                section.ReloadFlashloader ?? defaults.ReloadFlashloader,
                powerCycle,
                stageTimeout);
        }

        private static bool TryParseDuration(string text, out TimeSpan duration)
        {
            duration = default;
            var trimmed = text.Trim();
            var (number, scale) = trimmed.EndsWith("ms", StringComparison.OrdinalIgnoreCase) ? (trimmed[..^2], 1.0)
                : trimmed.EndsWith('s') ? (trimmed[..^1], 1000.0)
                : (trimmed, 1000.0);
            // Finite, at least a millisecond and at most MaxStageTimeout: "NaN", "Infinity" and "1e308s"
            // parse as doubles but are no TimeSpan (or no timer's), "1e-9s" would be no wait at all.
            if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)
                || !double.IsFinite(value * scale) || value * scale < 1 || value * scale > MaxStageTimeout.TotalMilliseconds)
            {
                return false;
            }

            duration = TimeSpan.FromMilliseconds(value * scale);
            return true;
        }

        private int? Retries(string? text, string field)
        {
            var retries = Number(text, field);
            if (retries > MaxRetries)
            {
                Errors.Add($"{field}: {retries} is too many; give 0 to {MaxRetries}.");
                return null;
            }

            return (int?)retries;
        }

        private static uint? DefaultImageAddress(byte[] bytes, DeviceFamily device)
        {
            // A nopadding image starts at its IVT and goes to base + 0x1000; a full image starts with
            // the FCB and goes to the base (IMAGES.md A.1.3). RT1010 keeps its FCB at 0x400.
            if (bytes.Length >= 4 && bytes[0] == IvtTag)
            {
                return device.FlexSpiBase + 0x1000;
            }

            foreach (var fcbOffset in (int[])[0, 0x400])
            {
                if (bytes.Length >= fcbOffset + 4 && BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(fcbOffset)) == FcbTag)
                {
                    return device.FlexSpiBase;
                }
            }

            return null;
        }

        private static uint? IvtSelf(byte[] flashloader) =>
            flashloader.Length >= IvtOffsetInFlashloader + 0x20 && flashloader[IvtOffsetInFlashloader] == IvtTag
                ? BinaryPrimitives.ReadUInt32LittleEndian(flashloader.AsSpan(IvtOffsetInFlashloader + IvtSelfOffset))
                : null;

        private string? Required(string? value, string field, string example)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Errors.Add($"{field}: missing; give {example}.");
                return null;
            }

            return value.Trim();
        }

        private uint? Number(string? text, string field)
        {
            if (text is null)
            {
                return null;
            }

            if (NumberText.TryParseUInt32(text, out var value))
            {
                return value;
            }

            Errors.Add($"{field}: '{text}' is not a number (write 0x70001000 or 1879052288).");
            return null;
        }

        private byte[]? ReadFile(string? relativePath, string field)
        {
            if (string.IsNullOrWhiteSpace(relativePath))
            {
                Errors.Add($"{field}: missing.");
                return null;
            }

            if (relativePath.AsSpan().IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            {
                Errors.Add($"{field}: '{relativePath.ReplaceLineEndings(" ").Replace('\0', ' ')}' is not a valid file name (it holds a control character).");
                return null;
            }

            var path = Path.GetFullPath(Path.Combine(baseDirectory, relativePath));
            var inside = Path.GetRelativePath(Path.GetFullPath(baseDirectory), path);
            if (inside == ".." || inside.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(inside))
            {
                // The files a recipe names live beside it (docs/API.md: in the station's recipes folder);
                // a posted recipe must not make the station read, hash and flash any file of the host.
                Errors.Add($"{field}: '{relativePath}' is outside the recipe's folder; copy the file there and name it relative to the recipe.");
                return null;
            }

            try
            {
                var bytes = File.ReadAllBytes(path);
                if (bytes.Length == 0)
                {
                    Errors.Add($"{field}: '{path}' is empty.");
                    return null;
                }

                return bytes;
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                Errors.Add($"{field}: '{path}' cannot be read ({exception.Message}).");
                return null;
            }
        }

        private string? CheckSha(byte[] bytes, string? expected, string field)
        {
            var actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
            if (expected is not null && !string.Equals(expected.Trim(), actual, StringComparison.OrdinalIgnoreCase))
            {
                Errors.Add($"{field}.sha256: the file's SHA-256 is {actual}, not {expected.Trim()}; the file changed since the recipe was written, or the recipe names the wrong file.");
                return null;
            }

            return actual;
        }
    }
}
