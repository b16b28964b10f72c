using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AccelSdk.Uacce.Queues;

/// <summary>
/// One UACCE queue: an open file on the device's character device (or a device model's queue), its mapped MMIO
/// and DUS regions, and the start/put ioctls. Open one with <see cref="Drivers.UacceDeviceContext.OpenQueue"/>.
/// </summary>
/// <remarks>
/// <para>Lifecycle, as the kernel enforces it: <see cref="UacceQueueState.Initialized"/> (map regions, vendor ioctls)
/// → <see cref="Start"/> → <see cref="UacceQueueState.Started"/> (data path: descriptors in DUS, doorbells in MMIO)
/// → <see cref="Put"/> (optional immediate release) → <see cref="Dispose"/> (unmap, close; also releases a queue not
/// put).</para>
/// <para>The control methods take a lock and throw <see cref="UacceException"/> with a one-line message naming the
/// device and the cause. The data-path members (<see cref="IsSubmissionStopped"/>, <see cref="IsCompletionStopped"/>
/// and the <see cref="UacceRegion"/> accessors) are single loads and stores.</para>
/// </remarks>
public abstract unsafe class UacceQueue : IDisposable
{
    // Both health words read as zero until a DUS region is mapped, so the checks need no branch on the data path.
    private static readonly uint* s_zeroWords = (uint*)NativeMemory.AllocZeroed(2 * sizeof(uint));

    private readonly Lock _lock = new();
    private readonly UacceRegion[] _regions = new UacceRegion[2];
    private uint* _submissionStopped = s_zeroWords;
    private uint* _completionStopped = s_zeroWords + 1;
    private int _state;

    private protected UacceQueue(UacceDevice device)
    {
        Device = device;
    }

    /// <summary>The device the queue belongs to.</summary>
    public UacceDevice Device { get; }

    /// <summary>Current state.</summary>
    public UacceQueueState State => (UacceQueueState)Volatile.Read(ref _state);

