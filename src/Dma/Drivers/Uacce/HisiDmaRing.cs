using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;
using AccelSdk.Dma.Hardware;
using AccelSdk.Uacce.Memory;
using AccelSdk.Uacce.Queues;

namespace AccelSdk.Dma.Drivers.Uacce;

/// <summary>
/// The driver's side of one QM queue, as DPDK's hisi_acc keeps it: submission entries written into the DUS region and
/// announced with the 64-bit doorbell, completion entries found by their phase bit, a per-slot status array.
/// </summary>
/// <remarks>
/// <para>Ring positions (all masked to the depth): <c>sqTail</c> — next slot to fill; <c>dbTail</c> — the tail last
/// rung; <c>cqSqHead</c> — one past the last slot the device reported; <c>sqHead</c> — one past the last slot reported
/// to the application. <c>sqHead ≤ cqSqHead ≤ dbTail ≤ sqTail</c> in ring order.</para>
/// <para>Capacity: <c>depth − 65 − (sqTail − sqHead)</c>. DPDK's driver frees a slot when the device completes it;
/// this one frees it when the application harvests it, so an unreported status is never overwritten, and the device
/// still never has more than <c>depth − 65</c> entries in flight — the 64-entry gap that covers the lazily rung
/// completion doorbell (rung once 64 entries were consumed).</para>
/// <para>Ordering: entries are plain stores into the DUS region; <see cref="UacceRegion.WriteDoorbell64"/> orders them
/// before the doorbell. The device writes an entry's write-back word, then its completion word with release
/// semantics; the scan acquires the completion word before it reads the write-back word.</para>
/// <para>Faults: when the device stops a queue (reset words set), enqueues and submits return
/// <see cref="DmaError.IoError"/>, every job the device did not report completes with
/// <see cref="DmaStatus.ErrorUnknown"/>, the channel reports <see cref="DmaVchanStatus.HaltedError"/>, and the next
/// start closes the queue and opens a fresh one.</para>
/// </remarks>
internal sealed unsafe class HisiDmaRing : IDisposable
{
    private readonly UacceQueue _queue;
    private readonly UacceRegion _mmio;
    private readonly byte* _dus;
    private readonly UacceAddressSpace _space;
    private readonly bool _identity;
    private readonly int _depth;
    private readonly int _mask;
    private readonly int _capacity;
    private readonly long _cqOffset;
    private readonly ushort[] _status;
    private readonly int _sqn;

    private int _sqTail;
    private int _dbTail;
    private int _cqSqHead;
    private int _sqHead;
    private int _cqHead;
    private int _cqPhase = 1;
    private int _cqsCompleted;
    private int _hardwareTail;
    private bool _halted;
    private long _ioErrors;
    private long _queueFulls;
    private long _deviceFailures;
    private string? _fault;

    private HisiDmaRing(UacceQueue queue, UacceRegion mmio, UacceRegion dus, UacceAddressSpace space, int sqn, int depth)
    {
        _queue = queue;
        _mmio = mmio;
        _dus = (byte*)dus.Address;
        _space = space;
        _identity = space.IsIdentity;
        _sqn = sqn;
        _depth = depth;
        _mask = depth - 1;
        _capacity = depth - HisiQm.SqReserve;
        _cqOffset = HisiQm.CqOffset(depth);
        _status = new ushort[depth];
    }

    /// <summary>The submission ring depth (the only ring size the device accepts).</summary>
    public int Depth => _depth;

    /// <summary>The hardware queue number.</summary>
    public int QueueNumber => _sqn;

    /// <summary>Whether the queue was ever started (a UACCE queue starts only once).</summary>
    public bool Started => _queue.State == UacceQueueState.Started;

    /// <summary>Whether the queue must be replaced before it is used again (the device stopped it, or it did not drain).</summary>
    public bool Broken => _fault is not null || _queue.Health != UacceQueueHealth.Ok;

    public int BurstCapacity => _capacity - ((_sqTail - _sqHead) & _mask);

