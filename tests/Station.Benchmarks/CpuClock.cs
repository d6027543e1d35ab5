using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Station.Benchmarks;

/// <summary>
/// CPU time of the whole process (all threads, user + system). On Linux from getrusage(RUSAGE_SELF),
/// which has microsecond resolution; /proc-based Process.TotalProcessorTime counts 10 ms ticks,
/// too coarse for runs of a few milliseconds per MiB. Elsewhere Process.TotalProcessorTime.
/// </summary>
internal static partial class CpuClock
{
    private const int RusageSelf = 0;
    private const int RusageChildren = -1;

    public static TimeSpan ProcessTime()
    {
        if (OperatingSystem.IsLinux() && GetRusage(RusageSelf, out var usage) == 0)
        {
            return ToTimeSpan(usage.UserTime) + ToTimeSpan(usage.SystemTime);
        }

        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime;
    }

    /// <summary>
    /// CPU time (user + system) of the children this process has waited for, getrusage(RUSAGE_CHILDREN);
    /// a child counts once it has exited and been reaped. Zero where not available.
    /// </summary>
    public static TimeSpan ChildrenTime() =>
        OperatingSystem.IsLinux() && GetRusage(RusageChildren, out var usage) == 0
            ? ToTimeSpan(usage.UserTime) + ToTimeSpan(usage.SystemTime)
            : TimeSpan.Zero;

    private static TimeSpan ToTimeSpan(TimeValue value) =>
        TimeSpan.FromTicks((value.Seconds * TimeSpan.TicksPerSecond) + (value.Microseconds * TimeSpan.TicksPerMicrosecond));

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, out ResourceUsage usage);

    /// <summary>struct timeval on 64-bit Linux: seconds, microseconds.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct TimeValue
    {
        public long Seconds;
        public long Microseconds;
    }

    /// <summary>struct rusage on 64-bit Linux: two timevals, then 14 longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct ResourceUsage
    {
        public TimeValue UserTime;
        public TimeValue SystemTime;
        public fixed long Rest[14];
    }
}
