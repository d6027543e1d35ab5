namespace Station.Cli.Settings;

/// <summary>
/// Picks the settings arguments (<c>--Database:Provider=Postgres</c>, or <c>--Database:Provider Postgres</c>)
/// out of the tokens a command did not match. A settings key always has a section (a colon), so it
/// can never be mistaken for one of the command's own options.
/// </summary>
internal static class ConfigurationArguments
{
    /// <summary>The settings arguments as <c>--Key=value</c>, and the tokens that are not settings.</summary>
    public static (IReadOnlyList<string> Settings, IReadOnlyList<string> Unknown) Split(IReadOnlyList<string> tokens)
    {
        ArgumentNullException.ThrowIfNull(tokens);
        var settings = new List<string>();
        var unknown = new List<string>();
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (!IsSettingKey(token))
            {
                unknown.Add(token);
                continue;
            }

            if (token.Contains('=', StringComparison.Ordinal))
            {
                settings.Add(token);
            }
            else if (i + 1 < tokens.Count && !tokens[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                settings.Add($"{token}={tokens[i + 1]}");
                i++;
            }
            else
            {
                unknown.Add(token);
            }
        }

        return (settings, unknown);
    }

    private static bool IsSettingKey(string token)
    {
        if (!token.StartsWith("--", StringComparison.Ordinal) || token.Length < 3)
        {
            return false;
        }

        var end = token.IndexOf('=', StringComparison.Ordinal);
        var key = end < 0 ? token.AsSpan(2) : token.AsSpan(2, end - 2);
        return key.Contains(':') && key[0] != ':' && key[^1] != ':';
    }
}
