using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AccelSdk.Core.Devices;
using AccelSdk.Core.Metrics;
using AccelSdk.Dma.Driver;

namespace AccelSdk.Dma;

/// <summary>
/// A DMA device (DPDK's dmadev): copy, scatter-gather copy and fill jobs on virtual channels (vchans), with the
/// control path (configure, vchan setup, start/stop, statistics, dump) checked here once for every driver, and the
/// data path handed straight to the driver's channel.
/// </summary>
/// <remarks>
/// <para>
/// Lifecycle: <see cref="GetInfo"/> → <see cref="Configure(DmaConfig)"/> → <see cref="VchanSetup(int, DmaVchanConfig)"/>
/// for each vchan → <see cref="Start"/> → data path → <see cref="Stop"/> → (configure again, or start again, or)
/// <see cref="Close"/>. Control-path calls throw with a message naming the device, the field, the value and the
/// allowed range: <see cref="ArgumentException"/> for a bad value (DPDK's <c>-EINVAL</c>),
/// <see cref="InvalidOperationException"/> for a call in the wrong state (<c>-EBUSY</c> while started, or not
/// configured yet), <see cref="NotSupportedException"/> for a missing driver operation (<c>-ENOTSUP</c>).
/// </para>
/// <para>
/// Data path: <see cref="Copy"/>, <see cref="CopySg"/> and <see cref="Fill"/> return the job's index, a 16-bit
/// number (0..65535, wrapping) that restarts at 0 after every <see cref="Start"/>, or a negative
/// <see cref="DmaError"/> value (<see cref="DmaError.NoSpace"/> when the ring is full); they never throw for such
/// outcomes. Jobs run when submitted (<see cref="DmaOpFlags.Submit"/> or <see cref="Submit"/>) and are reported in
/// index order by <see cref="Completed"/> or <see cref="CompletedStatus"/>. Only a programming error (a vchan that
/// does not exist, a negative count) throws.
/// </para>
/// <para>
/// Threading, as in DPDK: nothing is thread-safe. Use a device's data path from one thread at a time, even for
/// different vchans (they share the device's engine), and never race control-path calls with it.
/// </para>
/// </remarks>
public sealed class DmaDevice : IAccelDevice
{
    /// <summary>The index a completion call reports when nothing was reported since <see cref="Start"/> (so that "last + 1" is 0).</summary>
    public const ushort NoJobIndex = ushort.MaxValue;

    private readonly DmaDeviceOperations _operations;
    private readonly DmaDeviceInfo _info;
    private readonly int _maxLength;
    private readonly DmaCapabilities _capabilities;
    private VchanSlot?[] _slots = [];
    private DmaConfig? _config;
    private DeviceState _state = DeviceState.Initialized;
    private bool _disposed;

    private DmaDevice(string name, DmaDeviceOperations operations)
    {
        Name = name;
        _operations = operations;
        _info = operations.Info ?? throw new InvalidOperationException($"DMA driver {operations.GetType().Name} reported no info.");
        _maxLength = _info.MaxLength;
        _capabilities = _info.Capabilities;
        if (_info.MaxVchans < 1 || _info.MinDesc < 1 || _info.MaxDesc < _info.MinDesc || _maxLength < 1 || _info.MaxSges < 0)
        {
            throw new InvalidOperationException(
                $"DMA driver {_info.DriverName} reported inconsistent limits: max_vchans {_info.MaxVchans} (>= 1), desc [{_info.MinDesc}, {_info.MaxDesc}] (1 <= min <= max), max length {_maxLength} (>= 1), max_sges {_info.MaxSges} (>= 0).");
        }
    }

    /// <inheritdoc />
    public string Name { get; }

    /// <inheritdoc />
    public string DriverName => _info.DriverName;

    /// <inheritdoc />
    public DeviceClass Class => DeviceClass.Dma;

    /// <inheritdoc />
    public int NumaNode => _info.NumaNode;

    /// <inheritdoc />
    public DeviceState State => _state;

    /// <summary>Configured virtual channels (<see cref="IAccelDevice.QueueCount"/>: a vchan is the dmadev's queue).</summary>
    public int QueueCount => _slots.Length;

    /// <inheritdoc />
    public string Location => _operations.Location;

    /// <summary>Whether the device is started.</summary>
    public bool IsStarted => _state == DeviceState.Started;

