using AccelSdk.Core.Devices;

namespace AccelSdk.Crypto.Tests;

/// <summary>A started crypto device from a devargs string, with its registry, disposed together.</summary>
internal sealed class TestDevice : IDisposable
{
    private readonly DeviceRegistry _registry = new();

    public TestDevice(string devargs = "crypto_sw0", int queuePairs = 1, int depth = 128, bool start = true)
    {
        _registry.AddDriver(CryptoDrivers.CreateSoftwareDriver());
        Device = (CryptoDevice)_registry.CreateVirtualDevice(devargs);
        Device.Configure(new CryptoDeviceConfig { QueuePairCount = queuePairs });
        for (int qp = 0; qp < queuePairs; qp++)
        {
            Device.SetupQueuePair(qp, new CryptoQueuePairConfig { DescriptorCount = depth });
        }

        if (start)
        {
            Device.Start();
        }
    }

    public CryptoDevice Device { get; }

    public void Dispose() => _registry.Dispose();
}
