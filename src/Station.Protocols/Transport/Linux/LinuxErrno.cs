namespace Station.Protocols.Transport.Linux;

/// <summary>
/// Turns an errno from a device read or write into the transport's exceptions (STYLE 4.6): the
/// device gone is <see cref="DeviceDisconnectedException"/>, a kernel timeout is
/// <see cref="DeviceTimeoutException"/>, anything else <see cref="DeviceTransportException"/>.
/// The inner <see cref="IOException"/> carries the errno as its HResult, as .NET does on Unix.
/// </summary>
internal static class LinuxErrno
{
    // Numbers from asm-generic/errno-base.h and errno.h (the same on x86-64 and arm64).
    private const int ENoEnt = 2;
    private const int EIO = 5;
    private const int ENxIO = 6;
    private const int ENoDev = 19;
    private const int EShutdown = 108;
    private const int ETimedOut = 110;

    /// <summary>
    /// The exception for <paramref name="errno"/> from <paramref name="operation"/> on
    /// <paramref name="deviceAddress"/>; <paramref name="timeout"/> is the caller's, reported when
    /// the kernel itself timed out.
    /// </summary>
    public static DeviceException ToException(int errno, string deviceAddress, string operation, TimeSpan timeout)
    {
        var inner = new IOException(
            $"{operation} on {deviceAddress} failed: errno {errno} ({System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(errno)}).",
            errno);
        return errno switch
        {
            // hidraw: ENODEV from write and EIO from read once the device is unplugged (drivers/hid/hidraw.c);
            // a tty answers EIO after hang-up; ENXIO/ENOENT/ESHUTDOWN: the node or the USB device is gone.
            ENoDev or EIO or ENxIO or ENoEnt or EShutdown => new DeviceDisconnectedException(deviceAddress, inner),

            // usb_interrupt_msg gives up after USB_CTRL_SET_TIMEOUT (5 s) when the device does not take an OUT report.
            ETimedOut => new DeviceTimeoutException(deviceAddress, timeout, operation),
            _ => new DeviceTransportException(deviceAddress, inner.Message, inner),
        };
    }

    /// <summary>End of file where a device never ends its stream: the peer (device, pty master) is gone.</summary>
    public static DeviceDisconnectedException EndOfFile(string deviceAddress, string operation) =>
        new(deviceAddress, new IOException($"{operation} on {deviceAddress} returned end of file."));
}
