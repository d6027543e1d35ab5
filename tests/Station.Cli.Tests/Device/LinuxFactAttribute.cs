namespace Station.Cli.Tests.Device;

/// <summary>A fact that needs Linux (a real pseudo-terminal); skipped elsewhere.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Needs Linux (pseudo-terminals).";
        }
    }
}
