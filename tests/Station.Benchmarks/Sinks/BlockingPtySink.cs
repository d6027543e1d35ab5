using System.Buffers;
using System.Runtime.InteropServices;
using System.Text;

namespace Station.Benchmarks.Sinks;

/// <summary>
/// A <see cref="UartSinkDevice"/> on the master side of its own pseudo-terminal, served by one
/// dedicated thread with blocking read/write system calls, so its CPU (parsing, answering, and
/// the master-side system calls) is that thread's alone. The thread measures itself with
/// getrusage(RUSAGE_THREAD); subtracting that from the process's CPU leaves the host: the MBoot
/// client, <c>SerialPortTransport</c> on the slave, the process-wide epoll thread, and the kernel
/// tty work done in the host's own system calls.
/// </summary>
internal sealed partial class BlockingPtySink : IDisposable
{
    private const int ORdWr = 0x2;
    private const int ONoCtty = 0x100;
    private const int RusageThread = 1;

    private readonly int _master;
    private readonly Thread _thread;
    private long _deviceCpuTicks;

    private BlockingPtySink(int master, string slavePath)
    {
        _master = master;
        SlavePath = slavePath;
        _thread = new Thread(Serve) { IsBackground = true, Name = "pty sink" };
        _thread.Start();
    }

    public string SlavePath { get; }

    /// <summary>CPU the sink's thread has used so far (updated after every batch it answers).</summary>
    public TimeSpan DeviceCpu => TimeSpan.FromTicks(Interlocked.Read(ref _deviceCpuTicks));

    public static unsafe BlockingPtySink Open()
    {
        if (!OperatingSystem.IsLinux())
        {
            throw new PlatformNotSupportedException("Pseudo-terminals need Linux.");
        }

        var master = PosixOpenPt(ORdWr | ONoCtty);
        if (master < 0 || GrantPt(master) != 0 || UnlockPt(master) != 0)
        {
            throw new IOException($"No pseudo-terminal: errno {Marshal.GetLastPInvokeError()}.");
        }

        var name = stackalloc byte[128];
        if (PtsNameR(master, name, 128) != 0)
        {
            throw new IOException("ptsname_r failed.");
        }

        return new BlockingPtySink(master, Encoding.UTF8.GetString(MemoryMarshal.CreateReadOnlySpanFromNullTerminated(name)));
    }

    public void Dispose()
    {
        _ = Close(_master); // the blocked read ends with EBADF/EIO and the thread exits
        _thread.Join(TimeSpan.FromSeconds(5));
    }

    private unsafe void Serve()
    {
        var device = new UartSinkDevice();
        var buffer = new byte[4096];
        var answers = new ArrayBufferWriter<byte>(4096);
        fixed (byte* input = buffer)
        {
            while (true)
            {
                var count = (int)Read(_master, input, buffer.Length);
                if (count <= 0)
                {
                    if (count < 0 && Marshal.GetLastPInvokeError() == 4)
                    {
                        continue; // EINTR
                    }

                    return; // the host hung up (EIO) or the master was closed
                }

                answers.ResetWrittenCount();
                device.OnBytes(buffer.AsSpan(0, count), answers);
                WriteAll(answers.WrittenSpan);
                if (GetRusage(RusageThread, out var usage) == 0)
                {
                    Interlocked.Exchange(ref _deviceCpuTicks, usage.Ticks);
                }
            }
        }
    }

    private unsafe void WriteAll(ReadOnlySpan<byte> bytes)
    {
        fixed (byte* start = bytes)
        {
            var done = 0;
            while (done < bytes.Length)
            {
                var written = (int)Write(_master, start + done, bytes.Length - done);
                if (written <= 0)
                {
                    return;
                }

                done += written;
            }
        }
    }

    [LibraryImport("libc", EntryPoint = "posix_openpt", SetLastError = true)]
    private static partial int PosixOpenPt(int flags);

    [LibraryImport("libc", EntryPoint = "grantpt", SetLastError = true)]
    private static partial int GrantPt(int fd);

    [LibraryImport("libc", EntryPoint = "unlockpt", SetLastError = true)]
    private static partial int UnlockPt(int fd);

    [LibraryImport("libc", EntryPoint = "ptsname_r")]
    private static unsafe partial int PtsNameR(int fd, byte* buffer, nuint length);

    [LibraryImport("libc", EntryPoint = "read", SetLastError = true)]
    private static unsafe partial nint Read(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    private static unsafe partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "getrusage")]
    private static partial int GetRusage(int who, out ThreadUsage usage);

    /// <summary>struct rusage (64-bit Linux): user and system timevals, then 14 longs.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private unsafe struct ThreadUsage
    {
        public long UserSeconds;
        public long UserMicroseconds;
        public long SystemSeconds;
        public long SystemMicroseconds;
        public fixed long Rest[14];

        public readonly long Ticks =>
            ((UserSeconds + SystemSeconds) * TimeSpan.TicksPerSecond) + ((UserMicroseconds + SystemMicroseconds) * TimeSpan.TicksPerMicrosecond);
    }
}
