using System.Runtime.CompilerServices;
using AccelSdk.Qdma.Hardware;
using AccelSdk.Uacce;
using AccelSdk.Uacce.Drivers;
using AccelSdk.Uacce.Queues;

namespace AccelSdk.Qdma.Queues;

/// <summary>
/// The host side of one QDMA queue set on a UACCE queue: the H2C and C2H descriptor rings (software owns their
/// producer indices), the completion ring (software owns its consumer index and expected color), the doorbells and
/// the write-back status words. Written only against the UACCE queue contract, so it drives a kernel device and a
/// device model alike.
/// </summary>
/// <remarks>
/// <para>Threading (the bbdev model): one thread produces (the H2C/C2H members) while another consumes (the
/// completion members); nothing else runs concurrently. The producer learns which descriptor slots the device has
/// released from the H2C/C2H write-back CIDX; the consumer learns about finished jobs from the color bit.</para>
/// <para>Indices are ring positions in [0, slots), as QDMA's 16-bit PIDX/CIDX registers hold them; a ring of S
/// slots (a <see cref="QdmaRingSizes"/> value) has S − 1 descriptor slots and the status slot last, and at most
/// S − 2 descriptors are outstanding so that a full ring differs from an empty one.</para>
/// </remarks>
internal sealed unsafe class QdmaQueuePair : IDisposable
{
    private readonly UacceQueue _queue;
    private readonly UacceRegion _mmio;
    private readonly long _doorbell;
    private readonly byte* _h2c;
    private readonly byte* _c2h;
    private readonly byte* _cmpt;
    private readonly ulong* _h2cStatus;
    private readonly ulong* _c2hStatus;

    // Producer side (enqueue thread).
    private int _h2cPidx;
    private int _c2hPidx;

    // Consumer side (dequeue thread).
    private int _cmptCidx;
    private uint _expectedColor = 1;
    private bool _disposed;

    private QdmaQueuePair(UacceQueue queue, UacceRegion mmio, UacceRegion dus, in QdmaQueueGeometry geometry)
    {
        _queue = queue;
        _mmio = mmio;
        Geometry = geometry;
        _doorbell = geometry.DoorbellOffset;
        byte* dusBase = (byte*)dus.Address;
        H2cSlots = geometry.H2cRingSize - 1;
        C2hSlots = geometry.C2hRingSize - 1;
        CmptSlots = geometry.CmptRingSize - 1;
        MaxSegmentsPerJob = geometry.MaxSegmentsPerJob;
        MaxSegmentBytes = (int)Math.Min(geometry.MaxSegmentBytes, int.MaxValue);
        _h2c = dusBase + geometry.H2cRingOffset;
        _c2h = dusBase + geometry.C2hRingOffset;
        _cmpt = dusBase + geometry.CmptRingOffset;
        _h2cStatus = (ulong*)(_h2c + ((long)H2cSlots * QdmaH2cDescriptor.Size));
        _c2hStatus = (ulong*)(_c2h + ((long)C2hSlots * QdmaC2hDescriptor.Size));
    }

    /// <summary>What the kernel reported about the queue.</summary>
    public QdmaQueueGeometry Geometry { get; }

    /// <summary>H2C descriptor slots (ring size − 1).</summary>
    public int H2cSlots { get; }

    /// <summary>C2H descriptor slots.</summary>
    public int C2hSlots { get; }

    /// <summary>Completion entry slots.</summary>
    public int CmptSlots { get; }

    /// <summary>Most H2C (or C2H) descriptors one job may use.</summary>
    public int MaxSegmentsPerJob { get; }

    /// <summary>Largest length of one descriptor in bytes.</summary>
    public int MaxSegmentBytes { get; }

    /// <summary>Jobs that can be outstanding at once: the completion ring's capacity (slots − 1).</summary>
    public int MaxOutstandingJobs => CmptSlots - 1;

    /// <summary>The UACCE queue underneath.</summary>
    public UacceQueue Queue => _queue;

