using Microsoft.Extensions.Logging;

namespace Station.Protocols.MBoot;

public sealed partial class MBootClient
{
    private async Task<MBootResponse> ExchangeAsync(MBootCommand command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await SendCommandAsync(command, timeout, cancellationToken);
        return await ReadResponseAsync(timeout, cancellationToken);
    }

    private ValueTask SendCommandAsync(MBootCommand command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (_logger.IsEnabled(LogLevel.Debug))
        {
            Log.CommandSent(_logger, command.ToString());
        }

        var length = command.Encode(_commandBuffer);
        return _framing.WriteCommandAsync(_commandBuffer.AsMemory(0, length), timeout, cancellationToken);
    }

    private async Task<MBootResponse> ReadResponseAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var packet = await _framing.ReadResponseAsync(timeout, cancellationToken);
        var response = MBootResponse.Decode(packet.Span, DeviceAddress);
        Log.ResponseReceived(_logger, response.Tag, response.Status);
        return response;
    }

    /// <summary>Sends a command whose only answer is a GenericResponse, and checks its status.</summary>
    private async Task RunGenericAsync(MBootCommand command, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var response = Expect<MBootGenericResponse>(await ExchangeAsync(command, timeout, cancellationToken), command.Tag);
        ThrowIfFailed(response, command.Tag);
    }

    /// <summary>
    /// Checks that <paramref name="response"/> is the kind that answers <paramref name="command"/>.
    /// A device that cannot run a command (unknown, unsupported, not allowed) answers with a
    /// GenericResponse carrying the error instead of the command's own response: that becomes an
    /// <see cref="MBootCommandException"/>. Anything else out of place is a protocol violation.
    /// </summary>
    private T Expect<T>(MBootResponse response, MBootCommandTag command)
        where T : MBootResponse
    {
        if (response is MBootGenericResponse generic && generic.CommandTag != command)
        {
            throw MBootResponse.Violation(
                DeviceAddress, $"GenericResponse answers command {generic.CommandTag}; expected an answer to {command}.", generic.RawBytes);
        }

        if (response is T typed)
        {
            return typed;
        }

        if (response is MBootGenericResponse { IsSuccess: false } refusal)
        {
            ThrowIfFailed(refusal, command);
        }

        throw MBootResponse.Violation(
            DeviceAddress, $"{response.Tag} response (status {(uint)response.Status}) does not answer {command}.", response.RawBytes);
    }

    private void ThrowIfFailed(MBootResponse response, MBootCommandTag command)
    {
        if (!response.IsSuccess)
        {
            Log.CommandFailed(_logger, command, (uint)response.Status, MBootStatus.GetDescription(response.Status));
            throw new MBootCommandException(DeviceAddress, command, response.Status);
        }
    }
}
