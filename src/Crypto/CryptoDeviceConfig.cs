namespace AccelSdk.Crypto;

/// <summary>Device configuration (DPDK <c>rte_cryptodev_config</c>), applied with <see cref="CryptoDevice.Configure"/> while stopped.</summary>
public sealed class CryptoDeviceConfig
{
    /// <summary>Number of queue pairs, in [1, <see cref="CryptoDeviceInfo.MaxQueuePairs"/>]. Default 1.</summary>
    public int QueuePairCount { get; set; } = 1;

    /// <summary>NUMA node for the queue memory, or −1 for any. Default −1.</summary>
    public int SocketId { get; set; } = -1;

    /// <summary>Features to switch off (DPDK <c>ff_disable</c>); only <see cref="CryptoFeatureFlags.SymmetricCrypto"/> matters to symmetric devices. Default none.</summary>
    public CryptoFeatureFlags DisabledFeatures { get; set; }
}
