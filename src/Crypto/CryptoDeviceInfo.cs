using AccelSdk.Crypto.Capabilities;
using AccelSdk.Crypto.Transforms;

namespace AccelSdk.Crypto;

/// <summary>What a device is and supports (DPDK <c>rte_cryptodev_info</c>).</summary>
public sealed class CryptoDeviceInfo
{
    /// <summary>Creates the description a driver publishes.</summary>
    /// <param name="driverName">The driver's name.</param>
    /// <param name="featureFlags">Supported features.</param>
    /// <param name="capabilities">Supported algorithms and sizes.</param>
    /// <param name="maxQueuePairs">Largest queue pair count for <see cref="CryptoDevice.Configure"/>.</param>
    /// <param name="minQueueDepth">Smallest descriptor count per queue pair.</param>
    /// <param name="maxQueueDepth">Largest descriptor count per queue pair.</param>
    /// <param name="maxSessions">Largest number of live sessions, or 0 for no limit.</param>
    public CryptoDeviceInfo(string driverName, CryptoFeatureFlags featureFlags, IReadOnlyList<CryptoCapability> capabilities,
        int maxQueuePairs, int minQueueDepth, int maxQueueDepth, int maxSessions)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(driverName);
        ArgumentNullException.ThrowIfNull(capabilities);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxQueuePairs, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(minQueueDepth, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxQueueDepth, minQueueDepth);
        ArgumentOutOfRangeException.ThrowIfNegative(maxSessions);
        DriverName = driverName;
        FeatureFlags = featureFlags;
        Capabilities = capabilities.ToArray();
        MaxQueuePairs = maxQueuePairs;
        MinQueueDepth = minQueueDepth;
        MaxQueueDepth = maxQueueDepth;
        MaxSessions = maxSessions;
    }

    /// <summary>The driver's name (<c>crypto_sw</c>).</summary>
    public string DriverName { get; }

    /// <summary>Supported features.</summary>
    public CryptoFeatureFlags FeatureFlags { get; }

    /// <summary>Supported algorithms and their size ranges.</summary>
    public IReadOnlyList<CryptoCapability> Capabilities { get; }

    /// <summary>Largest queue pair count.</summary>
    public int MaxQueuePairs { get; }

    /// <summary>Smallest descriptor count of a queue pair.</summary>
    public int MinQueueDepth { get; }

    /// <summary>Largest descriptor count of a queue pair.</summary>
    public int MaxQueueDepth { get; }

    /// <summary>Largest number of live sessions, or 0 for no limit.</summary>
    public int MaxSessions { get; }

    /// <summary>The capability entry of a cipher algorithm, or <see langword="null"/> (DPDK <c>rte_cryptodev_sym_capability_get</c>).</summary>
    public CryptoCapability? FindCipher(CipherAlgorithm algorithm) =>
        Capabilities.FirstOrDefault(c => c.Type == TransformType.Cipher && c.CipherAlgorithm == algorithm);

    /// <summary>The capability entry of an auth algorithm, or <see langword="null"/>.</summary>
    public CryptoCapability? FindAuth(AuthAlgorithm algorithm) =>
        Capabilities.FirstOrDefault(c => c.Type == TransformType.Auth && c.AuthAlgorithm == algorithm);

    /// <summary>The capability entry of an AEAD algorithm, or <see langword="null"/>.</summary>
    public CryptoCapability? FindAead(AeadAlgorithm algorithm) =>
        Capabilities.FirstOrDefault(c => c.Type == TransformType.Aead && c.AeadAlgorithm == algorithm);

    /// <summary>
    /// Whether a session could be created from <paramref name="transform"/>: chain order, algorithms and every
    /// size (the checks <see cref="CryptoDevice.CreateSession"/> makes), without throwing.
    /// </summary>
    /// <param name="transform">The transform or chain.</param>
    /// <param name="reason">Why not, naming the field, value and allowed range; <see langword="null"/> when supported.</param>
    public bool Supports(CryptoTransform transform, out string? reason)
    {
        (string Message, bool NotSupported)? problem = SessionValidator.Check(this, transform);
        reason = problem?.Message;
        return problem is null;
    }
}
