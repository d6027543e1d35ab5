using System.Text;
using System.Text.RegularExpressions;
using Station.Testing;
using Xunit.Abstractions;

namespace Station.Core.Recipes.Tests;

/// <summary>
/// Issue 8's mutation fuzz over the recipe loader: the sample recipe (samples/rt1064) and recipes in
/// the shapes the tests use (flow style, an FCB, a policy, several fuse words) are mutated with a
/// fixed seed, as bytes (Station.Testing's <see cref="Mutator"/>) and as YAML lines (values swapped
/// for boundary and hostile ones, lines dropped, repeated, swapped, re-indented, unknown keys). Each
/// case must load, or throw <see cref="RecipeValidationException"/> whose every error names its field
/// (<c>image.sha256: …</c>) or the recipe as a whole; any other exception fails the test.
/// </summary>
public sealed partial class RecipeFuzzTests(ITestOutputHelper output)
{
    private const int Seed = 8;

    private static readonly string Sample = SharedTestData.RepositoryPath("samples/rt1064");

    private static readonly string[] Values =
    [
        "", "~", "null", "-1", "0", "1", "0x", "0x0", "0xFFFFFFFF", "0x100000000", "4294967296", "99999999999999999999",
        "1e308s", "1e308", "NaN", "Infinity", "-Infinity", "1e-300ms", "0.5ms", "10s", "[]", "[1, 2]", "{}", "{ a: b }",
        "\"\\0\"", "\"a\\0b\"", "/", ".", "..", "../recipe.yaml", "../rt1064/app.bin", "/dev/null", "*undefined", "&anchor x", "!!binary aGk=",
        "!!int 5", "!!float 1.5", "!nonsense x", "true", "yes", "CFG5", "SRK0", "MAC0", "0x3F", "999", "MIMXRT1011", "RT1020",
        "'quoted'", "\"unterminated", "|", ">", "- x", "a: b", "#", "%", "@", "`", new string('x', 4096), "\u202Eevil", "\U0001F642",
        "app.bin", "app.boot.bin", "mimxrt1064_sip_w25q32jv.fcb", "ivt_flashloader.bin", new string('0', 64),
        "e448fcf17f2633941739c88ea1c265f3aa41b50951861b59c8d731ba3b23a725", "hubPort", "sometimes",
    ];

    private static readonly string[] ExtraLines =
    [
        "unknownKey: 1", "  unknownKey: 1", "fuses: { burn: maybe }", "fuses:\n  words: 5", "policy:\n  stageTimeout: 1e308s",
        "flash: { fcb: mimxrt1064_sip_w25q32jv.fcb, optionWords: [0xC0000007] }", "image: !!str x", "---", "...", "- a", "? x",
        "name: &n a", "version: *n", "<<: { name: x }", "\t", "name: [unclosed", "fuses:\n  words:\n    - { word: 999, value: 1 }",
    ];

    private static readonly string[] Recipes =
    [
        File.ReadAllText(Path.Combine(Sample, "recipe.yaml")),
        """
        name: flow
        version: 2
        device: RT1064
        flashloader: { file: ivt_flashloader.bin, loadAddress: 0x20000000, jumpAddress: 0x20000400 }
        flash: { memoryId: 9, fcb: mimxrt1064_sip_w25q32jv.fcb }
        image: { file: app.boot.bin, sha256: e448fcf17f2633941739c88ea1c265f3aa41b50951861b59c8d731ba3b23a725, address: 0x70001000 }
        """,
        """
        name: many-fuses
        version: 3
        device: MIMXRT1064
        flashloader:
          file: ivt_flashloader.bin
        flash:
          optionWords: [0xC1000007, 0x00000001]
        image:
          file: app.bin
          sha256: SHA_APP
          address: 0x70002000
        fuses:
          burn: false
          words:
            - { word: CFG5, value: 0x10, mask: 0x10 }
            - { word: MAC0, value: 0x12345678, lock: true }
            - { word: "0x26", value: 0x1, mask: 0x1 }
        policy:
          transportRetries: 3
          flashRetries: 2
          reconfigureAtLowerClock: true
          reloadFlashloader: false
          powerCycle: command
          stageTimeout: 1500ms
        """.Replace("SHA_APP", Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(Path.Combine(Sample, "app.bin")))), StringComparison.Ordinal),
    ];

    [Fact]
    public void Seeds_Unmutated_Load()
    {
        foreach (var recipe in Recipes)
        {
            var plan = RecipeLoader.Parse(Encoding.UTF8.GetBytes(recipe), "seed.yaml", Sample);
            Assert.Equal("MIMXRT1064", plan.Device.Name);
        }
    }

    [Fact]
    public void RecipeLoaderParse_MutatedRecipes_LoadOrThrowRecipeErrorNamingTheField()
    {
        var fuzz = new Mutator(Seed);
        var seeds = Recipes.Select(Encoding.UTF8.GetBytes).ToList();
        var outcomes = new FuzzOutcomes("recipe", e => e is RecipeValidationException v && v.Source == "fuzz.yaml" && v.Errors.Count > 0 && v.Errors.All(IsNamed) ? "refused" : null);
        for (var i = 0; i < Mutator.Cases(3_000); i++)
        {
            var content = fuzz.Random.Next(4) == 0 ? fuzz.Next(seeds, 8192) : Encoding.UTF8.GetBytes(MutateLines(fuzz.Random, Recipes[fuzz.Random.Next(Recipes.Length)]));
            outcomes.Run(i, content, () =>
            {
                var plan = RecipeLoader.Parse(content, "fuzz.yaml", Sample);
                Assert.True(plan.Version >= 1 && plan.Image.Bytes.Length > 0 && plan.Policy.StageTimeout > TimeSpan.Zero, $"case {i}: a plan that should have been refused");
                return "loaded";
            });
        }

        output.WriteLine(outcomes.ToString());
        outcomes.AssertReached("loaded", "refused");
    }

    /// <summary>An error starts with the field it is about (<c>fuses.words[1].mask: …</c>) or speaks of the recipe as a whole.</summary>
    private static bool IsNamed(string error) => FieldPrefix().IsMatch(error) || error.StartsWith("The recipe ", StringComparison.Ordinal);

    private static string MutateLines(Random random, string recipe)
    {
        var lines = recipe.Split('\n').ToList();
        for (var mutations = random.Next(1, 4); mutations > 0; mutations--)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(8))
            {
                case 0 or 1 or 2:
                    // A value swapped: after "key: ", "- " or inside a flow mapping.
                    var colon = lines[at].LastIndexOf(": ", StringComparison.Ordinal);
                    var cut = colon >= 0 ? colon + 2 : lines[at].Length;
                    lines[at] = lines[at][..cut] + Values[random.Next(Values.Length)] + (random.Next(3) == 0 && lines[at].EndsWith('}') ? " }" : "");
                    break;
                case 3:
                    lines.RemoveAt(at);
                    break;
                case 4:
                    lines.Insert(at, lines[at]);
                    break;
                case 5:
                    var other = random.Next(lines.Count);
                    (lines[at], lines[other]) = (lines[other], lines[at]);
                    break;
                case 6:
                    lines[at] = random.Next(2) == 0 ? "  " + lines[at] : lines[at].TrimStart();
                    break;
                default:
                    lines.Insert(at, ExtraLines[random.Next(ExtraLines.Length)]);
                    break;
            }

            if (lines.Count == 0)
            {
                lines.Add("");
            }
        }

        return string.Join('\n', lines);
    }

    [GeneratedRegex(@"^[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*|\[\d+\])*: ", RegexOptions.CultureInvariant)]
    private static partial Regex FieldPrefix();
}
