namespace Station.Data.Recording;

/// <summary>An image written to device memory and, when verified, the SHA-256 of its read-back.</summary>
public sealed record ImageWrite(string Memory, uint Address, long Length, byte[] ImageSha256)
{
    public byte[]? ReadBackSha256 { get; init; }
}
