using System.Threading.Channels;

namespace Station.Host.Hubs;

/// <summary>
/// Messages waiting for the hub, in the order they were posted. Posting never blocks (run events
/// are published between device commands); <see cref="HubSender"/> sends them.
/// </summary>
internal sealed class HubOutbox
{
    private readonly Channel<HubMessage> _messages = Channel.CreateUnbounded<HubMessage>(new UnboundedChannelOptions { SingleReader = true });

    public ChannelReader<HubMessage> Reader => _messages.Reader;

    public void Post(HubMessage message) => _messages.Writer.TryWrite(message);
}
