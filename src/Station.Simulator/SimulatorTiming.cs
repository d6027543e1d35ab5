namespace Station.Simulator;

/// <summary>
/// The timing model of a simulated board: how long the device side of each operation takes, and
/// how much of that the simulator actually waits (<see cref="ScaleFactor"/>). Flash figures come
/// from the board's <see cref="FlashDevice"/>; the transfer and OTP figures are here.
/// </summary>
public sealed record SimulatorTiming
{
    /// <summary>Boards answer at once; the model still counts device-bound time.</summary>
    public static SimulatorTiming Instant { get; } = new() { ScaleFactor = 0 };

    /// <summary>Boards take as long as the model says.</summary>
    public static SimulatorTiming Realistic { get; } = new() { ScaleFactor = 1 };

    /// <summary>
    /// Multiplies every modelled delay before the simulator waits for it: 0 = no waiting (fast
    /// tests), 1 = real time. The device-bound time totals are always unscaled.
    /// </summary>
    public double ScaleFactor { get; init; }

    /// <summary>
    /// Time per HID report on the flashloader's interrupt endpoints. High-speed, bInterval 0x03:
    /// 2^(3-1) microframes × 125 µs = 500 µs (PROTOCOLS 1.2), one report per interval.
    /// </summary>
    public TimeSpan UsbReportInterval { get; init; } = TimeSpan.FromMicroseconds(500);

    /// <summary>
    /// Time per HID report on the ROM's SDP endpoints. The ROM descriptor is unverified
    /// (PROTOCOLS 7.1); assumed to be the flashloader's 500 µs.
    /// </summary>
    public TimeSpan RomUsbReportInterval { get; init; } = TimeSpan.FromMicroseconds(500);

    /// <summary>UART bit rate used for byte times (10 bits per byte: start, 8 data, stop).</summary>
    public int UartBaudRate { get; init; } = 115_200;

    /// <summary>
    /// Programming one OCOTP word including the shadow reload. An assumption: the i.MX RT
    /// reference manuals give no single figure.
    /// </summary>
    public TimeSpan OtpProgramWord { get; init; } = TimeSpan.FromMicroseconds(400);

    /// <summary>
    /// From the moment a board leaves the bus (jump, reset, power-on, USB glitch) until it is
    /// listed again: boot, USB stack start and host enumeration. An assumption, not measured.
    /// </summary>
    public TimeSpan Reenumeration { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>Time on the wire for <paramref name="byteCount"/> UART bytes.</summary>
    public TimeSpan UartTime(int byteCount) =>
        TimeSpan.FromTicks((long)(byteCount * 10L * TimeSpan.TicksPerSecond / (double)UartBaudRate));
}
