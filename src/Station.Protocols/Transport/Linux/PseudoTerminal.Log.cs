using Microsoft.Extensions.Logging;

namespace Station.Protocols.Transport.Linux;

public sealed partial class PseudoTerminal
{
    private static partial class Log
    {
        [LoggerMessage(EventId = TransportEventIds.PseudoTerminalOpened, Level = LogLevel.Debug, Message = "Opened pseudo-terminal, slave {SlavePath}")]
        public static partial void Opened(ILogger logger, string slavePath);
    }
}
