using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace Station.Data.Migrations;

/// <summary>
/// One versioned SQL script from db/&lt;provider&gt;/NNNN_name.sql, embedded in this assembly.
/// <see cref="Checksum"/> is the SHA-256 of its text with line endings normalised to LF, so a
/// checkout with CRLF line endings does not look like an edited script.
/// </summary>
public sealed partial record MigrationScript(int Version, string Name, string Sql, string Checksum)
{
    private const string ResourcePrefix = "Station.Data.Migrations.";

    /// <summary>The scripts for <paramref name="provider"/>, in version order.</summary>
    public static IReadOnlyList<MigrationScript> ForProvider(DatabaseProvider provider)
    {
        var folder = provider switch
        {
            DatabaseProvider.Postgres => "postgres",
            DatabaseProvider.Sqlite => "sqlite",
            _ => throw new ArgumentOutOfRangeException(nameof(provider), provider, "Unknown database provider."),
        };
        var prefix = ResourcePrefix + folder + ".";
        var assembly = typeof(MigrationScript).Assembly;
        var scripts = assembly.GetManifestResourceNames()
            .Where(n => n.StartsWith(prefix, StringComparison.Ordinal))
            .Select(n => Load(assembly, n, n[prefix.Length..]))
            .OrderBy(s => s.Version)
            .ToList();

        var duplicate = scripts.GroupBy(s => s.Version).FirstOrDefault(g => g.Count() > 1);
        return duplicate is not null
            ? throw new InvalidOperationException($"Two {folder} migrations have version {duplicate.Key}.")
            : scripts;
    }

    /// <summary>The checksum the migrations table records for <paramref name="sql"/>.</summary>
    public static string ChecksumOf(string sql)
    {
        ArgumentNullException.ThrowIfNull(sql);
        var normalised = sql.Replace("\r\n", "\n", StringComparison.Ordinal);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(normalised)));
    }

    private static MigrationScript Load(Assembly assembly, string resourceName, string fileName)
    {
        var match = FileNamePattern().Match(fileName);
        if (!match.Success)
        {
            throw new InvalidOperationException($"Migration '{fileName}' is not named NNNN_name.sql.");
        }

        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded migration '{resourceName}' is missing.");
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        var sql = reader.ReadToEnd();
        return new MigrationScript(
            int.Parse(match.Groups["version"].Value, NumberStyles.None, CultureInfo.InvariantCulture),
            match.Groups["name"].Value,
            sql,
            ChecksumOf(sql));
    }

    [GeneratedRegex(@"^(?<version>\d{4})_(?<name>[a-z0-9_]+)\.sql$")]
    private static partial Regex FileNamePattern();
}
