using System.Buffers.Binary;
using System.Runtime.Versioning;
using Microsoft.Win32.SafeHandles;

namespace Station.Protocols.Transport.Linux;

/// <summary>
/// Puts a tty into raw 8N1 mode without flow control. <c>struct termios</c> is handled as bytes:
/// glibc and musl on x86-64 and arm64 lay it out as c_iflag, c_oflag, c_cflag, c_lflag (4 bytes
/// each), c_line, c_cc[32], c_ispeed, c_ospeed (60 bytes); the buffer is larger to be safe.
/// </summary>
[SupportedOSPlatform("linux")]
internal static class LinuxTermios
{
    private const int TermiosBufferSize = 256;
    private const int IFlagOffset = 0;
    private const int CFlagOffset = 8;

    // asm-generic/termbits.h (octal in the header).
    private const uint IxAny = 0x800;      // 0004000
    private const uint IxOff = 0x1000;     // 0010000
    private const uint CStopB = 0x40;      // 0000100
    private const uint CRead = 0x80;       // 0000200
    private const uint ParEnb = 0x100;     // 0000400
    private const uint CLocal = 0x800;     // 0004000
    private const uint CRtsCts = 0x80000000; // 020000000000

    // Bxxx speed codes (asm-generic/termbits.h); cfsetospeed takes these, not numbers.
    private static readonly Dictionary<int, uint> SpeedCodes = new()
    {
        [50] = 0x1,
        [75] = 0x2,
        [110] = 0x3,
        [134] = 0x4,
        [150] = 0x5,
        [200] = 0x6,
        [300] = 0x7,
        [600] = 0x8,
        [1200] = 0x9,
        [1800] = 0xA,
        [2400] = 0xB,
        [4800] = 0xC,
        [9600] = 0xD,
        [19200] = 0xE,
        [38400] = 0xF,
        [57600] = 0x1001,
        [115200] = 0x1002,
        [230400] = 0x1003,
        [460800] = 0x1004,
        [500000] = 0x1005,
        [576000] = 0x1006,
        [921600] = 0x1007,
        [1000000] = 0x1008,
        [1152000] = 0x1009,
        [1500000] = 0x100A,
        [2000000] = 0x100B,
        [2500000] = 0x100C,
        [3000000] = 0x100D,
        [3500000] = 0x100E,
        [4000000] = 0x100F,
    };

    /// <summary>The Bxxx code for <paramref name="baudRate"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Linux has no speed code for the rate.</exception>
    public static uint SpeedCode(int baudRate) =>
        SpeedCodes.TryGetValue(baudRate, out var code)
            ? code
            : throw new ArgumentOutOfRangeException(
                nameof(baudRate), baudRate, $"Linux supports these baud rates: {string.Join(", ", SpeedCodes.Keys.Order())}.");

    /// <summary>
    /// cfmakeraw (no echo, no line editing, no CR/LF translation, no signals, 8 bits), then 8N1,
    /// receiver on, modem control lines ignored, no hardware or software flow control; and the
    /// baud rate when one is given.
    /// </summary>
    /// <exception cref="IOException">tcgetattr or tcsetattr failed (e.g. ENOTTY: not a terminal).</exception>
    public static unsafe void MakeRaw(SafeFileHandle fd, int? baudRate)
    {
        var speed = baudRate is { } rate ? SpeedCode(rate) : 0;

        var termios = stackalloc byte[TermiosBufferSize];
        new Span<byte>(termios, TermiosBufferSize).Clear();
        LinuxLibc.ThrowIfFailed(LinuxLibc.TcGetAttr(fd, termios), "tcgetattr");
        LinuxLibc.CfMakeRaw(termios);

        var bytes = new Span<byte>(termios, TermiosBufferSize);
        var iflag = BinaryPrimitives.ReadUInt32LittleEndian(bytes[IFlagOffset..]);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[IFlagOffset..], iflag & ~(IxOff | IxAny));
        var cflag = BinaryPrimitives.ReadUInt32LittleEndian(bytes[CFlagOffset..]);
        cflag = (cflag | CLocal | CRead) & ~(CStopB | ParEnb | CRtsCts);
        BinaryPrimitives.WriteUInt32LittleEndian(bytes[CFlagOffset..], cflag);

        if (baudRate is not null)
        {
            LinuxLibc.ThrowIfFailed(LinuxLibc.CfSetISpeed(termios, speed), "cfsetispeed");
            LinuxLibc.ThrowIfFailed(LinuxLibc.CfSetOSpeed(termios, speed), "cfsetospeed");
        }

        LinuxLibc.ThrowIfFailed(LinuxLibc.TcSetAttr(fd, LinuxLibc.TcsaNow, termios), "tcsetattr");
    }
}