    /// <summary>
    /// Opens and prepares a queue as hisi_acc does: SET_QP_CTX (data-move type) for the queue number, SET_QP_INFO for
    /// the entry size and depths, then both regions mapped and checked against that layout.
    /// </summary>
    /// <exception cref="InvalidOperationException">The device's answers do not fit the data-move format; the message says which.</exception>
    public static HisiDmaRing Open(Func<UacceQueue> open, UacceAddressSpace space, string deviceName)
    {
        UacceQueue queue = open();
        try
        {
            var ctx = new HisiQpCtx { QcType = HisiQm.QcTypeUdma };
            queue.IoControl(HisiQm.SetQpCtx, ref ctx);
            var info = default(HisiQpInfo);
            queue.IoControl(HisiQm.SetQpInfo, ref info);
            if (info.SqeSize != HisiQm.SqeSize)
            {
                throw new InvalidOperationException($"UACCE device {deviceName}: submission entries are {info.SqeSize} bytes; the data-move format needs {HisiQm.SqeSize}.");
            }

            if (info.SqDepth <= HisiQm.SqReserve || !int.IsPow2(info.SqDepth) || info.CqDepth < info.SqDepth)
            {
                throw new InvalidOperationException(
                    $"UACCE device {deviceName}: ring depths SQ {info.SqDepth} / CQ {info.CqDepth} are unusable: the SQ depth must be a power of two above {HisiQm.SqReserve} and the CQ at least as deep.");
            }

            UacceRegion mmio = queue.MapRegion(UacceRegionType.Mmio);
            UacceRegion dus = queue.MapRegion(UacceRegionType.Dus);
            long needed = HisiQm.CqOffset(info.SqDepth) + ((long)info.SqDepth * HisiQm.CqeSize) + (2 * sizeof(uint));
            if (mmio.Length < HisiQm.DoorbellOffset + sizeof(ulong) || dus.Length < needed)
            {
                throw new InvalidOperationException(
                    $"UACCE device {deviceName}: regions too small for depth {info.SqDepth}: MMIO {mmio.Length} B (needs {HisiQm.DoorbellOffset + sizeof(ulong)}), DUS {dus.Length} B (needs {needed}).");
            }

            return new HisiDmaRing(queue, mmio, dus, space, ctx.Id, info.SqDepth);
        }
        catch
        {
            queue.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Prepares the ring for a device start: the first start zeroes both rings and starts the queue; later starts keep
    /// the hardware positions (a UACCE queue starts once) and drop what was not reported.
    /// </summary>
    public void Start()
    {
        if (!Started)
        {
            new Span<byte>(_dus, checked((int)(_cqOffset + ((long)_depth * HisiQm.CqeSize)))).Clear();
            _sqTail = _dbTail = _cqSqHead = _sqHead = _cqHead = _hardwareTail = 0;
            _cqPhase = 1;
            _cqsCompleted = 0;
            _queue.Start();
        }
        else
        {
            // Slots after the last tail the device saw were aborted at stop: the ring resumes where the device is.
            _sqTail = _cqSqHead = _sqHead = _dbTail = _hardwareTail;
        }

        Array.Clear(_status);
        _halted = false;
    }

    /// <summary>
    /// Stops: waits until the device has reported every rung entry (or fails what it did not report when it stops, or
    /// when <paramref name="timeout"/> passes), then completes the entries never rung as aborted.
    /// </summary>
    public void Stop(TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        SpinWait spin = default;
        Scan();
        while (_cqSqHead != _dbTail && !_halted)
        {
            if (clock.Elapsed > timeout)
            {
                FailOutstanding(string.Create(CultureInfo.InvariantCulture,
                    $"the device did not complete {(_dbTail - _cqSqHead) & _mask} jobs within {timeout.TotalMilliseconds:0} ms of the stop"));
                break;
            }

            spin.SpinOnce(sleep1Threshold: 20);
            Scan();
        }

        for (int i = _dbTail; i != _sqTail; i = (i + 1) & _mask)
        {
            _status[i] = (ushort)DmaStatus.UserAbort;
        }

        // The aborted slots are settled (reported as aborted, never rung); the device's tail is remembered for the restart.
        _hardwareTail = _dbTail;
        _cqSqHead = _dbTail = _sqTail;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int Enqueue(uint taskTypeExt, nint source, nint destination, int length, ulong pattern, bool submit)
    {
        if (_halted || _queue.IsSubmissionStopped)
        {
            _ioErrors++;
            return DmaError.IoError;
        }

        if (((_sqTail - _sqHead) & _mask) >= _capacity)
        {
            _queueFulls++;
            return DmaError.NoSpace;
        }

        var sqe = (HisiDmaSqe*)(_dus + ((long)_sqTail * HisiQm.SqeSize));
        *sqe = default;
        sqe->Dw0 = HisiDmaSqe.MakeDw0(taskTypeExt);
        sqe->DataSize = (uint)length;
        sqe->Flags0 = HisiDmaSqe.SvaPrefetch;
        sqe->InitValue = pattern;
        sqe->DestinationAddress = Translate(destination, length);
        sqe->AddressArray = taskTypeExt == HisiDmaSqe.ExtMemcpy ? Translate(source, length) : 0;
        _sqTail = (_sqTail + 1) & _mask;
        return submit ? Submit() : 0;
    }

    public int Submit()
    {
        if (_halted || _queue.IsSubmissionStopped)
        {
            _ioErrors++;
            return DmaError.IoError;
        }

        if (_dbTail != _sqTail)
        {
            _mmio.WriteDoorbell64(HisiQm.DoorbellOffset, HisiQm.Doorbell(_sqn, HisiQm.DoorbellSq, _sqTail));
            _dbTail = _sqTail;
        }

        return 0;
    }

    public int Completed(int maxCompletions, out bool hasError)
    {
        Scan();
        int ready = Math.Min(maxCompletions, (_cqSqHead - _sqHead) & _mask);
        hasError = false;
        for (int i = 0; i < ready; i++)
        {
            if (_status[(_sqHead + i) & _mask] != 0)
            {
                hasError = true;
                ready = i;
                break;
            }
        }

        _sqHead = (_sqHead + ready) & _mask;
        return ready;
    }

    public int CompletedStatus(Span<DmaStatus> status)
    {
        Scan();
        int ready = Math.Min(status.Length, (_cqSqHead - _sqHead) & _mask);
        for (int i = 0; i < ready; i++)
        {
            ref ushort slot = ref _status[(_sqHead + i) & _mask];
            status[i] = (DmaStatus)slot;
            slot = 0;
        }

        _sqHead = (_sqHead + ready) & _mask;
        return ready;
    }

    public DmaVchanStatus Status()
    {
        Scan();
        return _halted ? DmaVchanStatus.HaltedError : _cqSqHead != _dbTail ? DmaVchanStatus.Active : DmaVchanStatus.Idle;
    }

    public void Dump(TextWriter writer)
    {
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    dma_uacce queue {_sqn}: depth {_depth}, health {_queue.Health}{(_fault is null ? string.Empty : $" ({_fault})")}, sq_tail {_sqTail}, rung {_dbTail}, cq_sq_head {_cqSqHead}, sq_head {_sqHead}, cq_head {_cqHead}, phase {_cqPhase}, capacity {BurstCapacity}; io errors {_ioErrors}, queue full {_queueFulls}, jobs failed by the device or a fault {_deviceFailures}"));
    }

    public void Dispose() => _queue.Dispose();

    /// <summary>
    /// Walks new completion entries (phase = expected), recording each failed entry's status, and rings the completion
    /// doorbell once <see cref="HisiQm.CqDoorbellBatch"/> entries were consumed.
    /// </summary>
    private void Scan()
    {
        if (_halted)
        {
            return;
        }

        if (_queue.IsCompletionStopped)
        {
            FailOutstanding("the device stopped the queue (reset words set)");
            return;
        }

        int count = 0;
        int last = -1;
        while (count < _depth)
        {
            ulong word = Volatile.Read(ref *(ulong*)(_dus + _cqOffset + ((long)_cqHead * HisiQm.CqeSize) + 8));
            if ((int)((word >> 48) & 1) != _cqPhase)
            {
                break;
            }

            int index = (int)(word & 0xFFFF);
            if (index > _mask || index != ((_cqSqHead + count) & _mask))
            {
                FailOutstanding(string.Create(CultureInfo.InvariantCulture,
                    $"completion entry {_cqHead} names submission entry {index}; expected {(_cqSqHead + count) & _mask}"));
                return;
            }

            uint writeBack = Volatile.Read(ref ((HisiDmaSqe*)(_dus + ((long)index * HisiQm.SqeSize)))->WriteBack);
            if (writeBack != HisiDmaSqe.DoneOk)
            {
                _status[index] = (ushort)Map(writeBack);
                _deviceFailures++;
            }

            last = index;
            count++;
            _cqHead = (_cqHead + 1) & _mask;
            if (_cqHead == 0)
            {
                _cqPhase ^= 1;
            }
        }

        if (count == 0)
        {
            return;
        }

        _cqSqHead = (last + 1) & _mask;
        _cqsCompleted += count;
        if (_cqsCompleted >= HisiQm.CqDoorbellBatch)
        {
            _mmio.WriteDoorbell64(HisiQm.DoorbellOffset, HisiQm.Doorbell(_sqn, HisiQm.DoorbellCq, _cqHead));
            _cqsCompleted = 0;
        }
    }

    /// <summary>Every rung job the device did not report fails; the ring is halted until the queue is replaced.</summary>
    private void FailOutstanding(string reason)
    {
        for (int i = _cqSqHead; i != _dbTail; i = (i + 1) & _mask)
        {
            _status[i] = (ushort)DmaStatus.ErrorUnknown;
            _deviceFailures++;
        }

        _cqSqHead = _dbTail;
        _halted = true;
        _fault ??= reason;
    }

    private static DmaStatus Map(uint writeBack)
    {
        if ((writeBack & 0x7) == HisiDmaSqe.DoneOk && (writeBack & 0x00FF_FFF0) == 0)
        {
            return DmaStatus.Successful;
        }

        return (HisiDmaErrorType)((writeBack >> 16) & 0xFF) switch
        {
            HisiDmaErrorType.SourceFault => DmaStatus.InvalidSrcAddr,
            HisiDmaErrorType.DestinationFault => DmaStatus.InvalidDstAddr,
            HisiDmaErrorType.BadLength => DmaStatus.InvalidLength,
            HisiDmaErrorType.BadDescriptor => DmaStatus.InvalidOpcode,
            _ => DmaStatus.ErrorUnknown,
        };
    }

    /// <summary>
    /// The address the device uses: the process address under SVA; otherwise the bus address of registered memory, or
    /// 0 for memory that is not registered, so that the device fails the job (no exception on the data path).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Translate(nint address, int length)
    {
        if (_identity)
        {
            return (ulong)address;
        }

        return _space.TryTranslate(address, length, out ulong iova) ? iova : 0;
    }
}
