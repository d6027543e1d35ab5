using System.Runtime.InteropServices;

namespace Station.Protocols.Tests.Transport.Fixtures;

/// <summary>The few libc calls tests need to make real kernel peers (socket pairs, FIFOs).</summary>
internal static partial class TestLibc
{
    public const int AfUnix = 1;
    public const int SockSeqPacket = 5;
    public const int SockNonBlock = 0x800;
    public const int SockCloExec = 0x80000;

    [DllImport("libc", EntryPoint = "socketpair", SetLastError = true)]
    public static extern int SocketPair(int domain, int type, int protocol, [Out] int[] fds);

    [DllImport("libc", EntryPoint = "mkfifo", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    public static extern int MkFifo([MarshalAs(UnmanagedType.LPUTF8Str)] string path, uint mode);

    [DllImport("libc", EntryPoint = "send", SetLastError = true)]
    public static extern nint Send(SafeHandle fd, byte[] buffer, nint length, int flags);

    [DllImport("libc", EntryPoint = "recv", SetLastError = true)]
    public static extern nint Receive(SafeHandle fd, [Out] byte[] buffer, nint length, int flags);
}
