using System.Security.Cryptography;
using Station.Testing;

namespace Station.Core.Recipes.Tests;

public sealed class RecipeLoaderTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("station-recipe-").FullName;

    public RecipeLoaderTests()
    {
        File.Copy(SharedTestData.PathOf("spsdk/rt106x/ivt_flashloader.bin"), Path.Combine(_folder, "ivt_flashloader.bin"));
        File.Copy(SharedTestData.PathOf("spsdk/rt106x/output/evkmimxrt1060_iled_blinky_ext_FLASH_unsigned_nopadding.bin"), Path.Combine(_folder, "boot.bin"));
    }

    private string ImageSha => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(_folder, "boot.bin"))));

    [Fact]
    public void Load_ValidRecipe_ResolvesFilesDefaultsAndIdentity()
    {
        var path = Write($"""
            name: rt1062-blinky
            version: 3
            device: MIMXRT1062
            flashloader:
              file: ivt_flashloader.bin
            flash:
              optionWords: [0xC0000007]
              fallbackOptionWords: [0xC0000006, 0xC0000005]
            image:
              file: boot.bin
              sha256: {ImageSha}
            fuses:
              burn: true
              words:
                - word: CFG5
                  value: 0x00000010
                  mask: 0x00000010
            """);

        var plan = RecipeLoader.Load(path);

        Assert.Equal("rt1062-blinky", plan.Name);
        Assert.Equal(3, plan.Version);
        Assert.Equal("MIMXRT1062", plan.Device.Name);
        Assert.Equal(0x2000_0000u, plan.Flashloader.LoadAddress);
        Assert.Equal(0x2000_0400u, plan.Flashloader.JumpAddress); // the IVT's self pointer
        Assert.Equal([0xC000_0007u], plan.Flash.OptionWords);
        Assert.Equal(9u, plan.Flash.MemoryId);
        Assert.Equal(0x6000_1000u, plan.Image.Address); // a nopadding image goes to base + 0x1000
        Assert.True(plan.MayBurnFuses);
        Assert.Equal(0x06u, plan.Fuses.Single().Word.Index);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))), plan.ContentSha256);
        Assert.Equal(RunPolicy.Default, plan.Policy);
    }

    [Fact]
    public void Load_ManyProblems_ReportsEveryOneAtOnce()
    {
        var path = Write("""
            name: broken
            version: zero
            device: MIMXRT9999
            flashloader:
              file: missing.bin
            flash:
              optionWords: [0x12345678]
            image:
              file: boot.bin
              sha256: 00
            fuses:
              words:
                - word: NOT_A_FUSE
                  value: 0x3
                  mask: 0x1
            policy:
              powerCycle: sometimes
            """);

        var exception = Assert.Throws<RecipeValidationException>(() => RecipeLoader.Load(path));

        Assert.Contains(exception.Errors, e => e.StartsWith("version: 'zero'", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, e => e.StartsWith("device: 'MIMXRT9999' is not a known family", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, e => e.StartsWith("flashloader.file:", StringComparison.Ordinal) && e.Contains("missing.bin", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, e => e.StartsWith("flash.optionWords[0]: 0x12345678 is not a FlexSPI NOR option word", StringComparison.Ordinal));
        Assert.Contains(exception.Errors, e => e.StartsWith("policy.powerCycle:", StringComparison.Ordinal));
        Assert.True(exception.Errors.Count >= 5);
    }

    [Fact]
    public void Load_ImageChangedSinceRecipeWritten_NamesBothHashes()
    {
        var path = Write($"""
            name: r
            version: 1
            device: RT1060
            flashloader: {"{"} file: ivt_flashloader.bin {"}"}
            flash: {"{"} optionWords: [0xC0000007] {"}"}
            image: {"{"} file: boot.bin, sha256: {new string('a', 64)} {"}"}
            """);

        var exception = Assert.Throws<RecipeValidationException>(() => RecipeLoader.Load(path));

        var error = Assert.Single(exception.Errors);
        Assert.Contains(ImageSha, error, StringComparison.Ordinal);
        Assert.Contains(new string('a', 64), error, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FuseValueOutsideMask_SaysHowToFix()
    {
        var path = Write($"""
            name: r
            version: 1
            device: MIMXRT1064
            flashloader: {"{"} file: ivt_flashloader.bin {"}"}
            flash: {"{"} optionWords: [0xC0000007] {"}"}
            image: {"{"} file: boot.bin, sha256: {ImageSha}, address: 0x70001000 {"}"}
            fuses:
              words:
                - {"{"} word: MAC0, value: 0x3, mask: 0x1 {"}"}
                - {"{"} word: mac0, value: 0x1 {"}"}
            """);

        var exception = Assert.Throws<RecipeValidationException>(() => RecipeLoader.Load(path));

        Assert.Contains("fuses.words[0]: value 0x00000003 has bits outside mask 0x00000001; widen the mask or clear those bits.", exception.Errors);
        Assert.Contains("fuses.words[1].word: MAC0 is listed twice; merge the two entries.", exception.Errors);
    }

    [Fact]
    public void Load_ImageOutsideFlash_ReportsTheFlashRange()
    {
        var path = Write($"""
            name: r
            version: 1
            device: MIMXRT1064
            flashloader: {"{"} file: ivt_flashloader.bin {"}"}
            flash: {"{"} optionWords: [0xC0000007] {"}"}
            image: {"{"} file: boot.bin, sha256: {ImageSha}, address: 0x703FF000 {"}"}
            """);

        var exception = Assert.Throws<RecipeValidationException>(() => RecipeLoader.Load(path));

        Assert.Contains(exception.Errors, e => e.Contains("do not fit the MIMXRT1064 boot flash 0x70000000-0x703FFFFF", StringComparison.Ordinal));
    }

    [Fact]
    public void Load_NotYaml_ReportsLine()
    {
        var path = Write("name: [unclosed\nversion: 1\n");

        var exception = Assert.Throws<RecipeValidationException>(() => RecipeLoader.Load(path));

        Assert.StartsWith("The recipe is not valid YAML at line", Assert.Single(exception.Errors), StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string yaml)
    {
        var path = Path.Combine(_folder, "recipe.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }
}
