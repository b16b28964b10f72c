using AccelSdk.Core.Devices;
using AccelSdk.Uacce.Drivers;

namespace AccelSdk.Uacce.Tests.Infrastructure;

/// <summary>A configurable UACCE driver that creates <see cref="FakeAccelDevice"/>s.</summary>
internal sealed class TestDriver : IUacceDriver
{
    public TestDriver(string name, UacceDriverFlags flags, params UacceDriverId[] ids)
    {
        Name = name;
        Flags = flags;
        IdTable = ids;
    }

    public string Name { get; }

    public DeviceClass Class => DeviceClass.Dma;

    public IReadOnlyList<UacceDriverId> IdTable { get; }

    public UacceDriverFlags Flags { get; }

    public IReadOnlyList<string> ArgumentHelp => ["queues=N (default 1)"];

    /// <summary>Devices created per UACCE device (0 declines).</summary>
    public int DevicesPerProbe { get; set; } = 1;

    /// <summary>Thrown from Probe when set.</summary>
    public Exception? ProbeFailure { get; set; }

    public List<UacceDeviceContext> Probed { get; } = new();

    public List<FakeAccelDevice> Created { get; } = new();

    public IReadOnlyList<IAccelDevice> Probe(UacceDeviceContext context)
    {
        Probed.Add(context);
        if (ProbeFailure is not null)
        {
            throw ProbeFailure;
        }

        var devices = new List<IAccelDevice>();
        for (int i = 0; i < DevicesPerProbe; i++)
        {
            var device = new FakeAccelDevice($"{context.Device.Name}-{Name}{i}", Name, context);
            Created.Add(device);
            devices.Add(device);
        }

        return devices;
    }
}
