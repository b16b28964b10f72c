using System.Globalization;
using AccelSdk.Core.Devices;
using AccelSdk.Uacce.Discovery;
using AccelSdk.Uacce.Drivers;
using AccelSdk.Uacce.Models;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AccelSdk.Uacce;

/// <summary>
/// The UACCE bus (DPDK's <c>drivers/bus/uacce</c>): scans the kernel's UACCE class directory and the hosted device
/// models, parses every device's attributes, matches devices to the registered <see cref="IUacceDriver"/>s and
/// adds the devices they create to the registry.
/// </summary>
/// <remarks>
/// Register it with <c>AddAccelSdk().AddUacceBus(o => ...)</c>; the registry probes it once when built. A missing
/// class directory is normal (no UACCE driver has registered a device) and only noted. Disposing the bus removes
/// the hosted models. All members are control-path: they lock and allocate.
/// </remarks>
public sealed class UacceBus : IDeviceBus, IDisposable
{
    private readonly Lock _lock = new();
    private readonly UacceBusOptions _options;
    private readonly IUacceDriver[] _drivers;
    private readonly ILoggerFactory _loggerFactory;
    private readonly ILogger _logger;
    private readonly Dictionary<string, (IUacceDeviceSource Source, UacceDevice Device)> _found = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (string Driver, string[] Devices)> _bindings = new(StringComparer.Ordinal);
    private readonly List<UacceProbeOutcome> _outcomes = new();
    private UacceDeviceModel[]? _models;
    private UacceScanResult? _lastScan;
    private bool _disposed;

    /// <summary>Creates the bus (the dependency-injection constructor).</summary>
    /// <exception cref="ArgumentException">The options are invalid, or two drivers share a name.</exception>
    public UacceBus(IOptions<UacceBusOptions> options, IEnumerable<IUacceDriver> drivers, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(drivers);
        _options = options.Value;
        UacceBusOptionsValidator.ThrowIfInvalid(_options);
        _drivers = drivers.ToArray();
        string? duplicate = _drivers.GroupBy(d => d.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1)?.Key;
        if (duplicate is not null)
        {
            throw new ArgumentException($"Two UACCE drivers are named '{duplicate}'.", nameof(drivers));
        }

        _loggerFactory = loggerFactory ?? NullLoggerFactory.Instance;
        _logger = _loggerFactory.CreateLogger<UacceBus>();
    }

    /// <summary>The bus name, <c>uacce</c>.</summary>
    public string Name => "uacce";

    /// <summary>The registered drivers, in probe order.</summary>
    public IReadOnlyList<IUacceDriver> Drivers => _drivers;

    /// <summary>The hosted device models (created on the first scan).</summary>
    public IReadOnlyList<UacceDeviceModel> Models
    {
        get
        {
            lock (_lock)
            {
                return EnsureModelsLocked();
            }
        }
    }

    /// <summary>The result of the last scan, or <see langword="null"/> before the first.</summary>
    public UacceScanResult? LastScan
    {
        get
        {
            lock (_lock)
            {
                return _lastScan;
            }
        }
    }

    /// <summary>What probing did with each device so far (snapshot).</summary>
    public IReadOnlyList<UacceProbeOutcome> ProbeOutcomes
    {
        get
        {
            lock (_lock)
            {
                return _outcomes.ToArray();
            }
        }
    }

    /// <summary>Creates a bus without dependency injection.</summary>
    public static UacceBus Create(UacceBusOptions options, IEnumerable<IUacceDriver>? drivers = null, ILoggerFactory? loggerFactory = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new UacceBus(Options.Create(options), drivers ?? [], loggerFactory);
    }

