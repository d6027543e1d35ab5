namespace Station.Host.Contracts;

/// <summary>An image written and read back.</summary>
internal sealed record ImageRecordDto(long MemoryId, long Address, long Length, string ImageSha256, string? ReadBackSha256);
