using AccelSdk.Core.Devices;
using AccelSdk.Uacce.Drivers;
using AccelSdk.Uacce.Queues;
using AccelSdk.Uacce.Tests.Infrastructure;

namespace AccelSdk.Uacce.Tests.Kernel;

/// <summary>
/// The libc paths of kernel queues, driven without hardware: the "character device" of a synthetic sysfs device is
/// a missing path, an unopenable file or <c>/dev/null</c>, so open, mmap and ioctl fail for real.
/// </summary>
public sealed class KernelQueueErrorTests : IDisposable
{
    private readonly SysfsTree _tree = new();

    public void Dispose() => _tree.Dispose();

    [Fact]
    public void MissingCharDevice_NamesTheDeviceAndThePath()
    {
        UacceDeviceContext context = Probe("hisi_zip-0");

        var ex = Assert.Throws<UacceException>(() => context.OpenQueue());

        Assert.Equal(2, ex.Errno);
        Assert.Equal("hisi_zip-0", ex.DeviceName);
        Assert.Equal(
            $"UACCE device hisi_zip-0: cannot open queue: character device {Path.Combine(_tree.DevRoot, "hisi_zip-0")} does not exist (ENOENT); the kernel driver is not loaded or /dev is not populated (in a container, pass the device through).",
            ex.Message);
    }

    [Fact]
    public void NoFreeQueue_IsReportedBeforeOpening()
    {
        UacceDeviceContext context = Probe("hisi_zip-0", ("available_instances", "0\n"));

        var ex = Assert.Throws<UacceException>(() => context.OpenQueue());

        Assert.Equal(16, ex.Errno);
        Assert.Equal("UACCE device hisi_zip-0: cannot open queue: no free queue (available_instances is 0); close queues of other processes or use fewer.", ex.Message);
    }

    [Fact]
    public void AvailableInstances_IsReadLive()
    {
        UacceDeviceContext context = Probe("hisi_zip-0");
        Assert.Equal(3, context.ReadAvailableInstances());

        File.WriteAllText(Path.Combine(_tree.Root, "hisi_zip-0", "available_instances"), "1\n");
        Assert.Equal(1, context.ReadAvailableInstances());
        File.Delete(Path.Combine(_tree.Root, "hisi_zip-0", "available_instances"));
        Assert.Null(context.ReadAvailableInstances());
    }

