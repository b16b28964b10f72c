using AccelSdk.Core.Devices;
using AccelSdk.Crypto.Drivers.Software;

namespace AccelSdk.Crypto;

/// <summary>The crypto drivers this assembly ships, for registries built without dependency injection.</summary>
public static class CryptoDrivers
{
    /// <summary>Name of the software driver: devices <c>crypto_sw0</c>, <c>crypto_sw1</c>, …</summary>
    public const string SoftwareDriverName = SoftwareCryptoDriver.DriverName;

    /// <summary>
    /// Creates the <c>crypto_sw</c> driver. Device arguments: <c>max_queues=N</c> (1..64, default 8),
    /// <c>workers=N</c> (0..64; 0 processes inside enqueue, N &gt; 0 completes on N threads, order kept per queue pair),
    /// <c>max_sessions=N</c> (0 = no limit), <c>impl=auto|scalar</c>.
    /// </summary>
    public static IDeviceDriver CreateSoftwareDriver() => new SoftwareCryptoDriver();
}
