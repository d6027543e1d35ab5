namespace Station.Simulator.Timing;

/// <summary>Where modelled device time goes (the fields of <see cref="DeviceTime"/>).</summary>
internal enum DeviceTimeCategory
{
    UsbTransfer,
    UartTransfer,
    FlashErase,
    FlashProgram,
    OtpProgram,
    Enumeration,
}
