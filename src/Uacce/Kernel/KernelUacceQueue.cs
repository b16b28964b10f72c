using System.Runtime.InteropServices;
using AccelSdk.Uacce.Interop;
using AccelSdk.Uacce.Queues;

namespace AccelSdk.Uacce.Kernel;

/// <summary>A queue on a kernel UACCE device: a file descriptor on <c>/dev/&lt;name&gt;</c>, mmap and ioctl on it.</summary>
internal sealed unsafe class KernelUacceQueue : UacceQueue
{
    private int _fd;

    private KernelUacceQueue(UacceDevice device, int fd)
        : base(device)
    {
        _fd = fd;
    }

    /// <summary>
    /// Opens a queue. <paramref name="available"/> is the live <c>available_instances</c> (null when unreadable):
    /// 0 fails before open() with a "no free queue" message rather than whatever errno the driver picks.
    /// </summary>
    public static KernelUacceQueue Open(UacceDevice device, int? available)
    {
        string path = device.CharDevicePath ?? throw new InvalidOperationException($"UACCE device {device.Name} has no character device path.");
        if (available == 0)
        {
            throw UacceErrors.NoFreeQueue(device);
        }

        int fd = LibC.Open(path, LibC.ORdWr | LibC.OCloExec);
        if (fd < 0)
        {
            throw UacceErrors.OpenFailed(device, path, Marshal.GetLastPInvokeError(), available);
        }

        return new KernelUacceQueue(device, fd);
    }

    private protected override UacceRegion MapRegionCore(UacceRegionType type, long size)
    {
        long offset = (long)type * Environment.SystemPageSize;
        nint address = LibC.Mmap(0, (nuint)size, LibC.ProtRead | LibC.ProtWrite, LibC.MapShared, _fd, offset);
        if (address == LibC.MapFailed)
        {
            throw UacceErrors.MapFailed(Device, type, size, offset, Marshal.GetLastPInvokeError());
        }

        return new UacceRegion(type, (byte*)address, size, sink: null);
    }

    private protected override void StartCore() => Ioctl(UacceIoctl.StartQueue, 0);

    private protected override void PutCore() => Ioctl(UacceIoctl.PutQueue, 0);

    private protected override int IoControlCore(uint request, nint argument) => Ioctl(request, argument);

    private protected override bool WaitForEventCore(int timeoutMilliseconds)
    {
        var pollFd = new LibC.PollFd { Fd = _fd, Events = LibC.PollIn };
        while (true)
        {
            int ready = LibC.Poll(&pollFd, 1, timeoutMilliseconds);
            if (ready >= 0)
            {
                return ready > 0 && (pollFd.Revents & LibC.PollIn) != 0;
            }

            int errno = Marshal.GetLastPInvokeError();
            if (errno != Errno.EINTR)
            {
                throw UacceErrors.PollFailed(Device, errno);
            }
        }
    }

    private protected override void CloseCore(UacceRegion mmio, UacceRegion dus)
    {
        // close() alone stops and releases the queue in the kernel; the mappings must go first (munmap of a
        // region the kernel already zapped after device removal still succeeds).
        if (mmio.IsMapped)
        {
            _ = LibC.Munmap(mmio.Address, (nuint)mmio.Length);
        }

        if (dus.IsMapped)
        {
            _ = LibC.Munmap(dus.Address, (nuint)dus.Length);
        }

        int fd = _fd;
        _fd = -1;
        if (fd >= 0)
        {
            _ = LibC.Close(fd);
        }
    }

    private int Ioctl(uint request, nint argument)
    {
        int result = LibC.Ioctl(_fd, request, argument);
        if (result < 0)
        {
            throw UacceErrors.IoctlFailed(Device, request, Marshal.GetLastPInvokeError());
        }

        return result;
    }
}
