using AccelSdk.Core.Devices;

namespace AccelSdk.Bbdev.Drivers.Null;

/// <summary>
/// Creates null baseband devices (<c>baseband_null0</c>, alias <c>bbdev_null</c>) that return ops untouched, for
/// measuring the framework's own cost.
/// </summary>
public sealed class BasebandNullDriver : IDeviceDriver
{
    /// <summary>The driver name.</summary>
    public const string DriverName = "baseband_null";

    /// <inheritdoc />
    public string Name => DriverName;

    /// <inheritdoc />
    public IReadOnlyList<string> Aliases { get; } = ["bbdev_null"];

    /// <inheritdoc />
    public DeviceClass Class => DeviceClass.Bbdev;

    /// <inheritdoc />
    public IReadOnlyList<string> ArgumentHelp { get; } = ["max_nb_queues=N (1..128, default 16)", "socket_id=N (-1..255, default -1)"];

    /// <inheritdoc />
    public IAccelDevice Create(string deviceName, DeviceArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        int maxQueues = arguments.GetInt32("max_nb_queues", 16, 1, 128);
        int socket = arguments.GetInt32("socket_id", -1, -1, 255);
        arguments.ThrowIfUnused(DriverName, ArgumentHelp);
        return BbdevDevice.Create(deviceName, new NullDeviceOperations(maxQueues, socket));
    }
}
