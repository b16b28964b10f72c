using System.Globalization;
using AccelSdk.Uacce.Discovery;
using AccelSdk.Uacce.Interop;
using AccelSdk.Uacce.Memory;

namespace AccelSdk.Uacce.Models;

/// <summary>
/// An in-process stand-in for a UACCE accelerator: it publishes the same attributes a kernel driver would (so the
/// bus parses and matches it like a real device), hands out queues whose MMIO and DUS regions are pinned native
/// memory, and runs engine threads that serve them. Derive from it, and from <see cref="UacceModelQueue"/> for the
/// device side of a queue; host it with <c>UacceBusOptions.AddModel</c>.
/// </summary>
/// <remarks>
/// <para>Queue accounting follows the kernel: opening a queue takes a hardware queue (<c>available_instances</c>
/// drops by one), putting or closing it gives it back.</para>
/// <para>Fault injection for tests: <see cref="InjectReset"/> (a controller reset: every open queue gets its reset
/// words set and stops, and must be reopened), <see cref="InjectHardwareError"/> (a reset that also counts towards
/// isolation under <see cref="IsolateStrategy"/>), and <see cref="Dispose()"/> (device removal).</para>
/// </remarks>
public abstract class UacceDeviceModel : IDisposable
{
    private static readonly TimeSpan s_isolationWindow = TimeSpan.FromHours(1);

    private readonly Lock _lock = new();
    private readonly ModelUacceQueue?[] _slots;
    private readonly Queue<DateTimeOffset> _errorTimes = new();
    private ModelEngine?[] _engines;
    private UacceAddressSpace? _addressSpace;
    private string? _name;
    private int _isolateStrategy;
    private int _hardwareErrors;
    private bool _isolated;
    private bool _removed;
    private Exception? _lastEngineFault;