    /// <summary>Whether the device stopped the queue (a reset, a hardware error, a fault): the queue must be reopened.</summary>
    public bool IsStopped
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => _queue.IsSubmissionStopped || _queue.IsCompletionStopped;
    }

    /// <summary>
    /// Opens a UACCE queue on <paramref name="context"/>'s device, maps both regions, asks the kernel for the queue's
    /// geometry, checks it and starts the queue.
    /// </summary>
    /// <exception cref="UacceException">The device has no free queue, or a UACCE call failed.</exception>
    /// <exception cref="InvalidOperationException">The geometry is unusable; the message says why.</exception>
    public static QdmaQueuePair Open(UacceDeviceContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        UacceQueue queue = context.OpenQueue();
        try
        {
            UacceRegion mmio = queue.MapRegion(UacceRegionType.Mmio);
            UacceRegion dus = queue.MapRegion(UacceRegionType.Dus);
            QdmaQueueGeometry geometry = ReadGeometry(queue);
            string? problem = geometry.Validate(dus.Length, mmio.Length);
            if (problem is not null)
            {
                throw new InvalidOperationException($"UACCE device {context.Device.Name}: {problem}.");
            }

            queue.Start();
            return new QdmaQueuePair(queue, mmio, dus, geometry);
        }
        catch
        {
            queue.Dispose();
            throw;
        }
    }

    /// <summary>Issues the queue-info ioctl.</summary>
    public static QdmaQueueGeometry ReadGeometry(UacceQueue queue)
    {
        ArgumentNullException.ThrowIfNull(queue);
        QdmaQueueGeometry geometry = default;
        queue.IoControl(QdmaFecApi.QueueInfoRequest, ref geometry);
        return geometry;
    }

    /// <summary>H2C slots free for new descriptors, from the device's write-back CIDX (may lag: never overstates).</summary>
    public int H2cFree
    {
        get
        {
            int cidx = QdmaRingStatus.DescriptorCidx(Volatile.Read(ref *_h2cStatus));
            return H2cSlots - 1 - Distance(cidx, _h2cPidx, H2cSlots);
        }
    }

    /// <summary>C2H slots free for new descriptors, from the device's write-back CIDX.</summary>
    public int C2hFree
    {
        get
        {
            int cidx = QdmaRingStatus.DescriptorCidx(Volatile.Read(ref *_c2hStatus));
            return C2hSlots - 1 - Distance(cidx, _c2hPidx, C2hSlots);
        }
    }

    /// <summary>The H2C slot <paramref name="ahead"/> positions after the producer index (not yet visible to the device).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref QdmaH2cDescriptor H2cSlot(int ahead) =>
        ref *(QdmaH2cDescriptor*)(_h2c + ((long)Wrap(_h2cPidx + ahead, H2cSlots) * QdmaH2cDescriptor.Size));

    /// <summary>The C2H slot <paramref name="ahead"/> positions after the producer index.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ref QdmaC2hDescriptor C2hSlot(int ahead) =>
        ref *(QdmaC2hDescriptor*)(_c2h + ((long)Wrap(_c2hPidx + ahead, C2hSlots) * QdmaC2hDescriptor.Size));

    /// <summary>Moves the H2C producer index past <paramref name="count"/> written slots (the device sees them at the next doorbell).</summary>
    public void CommitH2c(int count) => _h2cPidx = Wrap(_h2cPidx + count, H2cSlots);

    /// <summary>Moves the C2H producer index past <paramref name="count"/> written slots.</summary>
    public void CommitC2h(int count) => _c2hPidx = Wrap(_c2hPidx + count, C2hSlots);

    /// <summary>
    /// Rings H2C_DSC_PIDX with the producer index (the doorbell's barrier publishes every descriptor store before it).
    /// With <paramref name="irqArm"/> the device signals an event at its next completion.
    /// </summary>
    public void RingH2c(bool irqArm) =>
        _mmio.WriteDoorbell32(_doorbell + QdmaRegisters.H2cPidx, (uint)_h2cPidx | (irqArm ? QdmaRegisters.PidxIrqArm : 0));

    /// <summary>
    /// Writes C2H_DSC_PIDX with a plain store, to be followed by <see cref="RingH2c"/>: the device starts a job only
    /// when the H2C doorbell shows it, and that doorbell's barrier publishes the C2H descriptors and this store with
    /// it, so one doorbell (one wake-up of a device model) per burst suffices.
    /// </summary>
    public void PostC2h() => _mmio.WriteUInt32(_doorbell + QdmaRegisters.C2hPidx, (uint)_c2hPidx);

    /// <summary>
    /// Reads the completion entry at the consumer index if the device has written it (its color is the expected
    /// one), and moves past it; the slot goes back to the device at the next <see cref="ReleaseCompletions"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadCompletion(out QdmaCompletionEntry entry)
    {
        QdmaCompletionEntry* slot = (QdmaCompletionEntry*)(_cmpt + ((long)_cmptCidx * QdmaCompletionEntry.Size));

        // (C1) Acquire load of Word0, paired with the device's release store of Word0 after the other words (D1):
        // when the color matches, the tag and lengths read below are the ones written with it.
        uint word0 = Volatile.Read(ref slot->Word0);
        if (((word0 >> 1) & 1) != _expectedColor)
        {
            entry = default;
            return false;
        }

        entry = *slot;
        entry.Word0 = word0;
        if (++_cmptCidx == CmptSlots)
        {
            _cmptCidx = 0;
            _expectedColor ^= 1;
        }

        return true;
    }

    /// <summary>Whether the entry <paramref name="ahead"/> positions after the consumer index has been written (a peek; consumes nothing).</summary>
    public bool IsCompletionWritten(int ahead)
    {
        if ((uint)ahead >= (uint)CmptSlots)
        {
            return false;
        }

        int position = _cmptCidx + ahead;
        uint color = _expectedColor;
        if (position >= CmptSlots)
        {
            position -= CmptSlots;
            color ^= 1;
        }

        QdmaCompletionEntry* slot = (QdmaCompletionEntry*)(_cmpt + ((long)position * QdmaCompletionEntry.Size));
        return ((Volatile.Read(ref slot->Word0) >> 1) & 1) == color;
    }

    /// <summary>
    /// Writes CMPT_CIDX: gives the consumed entries back to the device, keeps status write-back on, and with
    /// <paramref name="irqArm"/> asks for one event at the next completion (at once if one is already written).
    /// Consumer thread only: the index must never move backwards.
    /// </summary>
    /// <param name="irqArm">Arm the one-shot completion event.</param>
    /// <param name="deviceMayBeStalled">
    /// The completion ring was full, so the device may be waiting for these entries: ring the register as a doorbell
    /// (a device model's engine parked on the full ring wakes). Otherwise a release store suffices: the device reads
    /// the index before it next needs an entry, and the store is ordered after the entry loads it gives back.
    /// </param>
    public void ReleaseCompletions(bool irqArm, bool deviceMayBeStalled = true)
    {
        uint value = (uint)_cmptCidx | QdmaRegisters.CmptTriggerEvery | QdmaRegisters.CmptStatusWriteEnable | (irqArm ? QdmaRegisters.CmptIrqArm : 0);
        if (irqArm || deviceMayBeStalled)
        {
            _mmio.WriteDoorbell32(_doorbell + QdmaRegisters.CmptCidx, value);
        }
        else
        {
            _mmio.WriteUInt32(_doorbell + QdmaRegisters.CmptCidx, value);
        }
    }

    /// <summary>Waits for an event from the device (see <see cref="UacceQueue.WaitForEvent"/>).</summary>
    public bool WaitForEvent(int timeoutMilliseconds) => !_disposed && _queue.WaitForEvent(timeoutMilliseconds);

    /// <summary>Stops the device serving the queue and releases its hardware queue now (no further writes into the rings).</summary>
    public void Put()
    {
        if (_queue.State is UacceQueueState.Initialized or UacceQueueState.Started)
        {
            _queue.Put();
        }
    }

    /// <summary>Closes the queue (unmaps the rings).</summary>
    public void Dispose()
    {
        _disposed = true;
        _queue.Dispose();
    }

    /// <summary>(to − from) mod slots, for indices in [0, slots).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Distance(int from, int to, int slots)
    {
        int d = to - from;
        return d < 0 ? d + slots : d;
    }

    /// <summary>index mod slots for index in [0, 2·slots).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int Wrap(int index, int slots) => index >= slots ? index - slots : index;
}
