namespace Station.Core.Runs;

/// <summary>The image read back from flash does not hash to the image written.</summary>
internal sealed class VerifyMismatchException(uint address, int length, string expected, string actual)
    : Exception($"Read-back of {length} bytes at 0x{address:X8} has SHA-256 {actual}, not {expected}.");