    /// <summary>Creates the model; <paramref name="options"/> are validated and copied.</summary>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    protected UacceDeviceModel(UacceDeviceModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        Options = options.Validated();
        _slots = new ModelUacceQueue?[Options.QueueCount];
        _engines = new ModelEngine?[Options.EngineCount];
        _isolateStrategy = Options.IsolateStrategy;
    }

    /// <summary>The model's options (a validated copy; changing it has no effect).</summary>
    public UacceDeviceModelOptions Options { get; }

    /// <summary>The device name the bus gave the model (<c>&lt;InterfaceName&gt;-&lt;id&gt;</c>), or <see langword="null"/> before it is hosted.</summary>
    public string? Name => Volatile.Read(ref _name);

    /// <summary>Hardware queues not in use (what <c>available_instances</c> reads); 0 after removal.</summary>
    public int AvailableInstances
    {
        get
        {
            lock (_lock)
            {
                return _removed ? 0 : Array.FindAll(_slots, s => s is null).Length;
            }
        }
    }

    /// <summary>Whether hardware-error isolation has taken the device out of use (what <c>isolate</c> reads).</summary>
    public bool IsIsolated
    {
        get
        {
            lock (_lock)
            {
                return _isolated;
            }
        }
    }

    /// <summary>
    /// Hardware errors within an hour that isolate the device (the read/write <c>isolate_strategy</c> attribute),
    /// in [0, 65535]; 0 never isolates.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Out of range (the kernel's EINVAL).</exception>
    /// <exception cref="InvalidOperationException">The device is already isolated (the kernel's EPERM).</exception>
    public int IsolateStrategy
    {
        get
        {
            lock (_lock)
            {
                return _isolateStrategy;
            }
        }

        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, (int)ushort.MaxValue);
            lock (_lock)
            {
                if (_isolated)
                {
                    throw new InvalidOperationException($"UACCE device {Name}: isolate_strategy cannot change on an isolated device (EPERM).");
                }

                _isolateStrategy = value;
            }
        }
    }

    /// <summary>Hardware errors injected or raised so far.</summary>
    public int HardwareErrorCount => Volatile.Read(ref _hardwareErrors);

    /// <summary>The last exception a queue's <see cref="UacceModelQueue.Process"/> threw (treated as a hardware fault), or <see langword="null"/>.</summary>
    public Exception? LastEngineFault => Volatile.Read(ref _lastEngineFault);

    /// <summary>Whether the device was removed (disposed).</summary>
    public bool IsRemoved
    {
        get
        {
            lock (_lock)
            {
                return _removed;
            }
        }
    }

    /// <summary>The device's address space (null until the bus hosts the model).</summary>
    internal UacceAddressSpace? AddressSpace => Volatile.Read(ref _addressSpace);

    /// <summary>
    /// A controller reset: for every open queue, set the "stop submitting" word, stop the engine serving it, set the
    /// "stop completing" word. The queues stay allocated until their drivers close them; new queues may be opened.
    /// </summary>
    public void InjectReset() => ResetQueues("a controller reset stopped it");

    /// <summary>
    /// A hardware error: counted in the isolation window; if the errors of the last hour reach a non-zero
    /// <see cref="IsolateStrategy"/>, the device is isolated (no new queues). Then every open queue is reset.
    /// </summary>
    public void InjectHardwareError()
    {
        lock (_lock)
        {
            _hardwareErrors++;
            DateTimeOffset now = Options.TimeProvider.GetUtcNow();
            _errorTimes.Enqueue(now);
            while (_errorTimes.Count > 0 && now - _errorTimes.Peek() >= s_isolationWindow)
            {
                _ = _errorTimes.Dequeue();
            }

            if (_isolateStrategy > 0 && _errorTimes.Count >= _isolateStrategy)
            {
                _isolated = true;
            }
        }

        ResetQueues("a hardware error reset the device");
    }

    /// <summary>Removes the device: every open queue is stopped and released (drivers' later calls fail), the engines end.</summary>
    public void Dispose()
    {
        Dispose(disposing: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Creates the device side of a newly opened queue (on the opening thread).</summary>
    protected abstract UacceModelQueue CreateQueue(UacceModelQueueContext context);

    /// <summary>Removes the device; override to release the model's own resources, then call the base.</summary>
    protected virtual void Dispose(bool disposing)
    {
        ModelUacceQueue[] open;
        ModelEngine?[] engines;
        lock (_lock)
        {
            if (_removed)
            {
                return;
            }

            _removed = true;
            open = OpenQueuesLocked();
            engines = _engines;
            _engines = new ModelEngine?[engines.Length];
        }

        foreach (ModelUacceQueue queue in open)
        {
            queue.ApplyRemoval();
        }

        foreach (ModelEngine? engine in engines)
        {
            engine?.Dispose();
        }
    }

    internal UacceModelQueue InvokeCreateQueue(UacceModelQueueContext context) => CreateQueue(context);

    /// <summary>Called by the bus when it hosts the model.</summary>
    internal void Attach(string name)
    {
        lock (_lock)
        {
            if (_name is not null)
            {
                throw new InvalidOperationException($"Device model {GetType().Name} is already hosted as {_name}; a model instance serves one bus.");
            }

            bool sva = (Options.Flags & UacceDeviceFlags.Sva) != 0;
            Volatile.Write(ref _addressSpace, new UacceAddressSpace(
                name,
                sva ? UacceAddressMode.Sva : UacceAddressMode.NoIommu,
                sva ? UacceAddressSpace.IovaPolicy.Identity : UacceAddressSpace.IovaPolicy.Assigned));
            Volatile.Write(ref _name, name);
        }
    }

    /// <summary>The attributes as the kernel would print them, trailing newline removed.</summary>
    internal AttributeRead ReadAttribute(string attribute)
    {
        UacceDeviceModelOptions o = Options;
        string? text = attribute switch
        {
            "api" => (o.Flags & UacceDeviceFlags.NoIommu) != 0 ? o.Api + UacceDeviceParser.NoIommuSuffix : o.Api,
            "flags" => ((uint)o.Flags).ToString(CultureInfo.InvariantCulture),
            "algorithms" => string.Join('\n', o.Algorithms),
            "available_instances" => AvailableInstances.ToString(CultureInfo.InvariantCulture),
            "region_mmio_size" => o.MmioRegionSize == 0 ? null : o.MmioRegionSize.ToString(CultureInfo.InvariantCulture),
            "region_dus_size" => o.DusRegionSize == 0 ? null : o.DusRegionSize.ToString(CultureInfo.InvariantCulture),
            "device/numa_node" => o.NumaNode.ToString(CultureInfo.InvariantCulture),
            "isolate" => IsIsolated ? "1" : "0",
            "isolate_strategy" => IsolateStrategy.ToString(CultureInfo.InvariantCulture),
            _ => null,
        };
        return text is null
            ? AttributeRead.Missing($"device model {Name} publishes no {attribute}")
            : AttributeRead.Value(text);
    }

    /// <summary>Opens a queue: the lowest free hardware queue, its memory, its device side, its engine.</summary>
    internal ModelUacceQueue OpenQueue(UacceDevice device)
    {
        lock (_lock)
        {
            if (_removed)
            {
                throw new UacceException(device.Name, Errno.ENODEV,
                    $"UACCE device {device.Name}: cannot open queue: the device was removed (ENODEV).");
            }

            if (_isolated)
            {
                throw new UacceException(device.Name, Errno.EIO,
                    $"UACCE device {device.Name}: cannot open queue: the device is isolated after {_errorTimes.Count} hardware errors within an hour (isolate = 1, isolate_strategy = {_isolateStrategy}) (EIO).");
            }

            int slot = Array.IndexOf(_slots, null);
            if (slot < 0)
            {
                throw UacceErrors.NoFreeQueue(device);
            }

            int engineIndex = slot % _engines.Length;
            ModelEngine engine = _engines[engineIndex] ??= new ModelEngine($"uacce {_name} engine {engineIndex}", Options);
            var queue = new ModelUacceQueue(device, this, slot, engine, _addressSpace!);
            _slots[slot] = queue;
            return queue;
        }
    }

    internal void Release(ModelUacceQueue queue)
    {
        lock (_lock)
        {
            if ((uint)queue.QueueId < (uint)_slots.Length && ReferenceEquals(_slots[queue.QueueId], queue))
            {
                _slots[queue.QueueId] = null;
            }
        }
    }

    internal void ReportEngineFault(int queueId, Exception exception)
    {
        Volatile.Write(ref _lastEngineFault, new UacceException(
            $"UACCE device {Name}: the model's queue {queueId} faulted in Process: {exception.Message}", exception));
    }

    private void ResetQueues(string reason)
    {
        ModelUacceQueue[] open;
        lock (_lock)
        {
            open = OpenQueuesLocked();
        }

        foreach (ModelUacceQueue queue in open)
        {
            queue.ApplyReset(reason);
        }
    }

    private ModelUacceQueue[] OpenQueuesLocked()
    {
        var open = new List<ModelUacceQueue>();
        foreach (ModelUacceQueue? queue in _slots)
        {
            if (queue is not null)
            {
                open.Add(queue);
            }
        }

        return [.. open];
    }
}
