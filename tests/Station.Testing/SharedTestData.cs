namespace Station.Testing;

/// <summary>Finds the repository's own test data (tests/TestData), wherever the test runs from.</summary>
public static class SharedTestData
{
    /// <summary>The absolute path of <paramref name="relativePath"/> under tests/TestData.</summary>
    public static string PathOf(string relativePath)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "TestData");
            if (Directory.Exists(candidate))
            {
                var path = Path.Combine(candidate, relativePath);
                return File.Exists(path) || Directory.Exists(path)
                    ? path
                    : throw new FileNotFoundException($"Test data '{relativePath}' is not in {candidate}.", path);
            }

            directory = directory.Parent;
        }

        throw new DirectoryNotFoundException($"No tests/TestData above {AppContext.BaseDirectory}.");
    }

    /// <summary>The bytes of <paramref name="relativePath"/> under tests/TestData.</summary>
    public static byte[] Read(string relativePath) => File.ReadAllBytes(PathOf(relativePath));
}
