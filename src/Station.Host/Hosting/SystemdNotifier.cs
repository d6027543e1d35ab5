using System.Net.Sockets;
using System.Text;

namespace Station.Host.Hosting;

/// <summary>
/// systemd readiness without the hosting package (sd_notify(3) is a datagram to the socket named
/// by NOTIFY_SOCKET): <c>READY=1</c> once the server listens, <c>STOPPING=1</c> when it stops.
/// A path starting with '@' is in the abstract namespace (a leading NUL byte). Nothing is sent when
/// the variable is unset (not started by systemd with Type=notify). <c>Hosting:NotifySocket</c>
/// overrides the variable (tests).
/// </summary>
internal sealed partial class SystemdNotifier(IConfiguration configuration, IHostApplicationLifetime lifetime, ILogger<SystemdNotifier> logger) : IHostedService
{
    private string? Socket => configuration["Hosting:NotifySocket"] is { Length: > 0 } configured
        ? configured
        : Environment.GetEnvironmentVariable("NOTIFY_SOCKET");

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (Socket is not null)
        {
            lifetime.ApplicationStarted.Register(() => Notify("READY=1\nSTATUS=Station is provisioning"));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        if (Socket is not null)
        {
            Notify("STOPPING=1");
        }

        return Task.CompletedTask;
    }

    /// <summary>Sends one notification; false (and a warning) when it could not be sent.</summary>
    public bool Notify(string state)
    {
        var path = Socket;
        if (path is null)
        {
            return false;
        }

        try
        {
            using var socket = new Socket(AddressFamily.Unix, SocketType.Dgram, ProtocolType.Unspecified);
            var endpoint = new UnixDomainSocketEndPoint(path[0] == '@' ? "\0" + path[1..] : path);
            socket.SendTo(Encoding.UTF8.GetBytes(state), endpoint);
            return true;
        }
        catch (SocketException exception)
        {
            Log.NotifyFailed(logger, path, exception);
            return false;
        }
    }
}
