using Xunit;

namespace Station.Testing;

/// <summary>
/// A test against the PostgreSQL server named by <c>STATION_TEST_PG</c>: skipped when the variable
/// is unset, unless <c>CI</c> is set, in which case it runs and fails (STYLE 4.11).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (PostgresDatabase.ConnectionStringFromEnvironment is null && !TestEnvironment.IsCI)
        {
            Skip = PostgresDatabase.MissingMessage;
        }
    }
}
