using Station.Testing;

namespace Station.Core.Recipes.Tests;

/// <summary>
/// The bad-recipe corpus (TestData/BadInput, issue 8): every file is refused with a
/// <see cref="RecipeValidationException"/> whose errors contain the fragment its README row gives.
/// </summary>
public sealed class BadRecipeCorpusTests
{
    private static readonly string Folder = Path.Combine(AppContext.BaseDirectory, "TestData", "BadInput");

    public static TheoryData<string, string> Corpus()
    {
        var data = new TheoryData<string, string>();
        foreach (var row in File.ReadLines(Path.Combine(Folder, "README.md")).Where(l => l.StartsWith("| ", StringComparison.Ordinal) && l.Contains(".yaml |", StringComparison.Ordinal)))
        {
            var cells = row.Split(" | ");
            data.Add(cells[0][2..], cells[1]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Corpus))]
    public void Parse_BadRecipe_RefusedWithAnErrorNamingTheProblem(string file, string fragment)
    {
        var content = File.ReadAllBytes(Path.Combine(Folder, file));

        var exception = Assert.Throws<RecipeValidationException>(() => RecipeLoader.Parse(content, file, SharedTestData.RepositoryPath("samples/rt1064")));

        Assert.Equal(file, exception.Source);
        Assert.Contains(exception.Errors, e => e.Contains(fragment, StringComparison.Ordinal));
        Assert.Contains(fragment, exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Corpus_EveryFileIsInTheReadmeTable()
    {
        var listed = Corpus().Select(row => (string)row[0]).ToHashSet(StringComparer.Ordinal);

        Assert.All(Directory.GetFiles(Folder, "*.yaml").Select(Path.GetFileName), file => Assert.Contains(file!, listed));
        Assert.True(listed.Count >= 40, $"{listed.Count} files listed");
    }
}
