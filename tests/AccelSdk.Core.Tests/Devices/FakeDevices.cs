using AccelSdk.Core.Devices;

namespace AccelSdk.Core.Tests.Devices;

internal sealed class FakeDevice(string name, string driver, int queues = 0) : IAccelDevice
{
    public string Name { get; } = name;

    public string DriverName { get; } = driver;

    public DeviceClass Class => DeviceClass.Dma;

    public int NumaNode => -1;

    public DeviceState State { get; private set; } = DeviceState.Initialized;

    public int QueueCount { get; } = queues;

    public string Location => "vdev";

    public bool Disposed { get; private set; }

    public void Dispose()
    {
        Disposed = true;
        State = DeviceState.Closed;
    }
}

internal sealed class FakeDriver : IDeviceDriver
{
    public string Name => "dma_fake";

    public IReadOnlyList<string> Aliases => ["fake"];

    public DeviceClass Class => DeviceClass.Dma;

    public IReadOnlyList<string> ArgumentHelp => ["queues=N (1..8, default 1)"];

    public IAccelDevice Create(string deviceName, DeviceArguments arguments)
    {
        int queues = arguments.GetInt32("queues", 1, 1, 8);
        arguments.ThrowIfUnused(Name, ArgumentHelp);
        return new FakeDevice(deviceName, Name, queues);
    }
}
