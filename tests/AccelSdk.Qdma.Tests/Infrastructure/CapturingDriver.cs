using AccelSdk.Core.Devices;
using AccelSdk.Qdma.Baseband;
using AccelSdk.Uacce.Drivers;

namespace AccelSdk.Qdma.Tests.Infrastructure;

/// <summary>
/// Wraps <see cref="BasebandQdmaDriver"/> (or nothing, for raw queue tests) and keeps the device contexts the bus
/// hands it, so tests can reach the address space and open raw queues the way the driver does.
/// </summary>
internal sealed class CapturingDriver(BasebandQdmaDriver? inner) : IUacceDriver
{
    private readonly BasebandQdmaDriver _id = inner ?? new BasebandQdmaDriver();

    public List<UacceDeviceContext> Contexts { get; } = new();

    public string Name => _id.Name;

    public DeviceClass Class => _id.Class;

    public IReadOnlyList<UacceDriverId> IdTable => _id.IdTable;

    public UacceDriverFlags Flags => _id.Flags;

    public IReadOnlyList<string> ArgumentHelp => _id.ArgumentHelp;

    public IReadOnlyList<IAccelDevice> Probe(UacceDeviceContext context)
    {
        Contexts.Add(context);
        return inner is null ? [] : inner.Probe(context);
    }
}
