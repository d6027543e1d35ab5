using System.Text;

namespace Station.Data.Recording;

/// <summary>
/// Checks and cleans what callers hand the recorder, at the call, so that nothing the database
/// would reject ever reaches the durable queue (a rejected record would block delivery for good).
/// </summary>
internal static class RecordText
{
    /// <summary>Longest message or log line kept; the rest is cut and marked.</summary>
    public const int MaxMessageLength = 16_384;

    private const string CutMarker = "…[cut]";

    public static string Required(string? value, int maxLength, string parameterName)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ArgumentException("A value is required.", parameterName);
        }

        return Bounded(value, maxLength, parameterName);
    }

    public static string? Optional(string? value, int maxLength, string parameterName) =>
        value is null ? null : Bounded(value, maxLength, parameterName);

    /// <summary>Free text (messages, log lines): cleaned and cut to <see cref="MaxMessageLength"/>, never rejected.</summary>
    public static string? Message(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var clean = Clean(value);
        return clean.Length <= MaxMessageLength ? clean : string.Concat(clean.AsSpan(0, MaxMessageLength - CutMarker.Length), CutMarker);
    }

    public static byte[] Sha256(byte[]? value, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        return value.Length == 32
            ? (byte[])value.Clone()
            : throw new ArgumentException($"A SHA-256 is 32 bytes, not {value.Length}.", parameterName);
    }

    public static byte[]? OptionalSha256(byte[]? value, string parameterName) =>
        value is null ? null : Sha256(value, parameterName);

    private static string Bounded(string value, int maxLength, string parameterName)
    {
        var clean = Clean(value);
        return clean.Length <= maxLength
            ? clean
            : throw new ArgumentException($"At most {maxLength} characters (got {clean.Length}).", parameterName);
    }

    /// <summary>
    /// PostgreSQL text cannot hold NUL, and a lone UTF-16 surrogate does not survive UTF-8: both would
    /// make the stored text differ from the hashed text. NUL becomes U+FFFD, and so does a lone surrogate.
    /// </summary>
    private static string Clean(string value)
    {
        var needsWork = false;
        for (var i = 0; i < value.Length && !needsWork; i++)
        {
            needsWork = value[i] == '\0' || char.IsSurrogate(value[i]);
        }

        if (!needsWork)
        {
            return value;
        }

        var builder = new StringBuilder(value.Length);
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                builder.Append(c).Append(value[i + 1]);
                i++;
            }
            else if (c == '\0' || char.IsSurrogate(c))
            {
                builder.Append('\uFFFD');
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
