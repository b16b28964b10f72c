using AccelSdk.Uacce.Interop;
using AccelSdk.Uacce.Queues;

namespace AccelSdk.Uacce;

/// <summary>
/// Builds the one-line messages of every UACCE control-path failure: device name first, then the operation, then
/// the cause in words with its errno name, then what to do when there is something to do.
/// </summary>
internal static class UacceErrors
{
    public static UacceException OpenFailed(UacceDevice device, string path, int errno, int? available)
    {
        string cause = errno switch
        {
            Errno.ENOENT => $"character device {path} does not exist (ENOENT); the kernel driver is not loaded or /dev is not populated (in a container, pass the device through)",
            Errno.EACCES or Errno.EPERM => $"permission denied on {path} ({Errno.Name(errno)}); run as root or give this user read/write access to the device node",
            Errno.EBUSY => $"no free queue: the device refused a new queue (EBUSY){AvailableText(available)}; close queues of other processes or use fewer",
            Errno.ENODEV or Errno.ENXIO => $"{path} has no device behind it ({Errno.Name(errno)}); it was removed or its driver unbound",
            Errno.EROFS => $"{path} is on a read-only file system (EROFS); a queue needs the device opened read/write",
            Errno.EISDIR => $"{path} is a directory (EISDIR), not a character device",
            _ => $"open({path}, O_RDWR | O_CLOEXEC) failed: {Errno.Describe(errno)}",
        };
        return new UacceException(device.Name, errno, $"UACCE device {device.Name}: cannot open queue: {cause}.");
    }

    public static UacceException NoFreeQueue(UacceDevice device) =>
        new(device.Name, Errno.EBUSY,
            $"UACCE device {device.Name}: cannot open queue: no free queue (available_instances is 0); close queues of other processes or use fewer.");

    public static UacceException NoRegion(UacceDevice device, UacceRegionType type) =>
        new(device.Name, Errno.EINVAL,
            $"UACCE device {device.Name}: cannot map the {type} region: the device has none (region_{(type == UacceRegionType.Mmio ? "mmio" : "dus")}_size is absent or 0).");

    public static UacceException AlreadyMapped(UacceDevice device, UacceRegionType type) =>
        new(device.Name, Errno.EEXIST,
            $"UACCE device {device.Name}: the {type} region of this queue is already mapped (EEXIST); each region can be mapped once per queue.");

    public static UacceException Released(UacceDevice device, string operation) =>
        new(device.Name, Errno.ENXIO,
            $"UACCE device {device.Name}: cannot {operation}: the queue was released (UACCE_CMD_PUT_Q; the kernel's ZOMBIE state); open a new queue.");

    public static UacceException MapFailed(UacceDevice device, UacceRegionType type, long size, long offset, int errno)
    {
        string cause = errno switch
        {
            Errno.ENODEV => $"the file does not support mmap ({Errno.Describe(errno)}); is {device.CharDevicePath} really a UACCE character device?",
            Errno.EINVAL => $"the kernel rejected the length or offset ({Errno.Describe(errno)}); region_*_size may not match the driver",
            Errno.EEXIST => $"the region is already mapped through this file ({Errno.Describe(errno)})",
            Errno.ENXIO => $"the queue is no longer valid ({Errno.Describe(errno)}): released, reset or the device was removed",
            Errno.ENOMEM => $"out of address space or memory ({Errno.Describe(errno)})",
            Errno.EACCES or Errno.EPERM => $"permission denied ({Errno.Describe(errno)}); the file must be open read/write",
            _ => Errno.Describe(errno),
        };
        return new UacceException(device.Name, errno,
            $"UACCE device {device.Name}: mmap of the {type} region ({size} bytes at offset {offset}) failed: {cause}.");
    }

    public static UacceException IoctlFailed(UacceDevice device, uint request, int errno)
    {
        string name = request switch
        {
            UacceIoctl.StartQueue => "UACCE_CMD_START_Q (0x5700)",
            UacceIoctl.PutQueue => "UACCE_CMD_PUT_Q (0x5701)",
            _ => $"0x{request:X8}",
        };
        string cause = errno switch
        {
            Errno.ENOTTY => $"not supported by this file ({Errno.Describe(errno)}); it is not a UACCE queue, or the kernel does not know the command",
            Errno.EINVAL => request == UacceIoctl.StartQueue
                ? $"rejected ({Errno.Describe(errno)}): the queue is not in INIT, or this kernel numbers the UACCE ioctls differently (mainline: START_Q = 0x5700)"
                : $"not supported or bad argument ({Errno.Describe(errno)})",
            Errno.ENXIO => $"the queue is no longer valid ({Errno.Describe(errno)}): released, reset or the device was removed",
            _ => Errno.Describe(errno),
        };
        return new UacceException(device.Name, errno, $"UACCE device {device.Name}: ioctl {name} failed: {cause}.");
    }

    public static UacceException PollFailed(UacceDevice device, int errno) =>
        new(device.Name, errno, $"UACCE device {device.Name}: poll on the queue failed: {Errno.Describe(errno)}.");

    private static string AvailableText(int? available) =>
        available is int n ? $"; available_instances reads {n}" : string.Empty;
}
