using Xunit;

namespace Station.Testing;

/// <summary>
/// A test that runs its own private PostgreSQL server (<see cref="PostgresServer"/>), e.g. to stop it
/// mid-batch: skipped when PostgreSQL's binaries (initdb, pg_ctl) are not found, unless <c>CI</c> is
/// set, in which case it runs and fails.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresServerFactAttribute : FactAttribute
{
    public PostgresServerFactAttribute()
    {
        if (PostgresServer.FindBinaries() is null && !TestEnvironment.IsCI)
        {
            Skip = PostgresServer.MissingMessage;
        }
    }
}
