namespace Station.Data;

/// <summary>What kind of database failure an exception is (see <see cref="DatabaseErrors.Classify"/>).</summary>
public enum DatabaseErrorKind
{
    /// <summary>Not a database error we recognise.</summary>
    Other,

    /// <summary>The server is unreachable, restarting, busy or timed out: trying again later can help.</summary>
    Transient,

    /// <summary>A unique key or index would be violated.</summary>
    UniqueViolation,

    /// <summary>A CHECK or NOT NULL constraint was violated (a bug: the recorder validates first).</summary>
    ConstraintViolation,
}
