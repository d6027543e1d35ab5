using System.Security.Cryptography;
using Station.Core.Devices;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Station.Core.Recipes;

/// <summary>
/// Reads a recipe file (YAML, docs/RECIPES.md), loads the files it names (relative to the recipe)
/// and validates everything, collecting every problem before failing (STYLE example 7).
/// </summary>
public static partial class RecipeLoader
{
    // Duplicate keys are refused: otherwise YAML's last `image:` silently wins over the first (issue 8).
    private static readonly IDeserializer Yaml = new DeserializerBuilder()
        .WithNamingConvention(CamelCaseNamingConvention.Instance)
        .WithDuplicateKeyChecking()
        .Build();

    /// <summary>Loads and validates the recipe at <paramref name="path"/>.</summary>
    /// <exception cref="RecipeValidationException">Anything is wrong; every problem is listed.</exception>
    public static RecipePlan Load(string path)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            throw new RecipeValidationException(path, [$"The recipe file cannot be read: {exception.Message}"]);
        }

        return Parse(content, path, Path.GetDirectoryName(Path.GetFullPath(path)) ?? ".");
    }

    /// <summary>Validates recipe text whose relative file names resolve against <paramref name="baseDirectory"/>.</summary>
    /// <exception cref="RecipeValidationException">Anything is wrong; every problem is listed.</exception>
    public static RecipePlan Parse(byte[] content, string source, string baseDirectory)
    {
        RecipeDocument? document;
        try
        {
            using var reader = new StringReader(System.Text.Encoding.UTF8.GetString(content));
            document = Yaml.Deserialize<RecipeDocument>(reader);
        }
        catch (YamlException exception)
        {
            var where = exception.Start.Line > 0 ? $" at line {exception.Start.Line}, column {exception.Start.Column}" : string.Empty;
            throw new RecipeValidationException(source, [$"The recipe is not valid YAML{where}: {(exception.InnerException ?? exception).Message}"]);
        }
        catch (InvalidOperationException exception)
        {
            // YamlDotNet's scanner throws this instead of a YamlException for some malformed streams
            // (a document that opens with the end marker "..."; found by the recipe fuzz, issue 8).
            throw new RecipeValidationException(source, [$"The recipe is not valid YAML: {exception.Message}"]);
        }

        if (document is null)
        {
            throw new RecipeValidationException(source, ["The recipe file is empty."]);
        }

        var validation = new Validation(baseDirectory);
        var plan = validation.Build(document, Convert.ToHexStringLower(SHA256.HashData(content)));
        return validation.Errors.Count == 0 && plan is not null ? plan : throw new RecipeValidationException(source, validation.Errors);
    }

    private static DeviceFamily? FindDevice(string? name) => name is null ? null : DeviceFamily.Find(name);
}
