namespace Station.Images;

/// <summary>
/// A firmware file cannot be used as it is: truncated, corrupt, bad checksum, overlapping data, or an
/// image that does not fit where it must go. The message names the file and the problem; retrying
/// never helps (STYLE 4.6).
/// </summary>
public sealed class ImageFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="fileName"/> with a one-line <paramref name="problem"/>.</summary>
    public ImageFormatException(string fileName, string problem)
        : base($"{fileName}: {problem}")
    {
        FileName = fileName;
        Problem = problem;
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public ImageFormatException(string fileName, string problem, Exception innerException)
        : base($"{fileName}: {problem}", innerException)
    {
        FileName = fileName;
        Problem = problem;
    }

    /// <summary>The file (or other name of the input) that is wrong.</summary>
    public string FileName { get; }

    /// <summary>What is wrong with it, without the file name.</summary>
    public string Problem { get; }
}