    /// <summary>
    /// Scans the sysfs root and the hosted models, applying the allow/block lists, and returns what was found.
    /// Available instances are read at this moment.
    /// </summary>
    public UacceScanResult Scan()
    {
        lock (_lock)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var devices = new List<UacceDevice>();
            var skipped = new List<UacceSkippedDevice>();
            var warnings = new List<string>();
            _found.Clear();

            bool rootExists = Directory.Exists(_options.SysfsRoot);
            if (_options.ScanKernelDevices)
            {
                if (rootExists)
                {
                    string[] entries = [];
                    try
                    {
                        entries = Directory.GetFileSystemEntries(_options.SysfsRoot);
                    }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
                    {
                        warnings.Add($"{_options.SysfsRoot}: cannot list the UACCE class directory: {ex.Message}");
                    }

                    foreach (string path in entries.Order(StringComparer.Ordinal))
                    {
                        string name = Path.GetFileName(path);
                        ScanOne(new SysfsDeviceSource(name, path, Path.Combine(_options.DevRoot, name)), devices, skipped, warnings);
                    }
                }
                else
                {
                    UacceLog.NoClassDirectory(_logger, _options.SysfsRoot);
                }
            }

            foreach (UacceDeviceModel model in EnsureModelsLocked())
            {
                if (!model.IsRemoved)
                {
                    ScanOne(new ModelDeviceSource(model), devices, skipped, warnings);
                }
            }

            foreach (string entry in _options.AllowList)
            {
                string name = UacceBusOptionsValidator.SplitEntry(entry).Name;
                if (!_found.ContainsKey(name) && !skipped.Any(s => s.Name == name))
                {
                    warnings.Add($"{name}: in the allow list but not found");
                }
            }

            foreach (string warning in warnings)
            {
                UacceLog.Warning(_logger, warning);
            }

            _lastScan = new UacceScanResult(_options.SysfsRoot, rootExists, devices.ToArray(), skipped.ToArray(), warnings.ToArray());
            return _lastScan;
        }
    }

    /// <summary>
    /// Scans, then offers each device not yet probed to the first driver whose id table matches it, and adds the
    /// devices the driver returns to <paramref name="registry"/>. A driver that throws is logged (the device cannot
    /// be used) and probing goes on.
    /// </summary>
    /// <returns>The number of registry devices added.</returns>
    public int Probe(DeviceRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        lock (_lock)
        {
            UacceScanResult scan = Scan();
            int added = 0;
            foreach (UacceDevice device in scan.Devices)
            {
                if (!_bindings.ContainsKey(device.Name))
                {
                    added += ProbeOne(registry, device);
                }
            }

            return added;
        }
    }

    /// <summary>
    /// Detaches a UACCE device (DPDK's unplug): removes and disposes every registry device its driver created.
    /// The device may be probed again by a later <see cref="Probe"/>.
    /// </summary>
    /// <returns><see langword="false"/> if no driver had claimed the device.</returns>
    public bool Remove(DeviceRegistry registry, string deviceName)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(deviceName);
        (string Driver, string[] Devices) binding;
        lock (_lock)
        {
            if (!_bindings.Remove(deviceName, out binding))
            {
                return false;
            }

            _outcomes.RemoveAll(o => o.DeviceName == deviceName);
        }

        foreach (string name in binding.Devices)
        {
            _ = registry.Remove(name);
        }

        UacceLog.Removed(_logger, deviceName, binding.Driver, string.Join(", ", binding.Devices));
        return true;
    }

    /// <summary>Removes the hosted device models (their open queues stop; drivers' later calls on them fail).</summary>
    public void Dispose()
    {
        UacceDeviceModel[] models;
        lock (_lock)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            models = _models ?? [];
        }

        foreach (UacceDeviceModel model in models)
        {
            model.Dispose();
        }
    }

    private void ScanOne(IUacceDeviceSource source, List<UacceDevice> devices, List<UacceSkippedDevice> skipped, List<string> warnings)
    {
        string name = source.Name;
        string? reason = UacceDeviceParser.CheckName(name) ?? Filter(name);
        if (reason is null && source.Origin == UacceDeviceOrigin.Kernel && source.SysfsPath is string path && !Directory.Exists(path))
        {
            reason = new FileInfo(path).LinkTarget is string target ? $"dangling link to {target}" : "not a directory";
        }

        if (reason is null && _found.ContainsKey(name))
        {
            reason = "another device has the same name";
        }

        ParseOutcome? outcome = null;
        if (reason is null)
        {
            outcome = UacceDeviceParser.Parse(source);
            reason = outcome.SkipReason;
        }

        if (reason is not null || outcome?.Device is null)
        {
            reason ??= "unusable";
            skipped.Add(new UacceSkippedDevice(name, source.Origin, reason));
            UacceLog.Skipped(_logger, source.Origin, name, reason);
            return;
        }

        UacceDevice device = outcome.Device;
        warnings.AddRange(outcome.Warnings);
        devices.Add(device);
        _found[name] = (source, device);
        UacceLog.Found(_logger, device.Origin, name, device.Api, device.AddressMode);
    }

    /// <summary>DPDK's rule: with an allow list only listed devices are used; otherwise all but the blocked.</summary>
    private string? Filter(string name)
    {
        if (_options.AllowList.Count > 0)
        {
            return FindAllowEntry(name) is null ? "not in the allow list" : null;
        }

        foreach (string entry in _options.BlockList)
        {
            if (UacceBusOptionsValidator.SplitEntry(entry).Name == name)
            {
                return "in the block list";
            }
        }

        return null;
    }

    private string? FindAllowEntry(string name)
    {
        foreach (string entry in _options.AllowList)
        {
            (string entryName, string? arguments) = UacceBusOptionsValidator.SplitEntry(entry);
            if (entryName == name)
            {
                return arguments ?? string.Empty;
            }
        }

        return null;
    }

    private int ProbeOne(DeviceRegistry registry, UacceDevice device)
    {
        if (device.Isolated == true)
        {
            UacceLog.Isolated(_logger, device.Name);
            Record(device.Name, UacceProbeStatus.Isolated, null, [], "isolated (isolate = 1) after repeated hardware errors; not probed");
            return 0;
        }

        IUacceDriver? driver = null;
        var reasons = new List<string>();
        foreach (IUacceDriver candidate in _drivers)
        {
            if (UacceDriverMatcher.Match(candidate, device, out string reason) is not null)
            {
                driver = candidate;
                break;
            }

            reasons.Add(reason);
        }

        if (driver is null)
        {
            string detail = reasons.Count == 0
                ? $"no UACCE driver is registered (api {device.Api})"
                : $"api {device.Api} [{string.Join(", ", device.Algorithms)}] matches no driver: {string.Join("; ", reasons)}";
            UacceLog.NoDriver(_logger, device.Name, detail);
            Record(device.Name, UacceProbeStatus.NoDriver, null, [], detail);
            return 0;
        }

        IUacceDeviceSource source = _found[device.Name].Source;
        IReadOnlyList<IAccelDevice> created;
        try
        {
            var context = new UacceDeviceContext(
                source, device, DeviceArguments.Parse(FindAllowEntry(device.Name)), source.CreateAddressSpace(device), _loggerFactory);
            created = driver.Probe(context) ?? [];
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            UacceLog.ProbeFailed(_logger, device.Name, driver.Name, ex.Message, ex);
            Record(device.Name, UacceProbeStatus.Failed, driver.Name, [], ex.Message);
            return 0;
        }

        if (created.Count == 0)
        {
            Record(device.Name, UacceProbeStatus.Declined, driver.Name, [], $"{driver.Name} returned no device");
            return 0;
        }

        var names = new List<string>();
        string? failure = null;
        foreach (IAccelDevice accel in created)
        {
            if (failure is null)
            {
                try
                {
                    registry.Add(accel);
                    names.Add(accel.Name);
                    continue;
                }
                catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or ObjectDisposedException)
                {
                    failure = ex.Message;
                    UacceLog.ProbeFailed(_logger, device.Name, driver.Name, ex.Message, ex);
                }
            }

            // Devices the registry did not take are the bus's to release.
            accel.Dispose();
        }

        _bindings[device.Name] = (driver.Name, names.ToArray());
        string summary = string.Join(", ", names);
        UacceLog.Claimed(_logger, device.Name, driver.Name, summary);
        Record(device.Name, names.Count > 0 ? UacceProbeStatus.Claimed : UacceProbeStatus.Failed, driver.Name, names.ToArray(),
            failure is null ? string.Create(CultureInfo.InvariantCulture, $"{names.Count} device(s): {summary}") : $"registry refused a device: {failure}");
        return names.Count;
    }

    private void Record(string deviceName, UacceProbeStatus status, string? driver, string[] devices, string detail)
    {
        _outcomes.RemoveAll(o => o.DeviceName == deviceName);
        _outcomes.Add(new UacceProbeOutcome(deviceName, status, driver, devices, detail));
    }

    private UacceDeviceModel[] EnsureModelsLocked()
    {
        if (_models is not null)
        {
            return _models;
        }

        var models = new List<UacceDeviceModel>();
        try
        {
            foreach (Func<UacceDeviceModel> factory in _options.Models)
            {
                UacceDeviceModel model = factory() ?? throw new InvalidOperationException("A UACCE device model factory returned null.");
                models.Add(model);
                model.Attach(NextModelName(model.Options.InterfaceName, models));
            }
        }
        catch
        {
            foreach (UacceDeviceModel model in models)
            {
                model.Dispose();
            }

            throw;
        }

        _models = models.ToArray();
        return _models;
    }

    /// <summary>
    /// <c>&lt;interface&gt;-&lt;id&gt;</c> with the smallest id no other device uses, as the kernel's one id
    /// allocator for all UACCE devices does; kernel devices present now are avoided.
    /// </summary>
    private string NextModelName(string interfaceName, List<UacceDeviceModel> models)
    {
        var used = new HashSet<int>();
        IEnumerable<string> names = models.Select(m => m.Name).OfType<string>();
        if (_options.ScanKernelDevices && Directory.Exists(_options.SysfsRoot))
        {
            try
            {
                names = names.Concat(Directory.GetFileSystemEntries(_options.SysfsRoot).Select(Path.GetFileName).OfType<string>());
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                // The scan reports an unlistable directory; naming only has to avoid the names it can see.
            }
        }

        foreach (string name in names)
        {
            int dash = name.LastIndexOf('-');
            if (dash >= 0 && int.TryParse(name.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out int id))
            {
                used.Add(id);
            }
        }

        int next = 0;
        while (used.Contains(next))
        {
            next++;
        }

        return string.Create(CultureInfo.InvariantCulture, $"{interfaceName}-{next}");
    }
}
