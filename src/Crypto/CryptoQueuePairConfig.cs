namespace AccelSdk.Crypto;

/// <summary>Queue-pair configuration (DPDK <c>rte_cryptodev_qp_conf</c>), applied with <see cref="CryptoDevice.SetupQueuePair"/>.</summary>
public sealed class CryptoQueuePairConfig
{
    /// <summary>Ops the queue pair holds in flight, in [<see cref="CryptoDeviceInfo.MinQueueDepth"/>, <see cref="CryptoDeviceInfo.MaxQueueDepth"/>]. Default 2048 (test-crypto-perf's default).</summary>
    public int DescriptorCount { get; set; } = 2048;

    /// <summary>Priority, 0 (highest) to 255 (lowest). Default 128 (normal). Software devices ignore it.</summary>
    public int Priority { get; set; } = 128;
}
