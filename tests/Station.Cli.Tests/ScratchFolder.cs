namespace Station.Cli.Tests;

/// <summary>A temporary folder for a test's input and output files, deleted at the end.</summary>
internal sealed class ScratchFolder : IDisposable
{
    public string Folder { get; } = Directory.CreateTempSubdirectory("station-cli-").FullName;

    public string PathOf(string name) => Path.Combine(Folder, name);

    public string Write(string name, byte[] bytes)
    {
        var path = PathOf(name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    public byte[] Read(string name) => File.ReadAllBytes(PathOf(name));

    public void Dispose()
    {
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
