using AccelSdk.Core.Devices;
using AccelSdk.Crypto;

namespace AccelSdk.Cli.Commands;

/// <summary>Finds or creates the crypto device a command works on, configured and started.</summary>
internal static class CryptoDeviceSetup
{
    /// <summary>
    /// The device named <paramref name="nameOrDevargs"/> if the registry has one, else a virtual device created from
    /// it; configured with <paramref name="queuePairs"/> queue pairs of <paramref name="depth"/> descriptors and started.
    /// </summary>
    public static CryptoDevice Open(DeviceRegistry registry, string nameOrDevargs, int queuePairs, int depth)
    {
        CryptoDevice device = registry.TryGet(nameOrDevargs, out IAccelDevice existing)
            ? existing as CryptoDevice ?? throw new ArgumentException($"Device {nameOrDevargs} is a {existing.Class} device, not a crypto device.")
            : registry.CreateVirtualDevice(nameOrDevargs) as CryptoDevice
                ?? throw new ArgumentException($"Device {nameOrDevargs} is not a crypto device.");
        device.Configure(new CryptoDeviceConfig { QueuePairCount = queuePairs });
        for (int qp = 0; qp < queuePairs; qp++)
        {
            device.SetupQueuePair(qp, new CryptoQueuePairConfig { DescriptorCount = depth });
        }

        device.Start();
        return device;
    }
}
