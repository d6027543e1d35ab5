using System.Buffers.Binary;

namespace Station.Protocols.MBoot;

public sealed partial class MBootClient
{
    /// <summary>
    /// <c>get-property</c>: the property's values, or null when the device does not know the
    /// property (10300 UnknownProperty, a normal answer). Any other failure status throws.
    /// </summary>
    public Task<IReadOnlyList<uint>?> GetPropertyAsync(MBootPropertyTag property, CancellationToken cancellationToken) =>
        GetPropertyAsync(property, 0, cancellationToken);

    /// <summary>
    /// <c>get-property</c> with an index: a memory ID for <see cref="MBootPropertyTag.ExternalMemoryAttributes"/>,
    /// a RAM region index for <see cref="MBootPropertyTag.RamStartAddress"/> and <see cref="MBootPropertyTag.RamSizeInBytes"/>.
    /// </summary>
    public Task<IReadOnlyList<uint>?> GetPropertyAsync(MBootPropertyTag property, uint index, CancellationToken cancellationToken) =>
        RunAsync(async token => (await GetPropertyCoreAsync(property, index, token))?.Values, cancellationToken);

    /// <summary>The bootloader version (<c>K2.1.0</c>), or null when not reported.</summary>
    public Task<MBootVersion?> GetCurrentVersionAsync(CancellationToken cancellationToken) =>
        GetTypedPropertyAsync(MBootPropertyTag.CurrentVersion, 0, 1, values => MBootVersion.FromUInt32(values[0]), cancellationToken);

    /// <summary>The largest data packet the device takes (1012 over USB HID, 512 over UART), or null.</summary>
    public Task<int?> GetMaxPacketSizeAsync(CancellationToken cancellationToken) =>
        GetTypedPropertyAsync<int?>(MBootPropertyTag.MaxPacketSize, 0, 1, values => (int)Math.Min(values[0], int.MaxValue), cancellationToken);

    /// <summary>
    /// The chip's unique ID: the property's words as little-endian bytes, in order (on RT10xx
    /// OCOTP CFG0 then CFG1, 8 bytes), as SPSDK prints it; or null.
    /// </summary>
    public Task<byte[]?> GetUniqueDeviceIdAsync(CancellationToken cancellationToken) =>
        GetTypedPropertyAsync(
            MBootPropertyTag.UniqueDeviceId,
            0,
            1,
            values =>
            {
                var bytes = new byte[sizeof(uint) * values.Count];
                for (var i = 0; i < values.Count; i++)
                {
                    BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(sizeof(uint) * i), values[i]);
                }

                return bytes;
            },
            cancellationToken);

    /// <summary>
    /// External memory attributes of <paramref name="memoryId"/>, or null when the property is
    /// unknown. A memory that is not configured yet throws with 10205 MemoryNotConfigured.
    /// </summary>
    public Task<MBootExternalMemoryAttributes?> GetExternalMemoryAttributesAsync(MBootMemoryId memoryId, CancellationToken cancellationToken) =>
        GetTypedPropertyAsync(
            MBootPropertyTag.ExternalMemoryAttributes,
            (uint)memoryId,
            MBootExternalMemoryAttributes.ValueCount,
            MBootExternalMemoryAttributes.FromValues,
            cancellationToken);

    /// <summary>Reserved regions (flash, then RAM: the flashloader itself), skipping empty ones; or null.</summary>
    public Task<IReadOnlyList<MBootMemoryRegion>?> GetReservedRegionsAsync(CancellationToken cancellationToken) =>
        GetTypedPropertyAsync<IReadOnlyList<MBootMemoryRegion>?>(
            MBootPropertyTag.ReservedRegions,
            0,
            0,
            values =>
            {
                // Start/end pairs; SPSDK ReservedRegionsValue skips a pair whose end is 0 (an empty region).
                var regions = new List<MBootMemoryRegion>();
                for (var i = 0; i + 1 < values.Count; i += 2)
                {
                    if (values[i + 1] != 0)
                    {
                        regions.Add(new MBootMemoryRegion(values[i], values[i + 1]));
                    }
                }

                return regions;
            },
            cancellationToken);

    /// <summary>The commands the device lists as available, or null.</summary>
    public Task<MBootAvailableCommands?> GetAvailableCommandsAsync(CancellationToken cancellationToken) =>
        GetTypedPropertyAsync(MBootPropertyTag.AvailableCommands, 0, 1, values => new MBootAvailableCommands(values[0]), cancellationToken);

    /// <summary>The security state (HAB open or closed on i.MX), or null.</summary>
    public Task<MBootSecurityState?> GetSecurityStateAsync(CancellationToken cancellationToken) =>
        GetTypedPropertyAsync(MBootPropertyTag.SecurityState, 0, 1, values => new MBootSecurityState(values[0]), cancellationToken);

    /// <summary><c>set-property</c>. Most properties are read-only on the i.MX flashloader (10301).</summary>
    public Task SetPropertyAsync(MBootPropertyTag property, uint value, CancellationToken cancellationToken)
    {
        var command = new MBootCommand(MBootCommandTag.SetProperty, false, [(uint)property, value]);
        return RunAsync(token => RunGenericAsync(command, _options.ResponseTimeout, token), cancellationToken);
    }

    private Task<T?> GetTypedPropertyAsync<T>(
        MBootPropertyTag property, uint index, int minimumValues, Func<IReadOnlyList<uint>, T> convert, CancellationToken cancellationToken) =>
        RunAsync(
            async token =>
            {
                var response = await GetPropertyCoreAsync(property, index, token);
                if (response is null)
                {
                    return default;
                }

                if (response.Values.Count < Math.Max(minimumValues, 1))
                {
                    throw MBootResponse.Violation(
                        DeviceAddress, $"{property} returned {response.Values.Count} values; it has at least {Math.Max(minimumValues, 1)}.", response.RawBytes);
                }

                return convert(response.Values);
            },
            cancellationToken);

    /// <summary>One get-property exchange; null when the device does not know the property.</summary>
    private async Task<MBootGetPropertyResponse?> GetPropertyCoreAsync(MBootPropertyTag property, uint index, CancellationToken cancellationToken)
    {
        var command = new MBootCommand(MBootCommandTag.GetProperty, false, [(uint)property, index]);
        var response = await ExchangeAsync(command, _options.ResponseTimeout, cancellationToken);
        if (response.Status == MBootStatusCode.UnknownProperty && response is MBootGetPropertyResponse or MBootGenericResponse { CommandTag: MBootCommandTag.GetProperty })
        {
            return null;
        }

        var typed = Expect<MBootGetPropertyResponse>(response, MBootCommandTag.GetProperty);
        ThrowIfFailed(typed, MBootCommandTag.GetProperty);
        return typed;
    }
}
