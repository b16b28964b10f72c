using AccelSdk.Uacce.Memory;
using AccelSdk.Uacce.Models;
using AccelSdk.Uacce.Queues;

namespace AccelSdk.Uacce.Discovery;

/// <summary>A hosted device model, seen through the same attribute and queue contract as a kernel device.</summary>
internal sealed class ModelDeviceSource(UacceDeviceModel model) : IUacceDeviceSource
{
    public UacceDeviceModel Model { get; } = model;

    public string Name => Model.Name ?? throw new InvalidOperationException("The device model is not hosted yet.");

    public UacceDeviceOrigin Origin => UacceDeviceOrigin.Model;

    public string? SysfsPath => null;

    public string? CharDevicePath => null;

    public AttributeRead Read(string attribute) => Model.ReadAttribute(attribute);

    // One device, one address space: the driver registers memory in it and the model resolves addresses from it.
    public UacceAddressSpace CreateAddressSpace(UacceDevice device) => Model.AddressSpace!;

    public UacceQueue OpenQueue(UacceDevice device) => Model.OpenQueue(device);
}
