namespace Station.Images;

/// <summary>
/// A signed image does not verify: wrong hash, wrong key, bad signature, or a key that cannot be used.
/// The message names the file and the problem; retrying never helps (STYLE 4.6).
/// </summary>
public sealed class ImageSignatureException : Exception
{
    /// <summary>Creates the exception for <paramref name="fileName"/> with a one-line <paramref name="problem"/>.</summary>
    public ImageSignatureException(string fileName, string problem)
        : base($"{fileName}: {problem}")
    {
        FileName = fileName;
        Problem = problem;
    }

    /// <summary>Creates the exception with an inner cause.</summary>
    public ImageSignatureException(string fileName, string problem, Exception innerException)
        : base($"{fileName}: {problem}", innerException)
    {
        FileName = fileName;
        Problem = problem;
    }

    /// <summary>The image or key file concerned.</summary>
    public string FileName { get; }

    /// <summary>What is wrong, without the file name.</summary>
    public string Problem { get; }
}