    /// <summary>
    /// Whether the device asked software to stop submitting (the last u32 of the DUS region is non-zero): check it
    /// before ringing the submission doorbell. Always <see langword="false"/> before the DUS region is mapped.
    /// </summary>
    public bool IsSubmissionStopped
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Volatile.Read(ref *_submissionStopped) != 0;
    }

    /// <summary>
    /// Whether the device stopped its completion side (the u32 at DUS size − 8 is non-zero): check it before
    /// consuming completions. Always <see langword="false"/> before the DUS region is mapped.
    /// </summary>
    public bool IsCompletionStopped
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Volatile.Read(ref *_completionStopped) != 0;
    }

    /// <summary>
    /// Both reset words at once. A queue that is not <see cref="UacceQueueHealth.Ok"/> after a hardware error or a
    /// controller reset must be disposed and a new queue opened; it does not recover by itself. The words are the
    /// HiSilicon QM convention, which the device models follow; on a device that does not reserve them they are
    /// ring memory and mean nothing.
    /// </summary>
    public UacceQueueHealth Health =>
        (IsSubmissionStopped ? UacceQueueHealth.SubmissionStopped : UacceQueueHealth.Ok)
        | (IsCompletionStopped ? UacceQueueHealth.CompletionStopped : UacceQueueHealth.Ok);

    /// <summary>
    /// Maps a region (mmap at page offset <c>(int)type</c>, length from the device's <c>region_*_size</c>
    /// attribute, read/write, shared). Each region can be mapped once per queue, before or after <see cref="Start"/>.
    /// </summary>
    /// <exception cref="UacceException">The device has no such region, it is mapped already, the queue was released, or mmap failed.</exception>
    /// <exception cref="ObjectDisposedException">The queue is closed.</exception>
    public UacceRegion MapRegion(UacceRegionType type)
    {
        if (type is not (UacceRegionType.Mmio or UacceRegionType.Dus))
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, $"{nameof(type)} must be {UacceRegionType.Mmio} or {UacceRegionType.Dus}.");
        }

        lock (_lock)
        {
            ThrowIfClosed();
            long size = type == UacceRegionType.Mmio ? Device.MmioRegionSize : Device.DusRegionSize;
            if (size == 0)
            {
                throw UacceErrors.NoRegion(Device, type);
            }

            if (_regions[(int)type].IsMapped)
            {
                throw UacceErrors.AlreadyMapped(Device, type);
            }

            if (State == UacceQueueState.Released)
            {
                throw UacceErrors.Released(Device, $"map the {type} region");
            }

            UacceRegion region = MapRegionCore(type, size);
            _regions[(int)type] = region;
            if (type == UacceRegionType.Dus && size >= 2 * sizeof(uint))
            {
                byte* end = (byte*)region.Address + size;
                _submissionStopped = (uint*)(end - sizeof(uint));
                _completionStopped = (uint*)(end - (2 * sizeof(uint)));
            }

            return region;
        }
    }

    /// <summary>Gets a region mapped earlier by <see cref="MapRegion"/>.</summary>
    /// <returns><see langword="false"/> when that region is not mapped.</returns>
    public bool TryGetRegion(UacceRegionType type, out UacceRegion region)
    {
        lock (_lock)
        {
            region = (uint)type < 2 ? _regions[(int)type] : default;
            return region.IsMapped;
        }
    }

    /// <summary>Starts the queue (<c>UACCE_CMD_START_Q</c>): legal once, from <see cref="UacceQueueState.Initialized"/>.</summary>
    /// <exception cref="UacceException">The queue is not in INIT, the device does not support the ioctl, or it failed.</exception>
    /// <exception cref="ObjectDisposedException">The queue is closed.</exception>
    public void Start()
    {
        lock (_lock)
        {
            ThrowIfClosed();
            UacceQueueState state = State;
            if (state != UacceQueueState.Initialized)
            {
                throw state == UacceQueueState.Started
                    ? new UacceException(Device.Name, 0, $"UACCE device {Device.Name}: queue already started; UACCE_CMD_START_Q is legal only once, in INIT.")
                    : UacceErrors.Released(Device, "start");
            }

            StartCore();
            Volatile.Write(ref _state, (int)UacceQueueState.Started);
        }
    }

    /// <summary>
    /// Stops the queue and releases its hardware queue now (<c>UACCE_CMD_PUT_Q</c>), leaving only unmapping and
    /// closing; useful when the file may outlive the queue. Idempotent.
    /// </summary>
    /// <exception cref="ObjectDisposedException">The queue is closed.</exception>
    public void Put()
    {
        lock (_lock)
        {
            ThrowIfClosed();
            if (State == UacceQueueState.Released)
            {
                return;
            }

            PutCore();
            Volatile.Write(ref _state, (int)UacceQueueState.Released);
        }
    }

    /// <summary>
    /// Issues an ioctl on the queue (a vendor command such as HiSilicon's <c>SET_QP_CTX</c>, or a device model's
    /// own). The generic start/put commands are routed to <see cref="Start"/>/<see cref="Put"/>.
    /// </summary>
    /// <param name="request">The request number (<see cref="UacceIoctl"/> builds them).</param>
    /// <param name="argument">The argument: a pointer to the argument block, or a plain value.</param>
    /// <returns>The ioctl's non-negative return value.</returns>
    /// <exception cref="UacceException">The device does not know the command (ENOTTY/EINVAL) or it failed; the message names both.</exception>
    public int IoControl(uint request, nint argument)
    {
        switch (request)
        {
            case UacceIoctl.StartQueue:
                Start();
                return 0;
            case UacceIoctl.PutQueue:
                Put();
                return 0;
        }

        lock (_lock)
        {
            ThrowIfClosed();
            return IoControlCore(request, argument);
        }
    }

    /// <summary>Issues an ioctl whose argument is the block <paramref name="argument"/>, read and/or written in place.</summary>
    /// <inheritdoc cref="IoControl(uint, nint)"/>
    public int IoControl<T>(uint request, ref T argument)
        where T : unmanaged
    {
        fixed (T* pointer = &argument)
        {
            return IoControl(request, (nint)pointer);
        }
    }

    /// <summary>
    /// Waits until the device signals an event on the queue (<c>poll</c> for POLLIN: new completions) or the time
    /// runs out. An edge hint, not a count: after it returns, poll the completion ring until it is empty.
    /// </summary>
    /// <param name="timeoutMilliseconds">Longest wait; 0 checks without waiting; −1 waits forever.</param>
    /// <returns><see langword="true"/> if an event was signalled.</returns>
    public bool WaitForEvent(int timeoutMilliseconds)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(timeoutMilliseconds, -1);
        ObjectDisposedException.ThrowIf(State == UacceQueueState.Closed, this);
        return WaitForEventCore(timeoutMilliseconds);
    }

    /// <summary>Unmaps the regions and closes the queue; a queue not put is stopped and released first (as the kernel does on close).</summary>
    public void Dispose()
    {
        lock (_lock)
        {
            if (State == UacceQueueState.Closed)
            {
                return;
            }

            _submissionStopped = s_zeroWords;
            _completionStopped = s_zeroWords + 1;
            Volatile.Write(ref _state, (int)UacceQueueState.Closed);
            UacceRegion mmio = _regions[(int)UacceRegionType.Mmio];
            UacceRegion dus = _regions[(int)UacceRegionType.Dus];
            _regions[0] = default;
            _regions[1] = default;
            CloseCore(mmio, dus);
        }

        GC.SuppressFinalize(this);
    }

    /// <summary>The device and state, for logs: <c>uacce queue on hisi_zip-0 (Started)</c>.</summary>
    public override string ToString() => $"uacce queue on {Device.Name} ({State})";

    private protected abstract UacceRegion MapRegionCore(UacceRegionType type, long size);

    private protected abstract void StartCore();

    private protected abstract void PutCore();

    private protected abstract int IoControlCore(uint request, nint argument);

    private protected abstract bool WaitForEventCore(int timeoutMilliseconds);

    /// <summary>Releases the queue and frees the regions (either may be unmapped). Called once, under the lock.</summary>
    private protected abstract void CloseCore(UacceRegion mmio, UacceRegion dus);

    private void ThrowIfClosed() => ObjectDisposedException.ThrowIf(State == UacceQueueState.Closed, this);
}
