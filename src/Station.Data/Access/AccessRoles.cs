namespace Station.Data.Access;

/// <summary>The roles of the station service (DESIGN.md "Interfaces"); admin may do everything.</summary>
public static class AccessRoles
{
    public const string Operator = "operator";
    public const string Engineer = "engineer";
    public const string Qa = "qa";
    public const string Mes = "mes";
    public const string Admin = "admin";

    /// <summary>Every role, in the order the docs list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Operator, Engineer, Qa, Mes, Admin];

    /// <summary>
    /// Parses "mes" or "operator, qa" into known role names (lower case, no duplicates); throws
    /// <see cref="ArgumentException"/> naming every unknown one.
    /// </summary>
    public static IReadOnlyList<string> Parse(string roles)
    {
        ArgumentNullException.ThrowIfNull(roles);
        var names = roles.Split([',', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(r => r.ToLowerInvariant())
            .Distinct()
            .ToList();
        var unknown = names.Where(n => !All.Contains(n)).ToList();
        if (names.Count == 0 || unknown.Count > 0)
        {
            throw new ArgumentException(
                names.Count == 0
                    ? $"Give at least one role: {string.Join(", ", All)}."
                    : $"Unknown role{(unknown.Count == 1 ? "" : "s")} {string.Join(", ", unknown)}; known: {string.Join(", ", All)}.",
                nameof(roles));
        }

        return names;
    }

    /// <summary>The stored form: comma-separated, in <see cref="All"/>'s order.</summary>
    public static string Format(IEnumerable<string> roles) => string.Join(',', All.Where(roles.Contains));
}
