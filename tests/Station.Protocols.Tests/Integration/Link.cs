namespace Station.Protocols.Tests.Integration;

/// <summary>How the host reaches the simulated board in an integration test.</summary>
public enum Link
{
    /// <summary>USB HID: the simulated bus and an in-memory report pair; HID framing.</summary>
    Usb,

    /// <summary>UART: a real pseudo-terminal served by the board, the host on its slave; UART framing.</summary>
    Uart,
}
