namespace AccelSdk.Core.Devices;

/// <summary>
/// The process-wide list of drivers and devices of every class (DPDK keeps one array per class; one registry
/// serves all of ours). Devices are found by name; virtual devices are created from a devargs string.
/// </summary>
/// <remarks>
/// The registry is a control-path object: its methods take a lock and may allocate. The data path holds device
/// references directly and never goes through it.
/// </remarks>
public sealed class DeviceRegistry : IDisposable
{
    /// <summary>Longest device name accepted (DPDK's <c>RTE_DEV_NAME_MAX_LEN</c>).</summary>
    public const int MaxNameLength = 64;

    private readonly Lock _lock = new();
    private readonly List<IDeviceDriver> _drivers = new();
    private readonly List<IAccelDevice> _devices = new();
    private bool _disposed;

    /// <summary>Raised after a device is added.</summary>
    public event EventHandler<IAccelDevice>? DeviceAdded;

    /// <summary>Raised after a device is removed (before it is disposed).</summary>
    public event EventHandler<IAccelDevice>? DeviceRemoved;

    /// <summary>The registered virtual-device drivers (snapshot).</summary>
    public IReadOnlyList<IDeviceDriver> Drivers
    {
        get
        {
            lock (_lock)
            {
                return _drivers.ToArray();
            }
        }
    }

    /// <summary>The devices, in the order they were added (snapshot).</summary>
    public IReadOnlyList<IAccelDevice> Devices
    {
        get
        {
            lock (_lock)
            {
                return _devices.ToArray();
            }
        }
    }

    /// <summary>Registers a virtual-device driver.</summary>
    /// <exception cref="InvalidOperationException">A driver with the same name or alias is registered.</exception>
    public void AddDriver(IDeviceDriver driver)
    {
        ArgumentNullException.ThrowIfNull(driver);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            foreach (string name in driver.Aliases.Prepend(driver.Name))
            {
                if (_drivers.Any(d => d.Name == name || d.Aliases.Contains(name)))
                {
                    throw new InvalidOperationException($"A driver named '{name}' is already registered.");
                }
            }

            _drivers.Add(driver);
        }
    }

    /// <summary>Adds a device created elsewhere (a bus probe, a test).</summary>
    /// <exception cref="ArgumentException">The name is empty or longer than <see cref="MaxNameLength"/>.</exception>
    /// <exception cref="InvalidOperationException">A device with that name exists.</exception>
    public void Add(IAccelDevice device)
    {
        ArgumentNullException.ThrowIfNull(device);
        ValidateName(device.Name);
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            if (_devices.Any(d => d.Name == device.Name))
            {
                throw new InvalidOperationException($"A device named '{device.Name}' already exists.");
            }

            _devices.Add(device);
        }

        DeviceAdded?.Invoke(this, device);
    }

    /// <summary>
    /// Creates a virtual device from a devargs string <c>name[,key=value...]</c>. The driver is the one whose name
    /// or alias is the longest prefix of <c>name</c>; a bare driver name gets the suffix <c>0</c>, <c>1</c>, ...
    /// </summary>
    /// <exception cref="ArgumentException">No driver matches the name, or the driver rejects an argument.</exception>
    /// <exception cref="FormatException">The arguments are malformed.</exception>
    public IAccelDevice CreateVirtualDevice(string devargs)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(devargs);
        int comma = devargs.IndexOf(',', StringComparison.Ordinal);
        string name = (comma < 0 ? devargs : devargs[..comma]).Trim();
        DeviceArguments arguments = DeviceArguments.Parse(comma < 0 ? null : devargs[(comma + 1)..]);
        IDeviceDriver driver;
        string deviceName;
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            driver = FindDriverLocked(name) ?? throw new ArgumentException(
                $"No driver for device '{name}'; known drivers: {(_drivers.Count == 0 ? "(none)" : string.Join(", ", _drivers.Select(d => d.Name)))}.",
                nameof(devargs));
            deviceName = name;
            if (_drivers.Any(d => d.Name == name || d.Aliases.Contains(name)))
            {
                int index = 0;
                while (_devices.Any(d => d.Name == $"{driver.Name}{index}"))
                {
                    index++;
                }

                deviceName = $"{driver.Name}{index}";
            }
        }

        IAccelDevice device = driver.Create(deviceName, arguments);
        Add(device);
        return device;
    }

    /// <summary>Finds a device by name.</summary>
    public bool TryGet(string name, out IAccelDevice device)
    {
        lock (_lock)
        {
            device = _devices.FirstOrDefault(d => d.Name == name)!;
            return device is not null;
        }
    }

    /// <summary>Finds a device of type <typeparamref name="TDevice"/> by exact name, or else by driver name (first such device).</summary>
    /// <exception cref="KeyNotFoundException">No such device; the message lists the devices there are.</exception>
    public TDevice Get<TDevice>(string nameOrDriver)
        where TDevice : class, IAccelDevice
    {
        lock (_lock)
        {
            TDevice? device = _devices.OfType<TDevice>().FirstOrDefault(d => d.Name == nameOrDriver)
                ?? _devices.OfType<TDevice>().FirstOrDefault(d => d.DriverName == nameOrDriver);
            return device ?? throw new KeyNotFoundException(
                $"No {typeof(TDevice).Name} named '{nameOrDriver}'; devices: {(_devices.Count == 0 ? "(none)" : string.Join(", ", _devices.Select(d => d.Name)))}.");
        }
    }

    /// <summary>Removes a device and disposes it.</summary>
    /// <returns><see langword="false"/> if there was no such device.</returns>
    public bool Remove(string name)
    {
        IAccelDevice? device;
        lock (_lock)
        {
            device = _devices.FirstOrDefault(d => d.Name == name);
            if (device is null)
            {
                return false;
            }

            _devices.Remove(device);
        }

        DeviceRemoved?.Invoke(this, device);
        device.Dispose();
        return true;
    }

    /// <summary>Removes and disposes every device, last added first.</summary>
    public void Dispose()
    {
        IAccelDevice[] devices;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            devices = _devices.ToArray();
            _devices.Clear();
        }

        for (int i = devices.Length - 1; i >= 0; i--)
        {
            DeviceRemoved?.Invoke(this, devices[i]);
            devices[i].Dispose();
        }
    }

    private static void ValidateName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength)
        {
            throw new ArgumentException($"Device name '{name}' must be 1 to {MaxNameLength} characters.", nameof(name));
        }
    }

    private IDeviceDriver? FindDriverLocked(string deviceName)
    {
        IDeviceDriver? best = null;
        int bestLength = 0;
        foreach (IDeviceDriver driver in _drivers)
        {
            foreach (string candidate in driver.Aliases.Prepend(driver.Name))
            {
                if (deviceName.StartsWith(candidate, StringComparison.Ordinal) && candidate.Length > bestLength)
                {
                    best = driver;
                    bestLength = candidate.Length;
                }
            }
        }

        return best;
    }
}
