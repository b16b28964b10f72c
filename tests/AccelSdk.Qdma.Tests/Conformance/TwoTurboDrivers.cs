using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Drivers.Software;
using AccelSdk.Core.Buffers;
using AccelSdk.Qdma.Tests.Infrastructure;

namespace AccelSdk.Qdma.Tests.Conformance;

/// <summary><c>baseband_qdma</c> and <c>baseband_sw</c> side by side with a turbo encode queue (0) and a turbo decode queue (1) each.</summary>
public sealed class TwoTurboDrivers : IDisposable
{
    public TwoTurboDrivers()
    {
        Qdma = new QdmaFixture(realEngine: true);
        QdmaDevice = Qdma.Device;
        Software = BasebandSwDriver.Create("baseband_sw_turbo_diff", new SoftwareDeviceOptions());
        foreach (BbdevDevice device in new[] { QdmaDevice, Software })
        {
            device.SetupQueues(2);
            device.ConfigureQueue(0, new BbdevQueueConfig { OpType = BbdevOpType.TurboEnc, QueueSize = 16 });
            device.ConfigureQueue(1, new BbdevQueueConfig { OpType = BbdevOpType.TurboDec, QueueSize = 16 });
            device.Start();
        }

        Pool = BufferPool.Create(new BufferPoolOptions { Name = "turbo_diff", RoomSize = 1 << 16, Count = 64, CacheSize = 0 });
    }

    internal QdmaFixture Qdma { get; }

    public BbdevDevice QdmaDevice { get; }

    public BbdevDevice Software { get; }

    public BufferPool Pool { get; }

    public void Dispose()
    {
        Software.Dispose();
        Qdma.Dispose();
        Pool.Dispose();
    }
}
