using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Primitives;

namespace Station.Data.Tests;

/// <summary>A tiny IConfiguration over a dictionary (Microsoft.Extensions.Configuration itself is not referenced here).</summary>
internal sealed class DictionaryConfiguration(IReadOnlyDictionary<string, string?> values, string prefix = "") : IConfigurationSection
{
    public string? this[string key]
    {
        get => values.TryGetValue(Path(key), out var value) ? value : null;
        set => throw new NotSupportedException();
    }

    public string Key => prefix.Split(':')[^1];

    string IConfigurationSection.Path => prefix;

    public string? Value
    {
        get => values.TryGetValue(prefix, out var value) ? value : null;
        set => throw new NotSupportedException();
    }

    public IConfigurationSection GetSection(string key) => new DictionaryConfiguration(values, Path(key));

    public IEnumerable<IConfigurationSection> GetChildren() =>
        values.Keys.Where(k => k.StartsWith(prefix.Length == 0 ? "" : prefix + ":", StringComparison.OrdinalIgnoreCase))
            .Select(k => k[(prefix.Length == 0 ? 0 : prefix.Length + 1)..].Split(':')[0])
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(GetSection);

    public IChangeToken GetReloadToken() => throw new NotSupportedException();

    private string Path(string key) => prefix.Length == 0 ? key : prefix + ":" + key;
}
