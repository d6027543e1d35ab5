namespace Station.Simulator;

/// <summary>
/// Device-bound time the timing model predicts for what a board has done so far (unscaled), by
/// category. Benchmarks compare a host's cycle time with <see cref="Total"/>; take a snapshot
/// before and after a sequence and subtract.
/// </summary>
/// <param name="UsbTransfer">HID reports moved, at one report per interval.</param>
/// <param name="UartTransfer">UART bytes moved, at the baud rate.</param>
/// <param name="FlashErase">Sector and chip erases.</param>
/// <param name="FlashProgram">Page programs.</param>
/// <param name="OtpProgram">eFuse word programs.</param>
/// <param name="Enumeration">Boot and USB re-enumeration gaps (jump, reset, power-on).</param>
public readonly record struct DeviceTime(
    TimeSpan UsbTransfer,
    TimeSpan UartTransfer,
    TimeSpan FlashErase,
    TimeSpan FlashProgram,
    TimeSpan OtpProgram,
    TimeSpan Enumeration)
{
    /// <summary>The sum of every category.</summary>
    public TimeSpan Total => UsbTransfer + UartTransfer + FlashErase + FlashProgram + OtpProgram + Enumeration;

    /// <summary>What happened between two snapshots.</summary>
    public static DeviceTime operator -(DeviceTime later, DeviceTime earlier) => new(
        later.UsbTransfer - earlier.UsbTransfer,
        later.UartTransfer - earlier.UartTransfer,
        later.FlashErase - earlier.FlashErase,
        later.FlashProgram - earlier.FlashProgram,
        later.OtpProgram - earlier.OtpProgram,
        later.Enumeration - earlier.Enumeration);

    /// <summary>Same as the <c>-</c> operator.</summary>
    public static DeviceTime Subtract(DeviceTime later, DeviceTime earlier) => later - earlier;
}