    /// <summary>The device's capabilities (the same as <c>GetInfo().Capabilities</c>).</summary>
    public DmaCapabilities Capabilities => _capabilities;

    /// <summary>The configuration in force, or <see langword="null"/> before <see cref="Configure(DmaConfig)"/> (and after <see cref="Close"/>).</summary>
    public DmaConfig? Config => _config;

    /// <summary>Creates a device over a driver's operations; drivers call this from their factory.</summary>
    /// <exception cref="InvalidOperationException">The driver's info is missing or inconsistent.</exception>
    public static DmaDevice Create(string name, DmaDeviceOperations operations)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(operations);
        return new DmaDevice(name, operations);
    }

    /// <summary>The device's identity, capabilities, limits and configured vchan count (DPDK's <c>rte_dma_info_get</c>).</summary>
    public DmaDeviceInfo GetInfo()
    {
        ThrowIfDisposed();
        return _info with { Name = Name, NbVchans = _slots.Length };
    }

    /// <summary>Configures <paramref name="nbVchans"/> vchans, optionally in silent mode (DPDK's <c>rte_dma_configure</c>).</summary>
    /// <inheritdoc cref="Configure(DmaConfig)"/>
    public void Configure(int nbVchans, bool silent = false) =>
        Configure(new DmaConfig { NbVchans = nbVchans, Flags = silent ? DmaConfigFlags.Silent : DmaConfigFlags.None });

    /// <summary>
    /// Configures the device (DPDK's <c>rte_dma_configure</c>): releases any vchans set up before and sizes the device
    /// to <see cref="DmaConfig.NbVchans"/> vchans, each to be set up with <see cref="VchanSetup(int, DmaVchanConfig)"/>.
    /// </summary>
    /// <exception cref="InvalidOperationException">The device is started (<c>-EBUSY</c>).</exception>
    /// <exception cref="ArgumentOutOfRangeException">The vchan count, priority or flags are out of range (<c>-EINVAL</c>).</exception>
    /// <exception cref="ArgumentException">Silent mode without <see cref="DmaCapabilities.Silent"/> (<c>-EINVAL</c>).</exception>
    public void Configure(DmaConfig config)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(config);
        ThrowIfStarted("configure it");
        if (config.NbVchans < 1 || config.NbVchans > _info.MaxVchans)
        {
            throw new ArgumentOutOfRangeException(nameof(config), config.NbVchans,
                $"DMA device {Name}: NbVchans {config.NbVchans} is out of range [1, {_info.MaxVchans}].");
        }

        if (_info.Has(DmaCapabilities.PriorityPolicySp))
        {
            if (config.Priority < 0 || config.Priority >= _info.NbPriorities)
            {
                throw new ArgumentOutOfRangeException(nameof(config), config.Priority,
                    $"DMA device {Name}: Priority {config.Priority} is out of range [0, {_info.NbPriorities - 1}].");
            }
        }
        else if (config.Priority != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(config), config.Priority,
                $"DMA device {Name}: Priority {config.Priority} is invalid: the device has no priority policy (PriorityPolicySp), so it must be 0.");
        }

        const DmaConfigFlags known = DmaConfigFlags.Silent;
        if ((config.Flags & ~known) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(config), config.Flags,
                string.Create(CultureInfo.InvariantCulture, $"DMA device {Name}: Flags has unknown bits 0x{(ulong)(config.Flags & ~known):X}; allowed: {known}."));
        }

        if (config.Silent && !_info.Has(DmaCapabilities.Silent))
        {
            throw new ArgumentException($"DMA device {Name}: silent mode is requested but the device does not have the Silent capability.", nameof(config));
        }

        ReleaseVchans();
        _slots = [];
        _config = null;
        _operations.Configure(config);
        _config = config;
        _slots = new VchanSlot?[config.NbVchans];
        _state = DeviceState.Configured;
    }

    /// <summary>Sets up vchan <paramref name="vchan"/> for <paramref name="direction"/> with a ring of <paramref name="nbDesc"/> descriptors (DPDK's <c>rte_dma_vchan_setup</c>).</summary>
    /// <inheritdoc cref="VchanSetup(int, DmaVchanConfig)"/>
    public void VchanSetup(int vchan, DmaDirection direction, int nbDesc) =>
        VchanSetup(vchan, new DmaVchanConfig { Direction = direction, NbDesc = nbDesc });

    /// <summary>Sets up (or sets up again) one vchan (DPDK's <c>rte_dma_vchan_setup</c>).</summary>
    /// <exception cref="InvalidOperationException">The device is started (<c>-EBUSY</c>), or not configured.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The vchan, direction or ring size is out of range (<c>-EINVAL</c>).</exception>
    /// <exception cref="ArgumentException">The device lacks the capability for the direction (<c>-EINVAL</c>).</exception>
    public void VchanSetup(int vchan, DmaVchanConfig config)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(config);
        ThrowIfStarted("set up a vchan");
        if (config.Direction is < DmaDirection.MemToMem or > DmaDirection.DevToDev)
        {
            throw new ArgumentOutOfRangeException(nameof(config), config.Direction,
                $"DMA device {Name}: Direction {(int)config.Direction} is not one of MemToMem (0), MemToDev (1), DevToMem (2), DevToDev (3).");
        }

        if (_config is null)
        {
            throw new InvalidOperationException($"DMA device {Name}: it is not configured; call Configure before VchanSetup.");
        }

        if ((uint)vchan >= (uint)_slots.Length)
        {
            ThrowHelper.ThrowVchanOutOfRange(Name, vchan, _slots.Length);
        }

        DmaCapabilities needed = config.Direction switch
        {
            DmaDirection.MemToMem => DmaCapabilities.MemToMem,
            DmaDirection.MemToDev => DmaCapabilities.MemToDev,
            DmaDirection.DevToMem => DmaCapabilities.DevToMem,
            _ => DmaCapabilities.DevToDev,
        };
        if (!_info.Has(needed))
        {
            throw new ArgumentException(
                $"DMA device {Name}: vchan {vchan} direction {config.Direction} needs the {needed} capability, which the device lacks (it has {_capabilities}).", nameof(config));
        }

        if (config.NbDesc < _info.MinDesc || config.NbDesc > _info.MaxDesc)
        {
            throw new ArgumentOutOfRangeException(nameof(config), config.NbDesc,
                $"DMA device {Name}: vchan {vchan} NbDesc {config.NbDesc} is out of range [{_info.MinDesc}, {_info.MaxDesc}].");
        }

        _slots[vchan]?.Release();
        _slots[vchan] = null;
        DmaVchan created = _operations.SetupVchan(vchan, config)
            ?? throw new InvalidOperationException($"DMA driver {DriverName} returned no vchan for vchan {vchan}.");
        _slots[vchan] = new VchanSlot(created, _config.Silent, AccelMetrics.RegisterQueue(DeviceClass.Dma, Name, vchan, created.Counters));
    }

    /// <summary>
    /// Starts the device (DPDK's <c>rte_dma_start</c>): every vchan's ring starts empty (completions not harvested
    /// before are discarded) and job indices restart at 0. Starting a started device does nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">The device is not configured, a vchan is not set up, or the driver cannot start.</exception>
    public void Start()
    {
        ThrowIfDisposed();
        if (IsStarted)
        {
            return;
        }

        if (_config is null)
        {
            throw new InvalidOperationException($"DMA device {Name}: it is not configured; call Configure and VchanSetup before Start.");
        }

        var vchans = new DmaVchan[_slots.Length];
        for (int i = 0; i < _slots.Length; i++)
        {
            vchans[i] = _slots[i]?.Vchan ?? throw new InvalidOperationException(
                $"DMA device {Name}: vchan {i} of {_slots.Length} is not set up; call VchanSetup for every vchan before Start.");
        }

        _operations.Start(vchans);
        foreach (VchanSlot? slot in _slots)
        {
            slot!.Restart();
        }

        _state = DeviceState.Started;
    }

    /// <summary>
    /// Stops the device (DPDK's <c>rte_dma_stop</c>): enqueue calls return <see cref="DmaError.NotPermitted"/>, every
    /// submitted job finishes, and jobs enqueued but never submitted complete with <see cref="DmaStatus.UserAbort"/>;
    /// all of them can still be harvested until the next <see cref="Start"/>. Stopping a stopped device does nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">The driver could not stop (its jobs did not finish); the device stays started.</exception>
    public void Stop()
    {
        ThrowIfDisposed();
        if (!IsStarted)
        {
            return;
        }

        foreach (VchanSlot? slot in _slots)
        {
            slot!.Started = false;
        }

        try
        {
            _operations.Stop();
        }
        catch
        {
            foreach (VchanSlot? slot in _slots)
            {
                slot!.Started = true;
            }

            throw;
        }

        _state = DeviceState.Stopped;
    }

    /// <summary>
    /// Closes the device (DPDK's <c>rte_dma_close</c>): releases its vchans and the driver's device resources. It can
    /// be configured again afterwards.
    /// </summary>
    /// <exception cref="InvalidOperationException">The device is started (<c>-EBUSY</c>).</exception>
    public void Close()
    {
        ThrowIfDisposed();
        ThrowIfStarted("close it");
        ReleaseVchans();
        _slots = [];
        _config = null;
        _operations.Close();
        _state = DeviceState.Closed;
    }

    /// <summary>
    /// Makes [<paramref name="address"/>, +<paramref name="length"/>) reachable by the device; dispose the result to
    /// unregister once no job uses the memory. Needed on devices without <see cref="DmaCapabilities.Sva"/> (and on a
    /// UACCE device model, which reaches only registered memory); harmless elsewhere.
    /// </summary>
    /// <exception cref="ArgumentException">The address is 0, the length is not positive, or the block overlaps a registered one.</exception>
    public IDisposable RegisterMemory(nint address, long length)
    {
        ThrowIfDisposed();
        if (address == 0)
        {
            throw new ArgumentException($"DMA device {Name}: cannot register memory at address 0.", nameof(address));
        }

        if (length <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(length), length, $"DMA device {Name}: a registered block needs a length of at least 1 byte; got {length}.");
        }

        return _operations.RegisterMemory(address, length);
    }

    /// <summary>Enqueues a copy of <paramref name="length"/> bytes from <paramref name="source"/> to <paramref name="destination"/> (DPDK's <c>rte_dma_copy</c>).</summary>
    /// <param name="vchan">The vchan, in [0, <see cref="QueueCount"/>).</param>
    /// <param name="source">Process address of the first source byte.</param>
    /// <param name="destination">Process address of the first destination byte.</param>
    /// <param name="length">Bytes to copy, in [1, <see cref="DmaDeviceInfo.MaxLength"/>].</param>
    /// <param name="flags">Fence, submit and cache hints.</param>
    /// <returns>The job index (0..65535), or a negative <see cref="DmaError"/> value.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The vchan does not exist (a programming error).</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Copy(int vchan, nint source, nint destination, int length, DmaOpFlags flags = DmaOpFlags.None)
    {
        VchanSlot? slot = EnqueueSlot(vchan);
        if (slot is null || !slot.Started)
        {
            return DmaError.NotPermitted;
        }

        if ((uint)(length - 1) >= (uint)_maxLength || (_capabilities & DmaCapabilities.OpsCopy) == 0)
        {
            return slot.Refuse(length < 1 || length > _maxLength ? DmaError.InvalidArgument : DmaError.NotSupported);
        }

        return slot.Accept(slot.Vchan.Copy(source, destination, length, flags));
    }

    /// <summary>
    /// Enqueues a scatter-gather copy (DPDK's <c>rte_dma_copy_sg</c>): the source entries, read in order as one byte
    /// stream, are written across the destination entries in order.
    /// </summary>
    /// <param name="vchan">The vchan.</param>
    /// <param name="source">1 to <see cref="DmaDeviceInfo.MaxSges"/> entries, each 1 to <see cref="DmaDeviceInfo.MaxLength"/> bytes.</param>
    /// <param name="destination">1 to <see cref="DmaDeviceInfo.MaxSges"/> entries of the same total length as <paramref name="source"/>.</param>
    /// <param name="flags">Fence, submit and cache hints.</param>
    /// <returns>The job index, or a negative <see cref="DmaError"/> value (<see cref="DmaError.NotSupported"/> without <see cref="DmaCapabilities.OpsCopySg"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The vchan does not exist.</exception>
    public int CopySg(int vchan, ReadOnlySpan<DmaSge> source, ReadOnlySpan<DmaSge> destination, DmaOpFlags flags = DmaOpFlags.None)
    {
        VchanSlot? slot = EnqueueSlot(vchan);
        if (slot is null || !slot.Started)
        {
            return DmaError.NotPermitted;
        }

        if ((_capabilities & DmaCapabilities.OpsCopySg) == 0)
        {
            return slot.Refuse(DmaError.NotSupported);
        }

        long total = SgLength(source);
        if (total < 0 || total != SgLength(destination))
        {
            return slot.Refuse(DmaError.InvalidArgument);
        }

        return slot.Accept(slot.Vchan.CopySg(source, destination, total, flags));
    }

    /// <summary>
    /// Enqueues a fill of <paramref name="length"/> bytes at <paramref name="destination"/> (DPDK's <c>rte_dma_fill</c>):
    /// byte <c>i</c> becomes byte <c>i mod 8</c> of <paramref name="pattern"/> as laid out in memory (little-endian,
    /// low byte first).
    /// </summary>
    /// <returns>The job index, or a negative <see cref="DmaError"/> value (<see cref="DmaError.NotSupported"/> without <see cref="DmaCapabilities.OpsFill"/>).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The vchan does not exist.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Fill(int vchan, ulong pattern, nint destination, int length, DmaOpFlags flags = DmaOpFlags.None)
    {
        VchanSlot? slot = EnqueueSlot(vchan);
        if (slot is null || !slot.Started)
        {
            return DmaError.NotPermitted;
        }

        if ((uint)(length - 1) >= (uint)_maxLength || (_capabilities & DmaCapabilities.OpsFill) == 0)
        {
            return slot.Refuse(length < 1 || length > _maxLength ? DmaError.InvalidArgument : DmaError.NotSupported);
        }

        return slot.Accept(slot.Vchan.Fill(pattern, destination, length, flags));
    }

    /// <summary>Rings the doorbell of <paramref name="vchan"/>: every job enqueued so far may start (DPDK's <c>rte_dma_submit</c>).</summary>
    /// <returns>0, or a negative <see cref="DmaError"/> value (<see cref="DmaError.NotPermitted"/> when stopped, <see cref="DmaError.IoError"/> after a device fault).</returns>
    /// <exception cref="ArgumentOutOfRangeException">The vchan does not exist.</exception>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Submit(int vchan)
    {
        VchanSlot? slot = EnqueueSlot(vchan);
        return slot is null || !slot.Started ? DmaError.NotPermitted : slot.Vchan.Submit();
    }

    /// <summary>
    /// Reports and consumes up to <paramref name="maxCompletions"/> of the oldest unreported jobs that completed
    /// successfully (DPDK's <c>rte_dma_completed</c>). Stops at the first failed job without consuming it — then
    /// <paramref name="hasError"/> is true, and stays true on later calls until <see cref="CompletedStatus"/> consumes
    /// the failure — or at the first job not finished yet.
    /// </summary>
    /// <param name="vchan">The vchan.</param>
    /// <param name="maxCompletions">Most jobs to report (0 or more).</param>
    /// <param name="lastIndex">The index of the last job reported; when none is, the last reported before (<see cref="NoJobIndex"/> after a start).</param>
    /// <param name="hasError">Whether the call stopped at a failed job.</param>
    /// <returns>The number of jobs reported.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The vchan does not exist, or <paramref name="maxCompletions"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The device is in silent mode.</exception>
    public int Completed(int vchan, int maxCompletions, out ushort lastIndex, out bool hasError)
    {
        VchanSlot? slot = CompletionSlot(vchan, maxCompletions);
        if (slot is null)
        {
            lastIndex = NoJobIndex;
            hasError = false;
            return 0;
        }

        int n = slot.Vchan.Completed(maxCompletions, out hasError);
        slot.Vchan.Counters.AddDequeued(n);
        slot.LastIndex = (ushort)(slot.LastIndex + n);
        lastIndex = slot.LastIndex;
        return n;
    }

    /// <summary>
    /// Reports and consumes up to <paramref name="maxCompletions"/> of the oldest unreported finished jobs, whether
    /// they succeeded or not, writing each job's status (DPDK's <c>rte_dma_completed_status</c>).
    /// </summary>
    /// <param name="vchan">The vchan.</param>
    /// <param name="maxCompletions">Most jobs to report, at most <c>status.Length</c>.</param>
    /// <param name="lastIndex">The index of the last job reported (as for <see cref="Completed"/>).</param>
    /// <param name="status">Receives one status per reported job, from its start.</param>
    /// <returns>The number of jobs reported.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The vchan does not exist, or <paramref name="maxCompletions"/> is negative.</exception>
    /// <exception cref="ArgumentException"><paramref name="status"/> is shorter than <paramref name="maxCompletions"/>.</exception>
    /// <exception cref="InvalidOperationException">The device is in silent mode.</exception>
    public int CompletedStatus(int vchan, int maxCompletions, out ushort lastIndex, Span<DmaStatus> status)
    {
        VchanSlot? slot = CompletionSlot(vchan, maxCompletions);
        if (maxCompletions > status.Length)
        {
            ThrowHelper.ThrowStatusTooShort(Name, maxCompletions, status.Length);
        }

        if (slot is null)
        {
            lastIndex = NoJobIndex;
            return 0;
        }

        int n = slot.Vchan.CompletedStatus(status[..maxCompletions]);
        ReadOnlySpan<ushort> codes = MemoryMarshal.Cast<DmaStatus, ushort>(status[..n]);
        slot.Vchan.Counters.AddDequeued(n, errors: n - codes.Count((ushort)DmaStatus.Successful));
        slot.LastIndex = (ushort)(slot.LastIndex + n);
        lastIndex = slot.LastIndex;
        return n;
    }

    /// <summary>
    /// How many jobs <paramref name="vchan"/> can accept now (DPDK's <c>rte_dma_burst_capacity</c>): drops by one per
    /// accepted job and grows back as completions are harvested; 0 when the device is not started.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The vchan does not exist.</exception>
    public int BurstCapacity(int vchan)
    {
        VchanSlot? slot = EnqueueSlot(vchan);
        return slot is null || !slot.Started ? 0 : slot.Vchan.BurstCapacity;
    }

    /// <summary>Whether <paramref name="vchan"/> is idle, busy or halted by an error (DPDK's <c>rte_dma_vchan_status</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The vchan does not exist.</exception>
    public DmaVchanStatus GetVchanStatus(int vchan)
    {
        ThrowIfDisposed();
        VchanSlot? slot = EnqueueSlot(vchan);
        return slot?.Vchan.Status ?? DmaVchanStatus.Idle;
    }

    /// <summary>Statistics of one vchan (DPDK's <c>rte_dma_stats_get</c>); zeros for a vchan not set up.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The vchan does not exist.</exception>
    public DmaStats GetStats(int vchan)
    {
        ThrowIfDisposed();
        VchanSlot? slot = EnqueueSlot(vchan);
        return slot is null ? default : Read(slot.Vchan.Counters);
    }

    /// <summary>Statistics summed over every vchan (DPDK's <c>rte_dma_stats_get</c> with <c>RTE_DMA_ALL_VCHAN</c>).</summary>
    public DmaStats GetStats()
    {
        ThrowIfDisposed();
        long submitted = 0, completed = 0, errors = 0;
        foreach (VchanSlot? slot in _slots)
        {
            if (slot is not null)
            {
                DmaStats s = Read(slot.Vchan.Counters);
                submitted += s.Submitted;
                completed += s.Completed;
                errors += s.Errors;
            }
        }

        return new DmaStats(submitted, completed, errors);
    }

    /// <summary>Zeroes the statistics of one vchan (DPDK's <c>rte_dma_stats_reset</c>).</summary>
    /// <exception cref="ArgumentOutOfRangeException">The vchan does not exist.</exception>
    public void ResetStats(int vchan)
    {
        ThrowIfDisposed();
        EnqueueSlot(vchan)?.Vchan.Counters.Reset();
    }

    /// <summary>Zeroes the statistics of every vchan.</summary>
    public void ResetStats()
    {
        ThrowIfDisposed();
        foreach (VchanSlot? slot in _slots)
        {
            slot?.Vchan.Counters.Reset();
        }
    }

    /// <summary>
    /// Writes the device's state for diagnosis (DPDK's <c>rte_dma_dump</c>): name, state, capabilities, vchans and
    /// mode, then each vchan's statistics and the driver's own state (ring indices, counters).
    /// </summary>
    public void Dump(TextWriter writer)
    {
        ThrowIfDisposed();
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dma device {Name} ({DriverName}, {Location}): {_state}"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  capabilities: 0x{(ulong)_capabilities:X} ({_capabilities})"));
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  max vchans: {_info.MaxVchans}, configured: {_slots.Length}, desc: [{_info.MinDesc}, {_info.MaxDesc}], max sges: {_info.MaxSges}, max length: {_info.MaxLength}"));
        writer.WriteLine($"  silent: {(_config?.Silent == true ? "on" : "off")}, engine: {_info.Engine}");
        _operations.Dump(writer);
        for (int i = 0; i < _slots.Length; i++)
        {
            VchanSlot? slot = _slots[i];
            if (slot is null)
            {
                writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  vchan {i}: not set up"));
                continue;
            }

            DmaStats s = Read(slot.Vchan.Counters);
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  vchan {i}: {slot.Vchan.Config.Direction}, nb_desc {slot.Vchan.Config.NbDesc}, {slot.Vchan.Status}; next job {slot.NextIndex}, last reported {slot.LastIndex}; submitted {s.Submitted}, completed {s.Completed}, errors {s.Errors}, refused {slot.Vchan.Counters.EnqueueErrors}"));
            slot.Vchan.Dump(writer);
        }
    }

    /// <summary>Stops and closes the device and releases the driver.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            Stop();
        }
        finally
        {
            ReleaseVchans();
            _slots = [];
            _config = null;
            _state = DeviceState.Closed;
            _disposed = true;
            _operations.Close();
            _operations.Dispose();
        }
    }

    /// <inheritdoc />
    public override string ToString() => $"{Name} ({DriverName}, {_state})";

    private static DmaStats Read(QueueCounters c) => new(c.Enqueued, c.Dequeued, c.DequeueErrors);

    /// <summary>Sum of the entries' lengths, or −1 when the list is empty, too long, or has an entry out of range.</summary>
    private long SgLength(ReadOnlySpan<DmaSge> entries)
    {
        if (entries.Length < 1 || entries.Length > _info.MaxSges)
        {
            return -1;
        }

        long total = 0;
        foreach (DmaSge entry in entries)
        {
            if ((uint)(entry.Length - 1) >= (uint)_maxLength)
            {
                return -1;
            }

            total += entry.Length;
        }

        return total;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private VchanSlot? EnqueueSlot(int vchan)
    {
        VchanSlot?[] slots = _slots;
        if ((uint)vchan >= (uint)slots.Length)
        {
            ThrowHelper.ThrowVchanOutOfRange(Name, vchan, slots.Length);
        }

        return slots[vchan];
    }

    private VchanSlot? CompletionSlot(int vchan, int maxCompletions)
    {
        VchanSlot? slot = EnqueueSlot(vchan);
        if (maxCompletions < 0)
        {
            ThrowHelper.ThrowNegativeCount(Name, maxCompletions);
        }

        if (slot is not null && slot.Silent)
        {
            ThrowHelper.ThrowSilent(Name, vchan);
        }

        return slot;
    }

    private void ThrowIfStarted(string action)
    {
        if (IsStarted)
        {
            throw new InvalidOperationException($"DMA device {Name} is started; stop it to {action}.");
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private void ReleaseVchans()
    {
        for (int i = 0; i < _slots.Length; i++)
        {
            _slots[i]?.Release();
            _slots[i] = null;
        }
    }

    /// <summary>The library's record of one vchan: the driver's channel, whether it accepts jobs, and the job indices.</summary>
    private sealed class VchanSlot(DmaVchan vchan, bool silent, IDisposable metrics)
    {
        private IDisposable? _metrics = metrics;

        public DmaVchan Vchan { get; } = vchan;

        public bool Silent { get; } = silent;

        /// <summary>Whether enqueues reach the driver (cleared before the driver is told to stop).</summary>
        public bool Started { get; set; }

        /// <summary>The index the next accepted job gets.</summary>
        public ushort NextIndex { get; private set; }

        /// <summary>The index of the last job reported by a completion call.</summary>
        public ushort LastIndex { get; set; } = NoJobIndex;

        public void Restart()
        {
            NextIndex = 0;
            LastIndex = NoJobIndex;
            Started = true;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public int Accept(int result)
        {
            if (result < 0)
            {
                return Refuse(result);
            }

            Vchan.Counters.AddEnqueued(1);
            return NextIndex++;
        }

        [MethodImpl(MethodImplOptions.NoInlining)]
        public int Refuse(int error)
        {
            Vchan.Counters.AddEnqueued(0, errors: 1);
            return error;
        }

        public void Release()
        {
            Started = false;
            _metrics?.Dispose();
            _metrics = null;
            Vchan.Dispose();
        }
    }
}
