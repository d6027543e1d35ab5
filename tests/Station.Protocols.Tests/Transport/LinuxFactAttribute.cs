namespace Station.Protocols.Tests.Transport;

/// <summary>A fact that needs Linux (hidraw, termios, pseudo-terminals); skipped elsewhere.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux())
        {
            Skip = "Needs Linux.";
        }
    }
}
