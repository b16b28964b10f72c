using AccelSdk.Core.Devices;
using AccelSdk.Uacce.Drivers;

namespace AccelSdk.Uacce.Tests.Infrastructure;

/// <summary>A class device that only records its context and whether it was disposed.</summary>
internal sealed class FakeAccelDevice(string name, string driverName, UacceDeviceContext context) : IAccelDevice
{
    public string Name { get; } = name;

    public string DriverName { get; } = driverName;

    public DeviceClass Class => DeviceClass.Dma;

    public int NumaNode => Context.Device.NumaNode;

    public DeviceState State => Disposed ? DeviceState.Closed : DeviceState.Initialized;

    public int QueueCount => 0;

    public string Location => Context.Device.Location;

    public UacceDeviceContext Context { get; } = context;

    public bool Disposed { get; private set; }

    public void Dispose() => Disposed = true;
}
