namespace Station.Protocols.Transport.Windows;

/// <summary>
/// Turns a Win32 error from a device read or write into the transport's exceptions (STYLE 4.6).
/// Pure, so the mapping is tested on every platform.
/// </summary>
internal static class WindowsErrors
{
    // winerror.h
    public const int ErrorFileNotFound = 2;
    public const int ErrorPathNotFound = 3;
    public const int ErrorAccessDenied = 5;
    public const int ErrorInvalidHandle = 6;
    public const int ErrorNotReady = 21;
    public const int ErrorGenFailure = 31;
    public const int ErrorSharingViolation = 32;
    public const int ErrorBadCommand = 22;
    public const int ErrorDevNotExist = 55;
    public const int ErrorOperationAborted = 995;
    public const int ErrorDeviceNotConnected = 1167;
    public const int ErrorNoSuchDevice = 433;
    public const int ErrorSemTimeout = 121;

    /// <summary>The Win32 error inside an exception from the BCL (HRESULT_FROM_WIN32), or 0.</summary>
    public static int Win32ErrorOf(Exception exception) =>
        (exception.HResult & 0xFFFF0000) == 0x80070000 ? exception.HResult & 0xFFFF : 0;

    /// <summary>The exception for Win32 error <paramref name="error"/> from <paramref name="operation"/>.</summary>
    public static DeviceException ToException(int error, string deviceAddress, string operation, TimeSpan timeout, Exception? inner = null)
    {
        inner ??= new IOException(
            $"{operation} on {deviceAddress} failed: Win32 error {error} ({System.Runtime.InteropServices.Marshal.GetPInvokeErrorMessage(error)}).",
            unchecked((int)0x80070000) | error);
        return error switch
        {
            // Unplugged while open: ReadFile/WriteFile fail with DEVICE_NOT_CONNECTED (HID) or
            // GEN_FAILURE/BAD_COMMAND (usbser); a stale interface path gives FILE_NOT_FOUND.
            ErrorDeviceNotConnected or ErrorGenFailure or ErrorFileNotFound or ErrorPathNotFound or ErrorDevNotExist
                or ErrorNoSuchDevice or ErrorNotReady or ErrorBadCommand or ErrorInvalidHandle
                => new DeviceDisconnectedException(deviceAddress, inner),
            ErrorSemTimeout => new DeviceTimeoutException(deviceAddress, timeout, operation),
            _ => new DeviceTransportException(deviceAddress, $"{operation} on {deviceAddress} failed: {inner.Message}", inner),
        };
    }
}
