using System.Text;
using AccelSdk.Uacce.Kernel;
using AccelSdk.Uacce.Memory;
using AccelSdk.Uacce.Queues;

namespace AccelSdk.Uacce.Discovery;

/// <summary>A kernel device: attributes are files under its sysfs directory; queues open its character device.</summary>
internal sealed class SysfsDeviceSource : IUacceDeviceSource
{
    /// <summary>A sysfs attribute never exceeds one page; more means the file is not a sysfs attribute.</summary>
    public const int MaxAttributeBytes = 4096;

    public SysfsDeviceSource(string name, string sysfsPath, string charDevicePath)
    {
        Name = name;
        SysfsPath = sysfsPath;
        CharDevicePath = charDevicePath;
    }

    public string Name { get; }

    public UacceDeviceOrigin Origin => UacceDeviceOrigin.Kernel;

    public string SysfsPath { get; }

    public string CharDevicePath { get; }

    public AttributeRead Read(string attribute)
    {
        string path = Path.Combine(SysfsPath, attribute);
        if (!File.Exists(path))
        {
            return Directory.Exists(path)
                ? AttributeRead.Unreadable($"{path} is a directory")
                : AttributeRead.Missing($"{path} does not exist");
        }

        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0);
            byte[] buffer = new byte[MaxAttributeBytes + 1];
            int total = 0;
            int read;
            while (total < buffer.Length && (read = stream.Read(buffer, total, buffer.Length - total)) > 0)
            {
                total += read;
            }

            if (total > MaxAttributeBytes)
            {
                return AttributeRead.Unreadable($"{path} is longer than a sysfs page ({MaxAttributeBytes} bytes)");
            }

            string text = Encoding.UTF8.GetString(buffer, 0, total);
            return AttributeRead.Value(text.EndsWith('\n') ? text[..^1] : text);
        }
        catch (UnauthorizedAccessException)
        {
            return AttributeRead.Unreadable($"permission denied reading {path}");
        }
        catch (IOException ex)
        {
            // A driver without the op makes the read itself fail (ENODEV for available_instances, for example).
            return AttributeRead.Unreadable($"reading {path} failed: {ex.Message}");
        }
    }

    public UacceAddressSpace CreateAddressSpace(UacceDevice device) =>
        new(device.Name, device.AddressMode,
            device.AddressMode == UacceAddressMode.Sva ? UacceAddressSpace.IovaPolicy.Identity : UacceAddressSpace.IovaPolicy.ExplicitOnly);

    public UacceQueue OpenQueue(UacceDevice device) =>
        KernelUacceQueue.Open(device, UacceDeviceParser.ReadAvailableInstances(this, null, out _));
}
