using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace Station.Protocols.Transport.Linux;

/// <summary>
/// The libc calls the Linux transports make. Constants are the generic Linux values used by
/// x86-64 and arm64 (asm-generic/fcntl.h, errno-base.h, termbits.h); other architectures
/// (MIPS, PowerPC, SPARC) differ and are not supported.
/// </summary>
[SupportedOSPlatform("linux")]
internal static unsafe partial class LinuxLibc
{
    private const string Libc = "libc";

    // asm-generic/fcntl.h
    public const int ORdWr = 0x2;
    public const int ONoCtty = 0x100;
    public const int ONonBlock = 0x800;
    public const int OCloExec = 0x80000;

    // asm-generic/errno-base.h, errno.h
    public const int EPerm = 1;
    public const int ENoEnt = 2;
    public const int EIntr = 4;
    public const int EIO = 5;
    public const int ENxIO = 6;
    public const int EBadF = 9;
    public const int EAgain = 11;
    public const int EAccess = 13;
    public const int EBusy = 16;
    public const int ENoDev = 19;
    public const int EPipe = 32;
    public const int EProto = 71;
    public const int EOverflow = 75;
    public const int EIlSeq = 84;
    public const int ENoBufs = 105;
    public const int EShutdown = 108;
    public const int ETimedOut = 110;

    // sys/epoll.h
    public const int EpollCloExec = OCloExec;
    public const int EpollCtlAdd = 1;
    public const int EpollCtlDel = 2;
    public const uint EpollIn = 0x001;
    public const uint EpollPri = 0x002;
    public const uint EpollOut = 0x004;
    public const uint EpollErr = 0x008;
    public const uint EpollHup = 0x010;
    public const uint EpollRdHup = 0x2000;
    public const uint EpollEt = 1u << 31;

    // sys/socket.h, linux/netlink.h
    public const int AfNetlink = 16;
    public const int SockRaw = 3;
    public const int SockNonBlock = ONonBlock;
    public const int SockCloExec = OCloExec;
    public const int NetlinkKobjectUevent = 15;
    public const int SolSocket = 1;
    public const int SoRcvBuf = 8;

    // termios.h
    public const int TcsaNow = 0;
    public const int TciFlush = 0;

    [LibraryImport(Libc, EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int Open(string path, int flags);

    [LibraryImport(Libc, EntryPoint = "read", SetLastError = true)]
    public static partial nint Read(SafeFileHandle fd, byte* buffer, nint count);

    [LibraryImport(Libc, EntryPoint = "write", SetLastError = true)]
    public static partial nint Write(SafeFileHandle fd, byte* buffer, nint count);

    [LibraryImport(Libc, EntryPoint = "epoll_create1", SetLastError = true)]
    public static partial int EpollCreate1(int flags);

    [LibraryImport(Libc, EntryPoint = "epoll_ctl", SetLastError = true)]
    public static partial int EpollCtl(int epollFd, int operation, SafeFileHandle fd, byte* epollEvent);

    [LibraryImport(Libc, EntryPoint = "epoll_wait", SetLastError = true)]
    public static partial int EpollWait(int epollFd, byte* events, int maxEvents, int timeoutMilliseconds);

    [LibraryImport(Libc, EntryPoint = "tcgetattr", SetLastError = true)]
    public static partial int TcGetAttr(SafeFileHandle fd, byte* termios);

    [LibraryImport(Libc, EntryPoint = "tcsetattr", SetLastError = true)]
    public static partial int TcSetAttr(SafeFileHandle fd, int optionalActions, byte* termios);

    [LibraryImport(Libc, EntryPoint = "cfmakeraw")]
    public static partial void CfMakeRaw(byte* termios);

    [LibraryImport(Libc, EntryPoint = "cfsetispeed", SetLastError = true)]
    public static partial int CfSetISpeed(byte* termios, uint speed);

    [LibraryImport(Libc, EntryPoint = "cfsetospeed", SetLastError = true)]
    public static partial int CfSetOSpeed(byte* termios, uint speed);

    [LibraryImport(Libc, EntryPoint = "tcflush", SetLastError = true)]
    public static partial int TcFlush(SafeFileHandle fd, int queueSelector);

    [LibraryImport(Libc, EntryPoint = "posix_openpt", SetLastError = true)]
    public static partial int PosixOpenPt(int flags);

    [LibraryImport(Libc, EntryPoint = "grantpt", SetLastError = true)]
    public static partial int GrantPt(SafeFileHandle fd);

    [LibraryImport(Libc, EntryPoint = "unlockpt", SetLastError = true)]
    public static partial int UnlockPt(SafeFileHandle fd);

    /// <summary>Returns 0 on success, else the error number (it does not set errno).</summary>
    [LibraryImport(Libc, EntryPoint = "ptsname_r")]
    public static partial int PtsNameR(SafeFileHandle fd, byte* buffer, nint length);

    [LibraryImport(Libc, EntryPoint = "socket", SetLastError = true)]
    public static partial int Socket(int domain, int type, int protocol);

    [LibraryImport(Libc, EntryPoint = "bind", SetLastError = true)]
    public static partial int Bind(SafeFileHandle fd, byte* address, uint addressLength);

    [LibraryImport(Libc, EntryPoint = "setsockopt", SetLastError = true)]
    public static partial int SetSockOpt(SafeFileHandle fd, int level, int name, byte* value, uint valueLength);

    /// <summary>Wraps a file descriptor libc returned, or throws for -1 with <paramref name="what"/> in the message.</summary>
    public static SafeFileHandle OwnDescriptor(int fd, string what)
    {
        if (fd < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"{what} failed: {Describe(errno)}", errno);
        }

        return new SafeFileHandle(fd, ownsHandle: true);
    }

    /// <summary>Throws an <see cref="IOException"/> when a libc call returned -1.</summary>
    public static void ThrowIfFailed(int result, string what)
    {
        if (result < 0)
        {
            var errno = Marshal.GetLastPInvokeError();
            throw new IOException($"{what} failed: {Describe(errno)}", errno);
        }
    }

    /// <summary><c>errno 5 (Input/output error)</c>.</summary>
    public static string Describe(int errno) => $"errno {errno} ({Marshal.GetPInvokeErrorMessage(errno)})";
}
