using AccelSdk.Uacce.Models;

namespace AccelSdk.Uacce;

/// <summary>
/// Options of the UACCE bus, set with <c>AddUacceBus(o => ...)</c> (the string options can also be bound from
/// configuration with <c>services.Configure&lt;UacceBusOptions&gt;(section)</c>); validated when the bus is created.
/// </summary>
public sealed class UacceBusOptions
{
    /// <summary>The kernel's UACCE class directory.</summary>
    public const string DefaultSysfsRoot = "/sys/class/uacce";

    /// <summary>Where the character devices live.</summary>
    public const string DefaultDevRoot = "/dev";

    /// <summary>The prefix DPDK uses for UACCE devices in <c>-a</c>/<c>-b</c> options; accepted and ignored in the lists.</summary>
    public const string DevicePrefix = "uacce:";

    private readonly List<Func<UacceDeviceModel>> _models = new();

    /// <summary>The sysfs directory scanned for kernel devices, one subdirectory (or link) per device. Default <c>/sys/class/uacce</c>.</summary>
    public string SysfsRoot { get; set; } = DefaultSysfsRoot;

    /// <summary>The directory holding the devices' character devices (<c>&lt;DevRoot&gt;/&lt;name&gt;</c>). Default <c>/dev</c>.</summary>
    public string DevRoot { get; set; } = DefaultDevRoot;

    /// <summary>Whether kernel devices are scanned at all (false: device models only). Default true.</summary>
    public bool ScanKernelDevices { get; set; } = true;

    /// <summary>
    /// Devices to use, as DPDK's <c>-a uacce:NAME[,key=value...]</c> (the <c>uacce:</c> prefix is optional). When not
    /// empty only these are used, and the arguments reach their driver. Cannot be combined with <see cref="BlockList"/>.
    /// </summary>
    public IList<string> AllowList { get; } = new List<string>();

    /// <summary>Device names never to use (DPDK's <c>-b uacce:NAME</c>). Cannot be combined with <see cref="AllowList"/>.</summary>
    public IList<string> BlockList { get; } = new List<string>();

    /// <summary>Factories of the device models the bus hosts, in order; each is created once, on the first scan.</summary>
    public IReadOnlyList<Func<UacceDeviceModel>> Models => _models;

    /// <summary>Hosts a device model: it is created on the first scan, named <c>&lt;InterfaceName&gt;-&lt;id&gt;</c>, and disposed with the bus.</summary>
    public UacceBusOptions AddModel(Func<UacceDeviceModel> factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        _models.Add(factory);
        return this;
    }
}
