using AccelSdk.Uacce.Memory;
using AccelSdk.Uacce.Queues;

namespace AccelSdk.Uacce.Discovery;

/// <summary>
/// One device as a provider offers it: a sysfs directory with a character device, or a hosted device model that
/// publishes the same attributes as text. The parser and the matcher see both alike.
/// </summary>
internal interface IUacceDeviceSource
{
    string Name { get; }

    UacceDeviceOrigin Origin { get; }

    string? SysfsPath { get; }

    string? CharDevicePath { get; }

    /// <summary>Reads an attribute by its sysfs name (<c>api</c>, <c>device/numa_node</c>), trailing newline removed.</summary>
    AttributeRead Read(string attribute);

    UacceAddressSpace CreateAddressSpace(UacceDevice device);

    UacceQueue OpenQueue(UacceDevice device);
}
