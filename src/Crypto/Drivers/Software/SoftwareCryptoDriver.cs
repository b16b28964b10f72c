using AccelSdk.Core.Devices;

namespace AccelSdk.Crypto.Drivers.Software;

/// <summary>The <c>crypto_sw</c> virtual-device driver: creates <see cref="SoftwareCryptoDevice"/>s from devargs.</summary>
internal sealed class SoftwareCryptoDriver : IDeviceDriver
{
    public const string DriverName = "crypto_sw";

    private static readonly string[] s_help =
    [
        "max_queues=N queue pairs, 1..64 (default 8)",
        "workers=N worker threads for asynchronous completion, 0..64, 0 = process inside enqueue (default 0)",
        "max_sessions=N live session limit, 0 = none (default 0)",
        "impl=auto|scalar kernels: fastest for this CPU, or the scalar references (default auto)",
    ];

    public string Name => DriverName;

    public IReadOnlyList<string> Aliases { get; } = ["crypto_soft"];

    public DeviceClass Class => DeviceClass.Crypto;

    public IReadOnlyList<string> ArgumentHelp => s_help;

    public IAccelDevice Create(string deviceName, DeviceArguments arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        int maxQueues = arguments.GetInt32("max_queues", 8, 1, 64);
        int workers = arguments.GetInt32("workers", 0, 0, 64);
        int maxSessions = arguments.GetInt32("max_sessions", 0, 0, int.MaxValue);
        string impl = arguments.GetString("impl", "auto", "auto", "scalar");
        arguments.ThrowIfUnused(DriverName, s_help);
        var options = new SoftwareCryptoOptions(maxQueues, workers, maxSessions, impl == "scalar" ? KernelOptions.Scalar : KernelOptions.Auto);
        return new SoftwareCryptoDevice(deviceName, options);
    }
}
