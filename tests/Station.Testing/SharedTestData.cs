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

    /// <summary>The absolute path of <paramref name="relativePath"/> from the repository's root (where Station.sln is).</summary>
    public static string RepositoryPath(string relativePath)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Station.sln")))
            {
                return Path.Combine(directory.FullName, relativePath);
            }
        }

        throw new DirectoryNotFoundException($"No Station.sln above {AppContext.BaseDirectory}.");
    }

    /// <summary>The bytes of <paramref name="relativePath"/> under tests/TestData.</summary>
    public static byte[] Read(string relativePath) => File.ReadAllBytes(PathOf(relativePath));
}
