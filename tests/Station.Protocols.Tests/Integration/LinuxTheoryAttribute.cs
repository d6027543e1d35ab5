namespace Station.Protocols.Tests.Integration;

/// <summary>A theory whose rows include a real pseudo-terminal (Linux only); skipped elsewhere.</summary>
public sealed class LinuxTheoryAttribute : TheoryAttribute
{
    public LinuxTheoryAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Needs Linux (pseudo-terminals).";
        }
    }
}
