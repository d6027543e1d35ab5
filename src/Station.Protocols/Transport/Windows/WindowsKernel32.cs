using System.Runtime.InteropServices;
using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace Station.Protocols.Transport.Windows;

/// <summary>kernel32 calls for device files and COM ports (winbase.h, fileapi.h).</summary>
[SupportedOSPlatform("windows")]
internal static partial class WindowsKernel32
{
    public const uint GenericRead = 0x80000000;
    public const uint GenericWrite = 0x40000000;
    public const uint FileShareRead = 0x1;
    public const uint FileShareWrite = 0x2;
    public const uint OpenExisting = 3;
    public const uint FileFlagOverlapped = 0x40000000;

    public const uint PurgeRxClear = 0x0008;

    [LibraryImport("kernel32.dll", EntryPoint = "CreateFileW", SetLastError = true, StringMarshalling = StringMarshalling.Utf16)]
    public static partial SafeFileHandle CreateFile(
        string fileName, uint desiredAccess, uint shareMode, nint securityAttributes, uint creationDisposition, uint flagsAndAttributes, nint templateFile);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool GetCommState(SafeFileHandle file, ref Dcb dcb);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetCommState(SafeFileHandle file, ref Dcb dcb);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool SetCommTimeouts(SafeFileHandle file, ref CommTimeouts timeouts);

    [LibraryImport("kernel32.dll", SetLastError = true)]
    [return: MarshalAs(UnmanagedType.Bool)]
    public static partial bool PurgeComm(SafeFileHandle file, uint flags);
}

/// <summary>
/// DCB (winbase.h), 28 bytes. The C bit fields (fBinary … fAbortOnError) are one DWORD here, set
/// through <see cref="WithFlags"/>.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal struct Dcb
{
    // Bit positions of the DCB bit fields, in declaration order.
    public const uint FBinary = 1u << 0;
    public const uint FParity = 1u << 1;
    public const uint FOutxCtsFlow = 1u << 2;
    public const uint FOutxDsrFlow = 1u << 3;
    public const uint FDtrControlMask = 3u << 4;
    public const uint FDtrControlEnable = 1u << 4;
    public const uint FDsrSensitivity = 1u << 6;
    public const uint FTxContinueOnXoff = 1u << 7;
    public const uint FOutX = 1u << 8;
    public const uint FInX = 1u << 9;
    public const uint FErrorChar = 1u << 10;
    public const uint FNull = 1u << 11;
    public const uint FRtsControlMask = 3u << 12;
    public const uint FRtsControlEnable = 1u << 12;
    public const uint FAbortOnError = 1u << 14;

    public const byte NoParity = 0;
    public const byte OneStopBit = 0;

    public uint DcbLength;
    public uint BaudRate;
    public uint Flags;
    public ushort Reserved;
    public ushort XonLim;
    public ushort XoffLim;
    public byte ByteSize;
    public byte Parity;
    public byte StopBits;
    public byte XonChar;
    public byte XoffChar;
    public byte ErrorChar;
    public byte EofChar;
    public byte EvtChar;
    public ushort Reserved1;

    /// <summary>
    /// Binary mode, no parity check, no CTS/DSR/XON/XOFF flow control, DTR and RTS asserted (what
    /// Linux does on open), errors do not abort I/O.
    /// </summary>
    public static uint WithFlags(uint flags) =>
        (flags & ~(FParity | FOutxCtsFlow | FOutxDsrFlow | FDtrControlMask | FDsrSensitivity | FOutX | FInX
            | FErrorChar | FNull | FRtsControlMask | FAbortOnError))
        | FBinary | FTxContinueOnXoff | FDtrControlEnable | FRtsControlEnable;
}

/// <summary>COMMTIMEOUTS (winbase.h), 20 bytes.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct CommTimeouts
{
    public uint ReadIntervalTimeout;
    public uint ReadTotalTimeoutMultiplier;
    public uint ReadTotalTimeoutConstant;
    public uint WriteTotalTimeoutMultiplier;
    public uint WriteTotalTimeoutConstant;
}
