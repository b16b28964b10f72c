using AccelSdk.Bbdev.Fec;
using AccelSdk.Core.Devices;

namespace AccelSdk.Bbdev.Drivers.Software;

/// <summary>
/// Creates software baseband devices (<c>baseband_sw0</c>): LDPC encode/decode on the CPU, the SDK's default device.
/// Devargs: <c>max_nb_queues</c>, <c>socket_id</c>, <c>simd</c>, <c>workers</c>, <c>spin</c>.
/// </summary>
public sealed class BasebandSwDriver : IDeviceDriver
{
    /// <summary>The driver name.</summary>
    public const string DriverName = "baseband_sw";

    /// <inheritdoc />
    public string Name => DriverName;

    /// <inheritdoc />
    public IReadOnlyList<string> Aliases { get; } = ["bbdev_sw"];

    /// <inheritdoc />
    public DeviceClass Class => DeviceClass.Bbdev;

    /// <inheritdoc />
    public IReadOnlyList<string> ArgumentHelp { get; } =
    [
        "max_nb_queues=N (1..128, default 16)",
        "socket_id=N (-1..255, default -1)",
        "simd=auto|512|256|128|scalar (default auto)",
        "workers=0|1 (1: a worker thread per queue, asynchronous completion; default 0)",
        "spin=N (worker idle polls before sleeping, 0..1000000, default 2000)",
    ];

    /// <summary>Creates a device with explicit options (for code that does not go through devargs).</summary>
    public static BbdevDevice Create(string deviceName, SoftwareDeviceOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return BbdevDevice.Create(deviceName, new SoftwareDeviceOperations(deviceName, options));
    }

    /// <inheritdoc />
    public IAccelDevice Create(string deviceName, DeviceArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var options = new SoftwareDeviceOptions
        {
            MaxQueues = arguments.GetInt32("max_nb_queues", 16, 1, 128),
            Socket = arguments.GetInt32("socket_id", -1, -1, 255),
            Simd = ParseSimd(arguments.GetString("simd", "auto", "auto", "512", "256", "128", "scalar")),
            Workers = arguments.GetBoolean("workers", false),
            WorkerSpin = arguments.GetInt32("spin", 2000, 0, 1_000_000),
        };
        arguments.ThrowIfUnused(DriverName, ArgumentHelp);
        return Create(deviceName, options);
    }

    private static SimdWidth ParseSimd(string text) => SimdSupport.Parse(text);
}