    [Fact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void PermissionDenied_IsEacces()
    {
        UacceDeviceContext context = Probe("hisi_zip-0");
        string path = Path.Combine(_tree.DevRoot, "hisi_zip-0");
        if (LibCTest.IsRoot)
        {
            // Root passes file modes, but sysfs refuses to open a read-only attribute for writing with EACCES.
            const string readOnlyAttribute = "/sys/devices/system/cpu/online";
            if (!File.Exists(readOnlyAttribute))
            {
                Assert.Skip($"Running as root and {readOnlyAttribute} is absent: no way to provoke EACCES here.");
            }

            File.CreateSymbolicLink(path, readOnlyAttribute);
        }
        else
        {
            File.WriteAllText(path, string.Empty);
            File.SetUnixFileMode(path, UnixFileMode.None);
        }

        var ex = Assert.Throws<UacceException>(() => context.OpenQueue());

        if (ex.Errno == 30)
        {
            Assert.Skip("sysfs is mounted read-only here (EROFS), so EACCES cannot be provoked as root.");
        }

        Assert.Equal(13, ex.Errno);
        Assert.Equal(
            $"UACCE device hisi_zip-0: cannot open queue: permission denied on {path} (EACCES); run as root or give this user read/write access to the device node.",
            ex.Message);
    }

    [Fact]
    public void FileWithoutMmap_FailsTheMapping_AndTheIoctl()
    {
        UacceDeviceContext context = Probe("hisi_zip-0");
        _tree.LinkCharDevice("hisi_zip-0", "/dev/null");

        using UacceQueue queue = context.OpenQueue();
        Assert.Equal(UacceQueueState.Initialized, queue.State);

        var map = Assert.Throws<UacceException>(() => queue.MapRegion(UacceRegionType.Dus));
        Assert.Equal(19, map.Errno);
        Assert.StartsWith(
            $"UACCE device hisi_zip-0: mmap of the Dus region (1069056 bytes at offset {Environment.SystemPageSize}) failed: the file does not support mmap (",
            map.Message, StringComparison.Ordinal);
        Assert.Contains("(ENODEV)", map.Message, StringComparison.Ordinal);
        Assert.False(queue.TryGetRegion(UacceRegionType.Dus, out _));

        var start = Assert.Throws<UacceException>(queue.Start);
        Assert.Equal(25, start.Errno);
        Assert.StartsWith("UACCE device hisi_zip-0: ioctl UACCE_CMD_START_Q (0x5700) failed: not supported by this file (", start.Message, StringComparison.Ordinal);
        Assert.Contains("(ENOTTY)", start.Message, StringComparison.Ordinal);
        Assert.Equal(UacceQueueState.Initialized, queue.State);

        var vendor = Assert.Throws<UacceException>(() => queue.IoControl(UacceIoctl.ReadWrite<uint>('H', 10), 0));
        Assert.StartsWith("UACCE device hisi_zip-0: ioctl 0xC004480A failed: not supported by this file", vendor.Message, StringComparison.Ordinal);

        Assert.Equal(UacceQueueHealth.Ok, queue.Health);
        queue.Dispose();
        Assert.Equal(UacceQueueState.Closed, queue.State);
    }

    [Fact]
    public void DeviceWithoutARegion_SaysSo()
    {
        UacceDeviceContext context = Probe("hisi_zip-0", ("region_mmio_size", null));
        _tree.LinkCharDevice("hisi_zip-0", "/dev/null");
        using UacceQueue queue = context.OpenQueue();

        var ex = Assert.Throws<UacceException>(() => queue.MapRegion(UacceRegionType.Mmio));

        Assert.Equal("UACCE device hisi_zip-0: cannot map the Mmio region: the device has none (region_mmio_size is absent or 0).", ex.Message);
    }

    [Fact]
    public void Poll_OnAnOpenQueue_ReturnsWithoutError()
    {
        UacceDeviceContext context = Probe("hisi_zip-0");
        _tree.LinkCharDevice("hisi_zip-0", "/dev/null");
        using UacceQueue queue = context.OpenQueue();

        // /dev/null is always readable, so poll reports POLLIN at once.
        Assert.True(queue.WaitForEvent(0));
    }

    [Theory]
    [InlineData(16, "no free queue: the device refused a new queue (EBUSY); available_instances reads 2; close queues of other processes or use fewer")]
    [InlineData(19, "/dev/x has no device behind it (ENODEV); it was removed or its driver unbound")]
    [InlineData(1, "permission denied on /dev/x (EPERM)")]
    public void OpenErrors_AreExplained(int errno, string cause)
    {
        var device = new UacceDevice { Name = "x", Origin = UacceDeviceOrigin.Kernel, Api = "a", RawApi = "a" };

        UacceException ex = UacceErrors.OpenFailed(device, "/dev/x", errno, 2);

        Assert.Equal(errno, ex.Errno);
        Assert.StartsWith($"UACCE device x: cannot open queue: {cause}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void StartRejectedWithEinval_MentionsStateAndNumbering()
    {
        var device = new UacceDevice { Name = "x", Origin = UacceDeviceOrigin.Kernel, Api = "a", RawApi = "a" };

        string message = UacceErrors.IoctlFailed(device, UacceIoctl.StartQueue, 22).Message;

        Assert.Contains("the queue is not in INIT, or this kernel numbers the UACCE ioctls differently (mainline: START_Q = 0x5700)", message, StringComparison.Ordinal);
    }

    private UacceDeviceContext Probe(string name, params (string Attribute, string? Text)[] changes)
    {
        _tree.AddDevice(name, changes);
        var driver = new TestDriver("drv", UacceDriverFlags.None, new UacceDriverId("hisi_qm_v5"));
        var registry = new DeviceRegistry();
        UacceBus.Create(new UacceBusOptions { SysfsRoot = _tree.Root, DevRoot = _tree.DevRoot }, [driver]).Probe(registry);
        return Assert.Single(driver.Probed);
    }
}
