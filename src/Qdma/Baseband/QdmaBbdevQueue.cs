using System.Diagnostics;
using System.Runtime.CompilerServices;
using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Driver;
using AccelSdk.Core.Buffers;
using AccelSdk.Qdma.Hardware;
using AccelSdk.Qdma.Queues;
using AccelSdk.Uacce;

namespace AccelSdk.Qdma.Baseband;

/// <summary>
/// A bbdev queue on one QDMA queue set: enqueue turns each op into a job (descriptors in the H2C and C2H rings, two
/// doorbells per burst); dequeue reads completion entries by their color bit and turns them back into op results.
/// The ops between the two live in a single-producer/single-consumer ring, in enqueue order.
/// </summary>
/// <remarks>
/// <para>In-flight ring. Each accepted op takes one slot, in order: a <em>device</em> slot waits for its completion
/// entry (the device completes jobs in order, and the entry's tag must equal the slot's sequence number); a
/// <em>local</em> slot was completed by the driver at enqueue (an op that failed validation, or arrived while the
/// device was stopped) and is returned as soon as it reaches the head, so order holds across both kinds.</para>
/// <para>Memory ordering. (P1) The enqueue thread fills a slot, then publishes it with a release store of
/// <c>_tail</c>; (C1) the dequeue thread loads <c>_tail</c> with acquire before reading slots. (C2) The dequeue
/// thread clears a slot, then releases it with a release store of <c>_head</c>; (P2) the enqueue thread loads
/// <c>_head</c> with acquire before reusing slots. <c>_jobsCompleted</c> (consumer) and <c>_jobsSubmitted</c>
/// (producer) are published the same way; each side reads the other's with acquire, and a stale value only
/// understates free room.</para>
/// <para>Faults. When the device stops the queue (a reset, a hardware error, a fault) or a stop times out, the queue
/// is dead: entries the device had written are still returned with their results, every other device slot is
/// returned with <see cref="BbdevOpStatus.DriverError"/>, and new ops are accepted and failed the same way. The next
/// <see cref="Start"/> opens a new hardware queue.</para>
/// </remarks>
/// <typeparam name="TOp">The op class.</typeparam>
internal abstract class QdmaBbdevQueue<TOp> : BbdevQueue<TOp>
    where TOp : BbdevOp
{
    private const string DeadDetail = "baseband_qdma: the device stopped the queue (reset, hardware error or stop timeout) before the op completed.";
    private const string TagDetail = "baseband_qdma: the device returned a completion for another job (tag mismatch); the queue was taken out of service.";
    private const string UnreachableDetail = "baseband_qdma: a buffer of the op is in memory the device cannot reach (its pool could not be registered with the device's address space).";

    private readonly QdmaDevice _device;
    private readonly Slot[] _slots;
    private readonly int _mask;
    private readonly Thread _eventThread;
    private QdmaQueuePair _pair;
    private BufferPool? _lastPool;

    // Producer (enqueue thread) state.
    private long _tail;
    private long _jobsSubmitted;

    // Consumer (dequeue thread) state.
    private long _head;
    private long _jobsCompleted;

    private volatile bool _dead;
    private volatile bool _closing;
    private bool _deathLogged; // dequeue thread

    protected QdmaBbdevQueue(int queueId, BbdevQueueConfig config, QdmaDevice device)
        : base(queueId, config)
    {
        _device = device;
        _slots = new Slot[config.QueueSize];
        _mask = config.QueueSize - 1;
        _pair = device.OpenQueuePair(queueId);
        _eventThread = new Thread(EventLoop) { IsBackground = true, Name = $"{device.Name}-q{queueId}-irq" };
        _eventThread.Start();
    }

    /// <inheritdoc />
    public override bool HasCompletions
    {
        get
        {
            // Consumer thread only (WaitForCompletions runs there): it may write CMPT_CIDX to arm the interrupt.
            long head = _head;
            if (head == Volatile.Read(ref _tail))
            {
                return false;
            }

            if (_slots[head & _mask].Local || _pair.IsCompletionWritten(0) || IsDead)
            {
                return true;
            }

            // Arm a one-shot event for the next completion; the device signals at once if one landed meanwhile.
            _pair.ReleaseCompletions(irqArm: true);
            return _pair.IsCompletionWritten(0);
        }
    }

    /// <summary>The device the queue belongs to.</summary>
    protected QdmaDevice Device => _device;

    private bool IsDead => _dead || _pair.IsStopped;

    /// <inheritdoc />
    public override int Enqueue(ReadOnlySpan<TOp> ops)
    {
        long tail = _tail;
        int room = _slots.Length - (int)(tail - Volatile.Read(ref _head)); // (P2)
        int count = Math.Min(ops.Length, room);
        QdmaQueuePair pair = _pair;
        int maxSegments = pair.MaxSegmentsPerJob;
        int maxSegmentBytes = pair.MaxSegmentBytes;
        int h2cFree = pair.H2cFree;
        int c2hFree = pair.C2hFree;
        int jobsRoom = pair.MaxOutstandingJobs - (int)(_jobsSubmitted - Volatile.Read(ref _jobsCompleted));
        int h2cUsed = 0;
        int c2hUsed = 0;
        int jobs = 0;
        bool dead = IsDead;
        int accepted = 0;
        for (; accepted < count; accepted++)
        {
            TOp op = ops[accepted];
            op.ClearStatus();
            string? invalid = Validate(op);
            if (invalid is not null)
            {
                op.Reject(BbdevOpStatus.DataError, invalid);
                Push(tail++, op, local: true);
                continue;
            }

            if (dead)
            {
                op.Reject(BbdevOpStatus.DriverError, DeadDetail);
                Push(tail++, op, local: true);
                continue;
            }

            var job = default(QdmaJob);
            Describe(op, ref job, maxSegmentBytes);
            int h2c = job.H2cCount;
            int c2h = job.C2hCount;
            if (job.Input.Segments < 0 || job.HarqInput.Segments < 0 || job.Output.Segments < 0 || job.HarqOutput.Segments < 0 || h2c == 0)
            {
                op.Reject(BbdevOpStatus.DataError, "baseband_qdma: a buffer chain of the op is shorter than its length.");
                Push(tail++, op, local: true);
                continue;
            }

            if (h2c > maxSegments || c2h > maxSegments)
            {
                op.Reject(BbdevOpStatus.DataError, SegmentDetail(h2c, c2h, maxSegments));
                Push(tail++, op, local: true);
                continue;
            }

            if (jobs >= jobsRoom || h2cUsed + h2c > h2cFree || c2hUsed + c2h > c2hFree)
            {
                // The device may have moved on since the burst began; look once more before giving up.
                h2cFree = pair.H2cFree;
                c2hFree = pair.C2hFree;
                jobsRoom = pair.MaxOutstandingJobs - (int)(_jobsSubmitted - Volatile.Read(ref _jobsCompleted));
                if (jobs >= jobsRoom || h2cUsed + h2c > h2cFree || c2hUsed + c2h > c2hFree)
                {
                    break;
                }
            }

            if (!TryWriteJob(pair, ref job, h2cUsed, c2hUsed, (uint)tail))
            {
                op.Reject(BbdevOpStatus.DriverError, UnreachableDetail);
                Push(tail++, op, local: true);
                continue;
            }

            h2cUsed += h2c;
            c2hUsed += c2h;
            jobs++;
            Push(tail++, op, local: false);
        }

        if (jobs > 0)
        {
            long start = Stopwatch.GetTimestamp();
            pair.CommitC2h(c2hUsed);
            pair.CommitH2c(h2cUsed);

            // Output room first, then the jobs that write into it; one doorbell for both.
            pair.PostC2h();
            pair.RingH2c(irqArm: DequeueInterrupt is not null);
            AccOffloadNanoseconds = (long)Stopwatch.GetElapsedTime(start).TotalNanoseconds;
            Volatile.Write(ref _jobsSubmitted, _jobsSubmitted + jobs);
        }
        else
        {
            AccOffloadNanoseconds = 0;
        }

        Volatile.Write(ref _tail, tail); // (P1)
        return accepted;
    }

    /// <inheritdoc />
    public override int Dequeue(Span<TOp> ops)
    {
        long head = _head;
        long tail = Volatile.Read(ref _tail); // (C1)
        QdmaQueuePair pair = _pair;
        bool ringWasFull = Volatile.Read(ref _jobsSubmitted) - _jobsCompleted >= pair.MaxOutstandingJobs;
        int returned = 0;
        int consumed = 0;
        int errors = 0;
        while (returned < ops.Length && head != tail)
        {
            ref Slot slot = ref _slots[head & _mask];
            TOp op = slot.Op!;
            if (!slot.Local)
            {
                if (pair.TryReadCompletion(out QdmaCompletionEntry entry))
                {
                    consumed++;
                    if (entry.Tag == slot.Tag)
                    {
                        Complete(op, in entry);
                    }
                    else
                    {
                        // Completions are in job order; a foreign tag means the ring can no longer be trusted.
                        QdmaLog.TagMismatch(_device.Logger, _device.Name, QueueId, entry.Tag, slot.Tag);
                        _deathLogged = true;
                        _dead = true;
                        op.Reject(BbdevOpStatus.DriverError, TagDetail);
                        ClearOutputs(op);
                    }
                }
                else if (IsDead && !pair.IsCompletionWritten(0))
                {
                    if (!_deathLogged)
                    {
                        _deathLogged = true;
                        QdmaLog.QueueStopped(_device.Logger, _device.Name, QueueId, Volatile.Read(ref _jobsSubmitted) - _jobsCompleted);
                    }

                    // Re-read after seeing the stop: the device's last entries were written before it stopped.
                    op.Reject(BbdevOpStatus.DriverError, DeadDetail);
                    ClearOutputs(op);
                }
                else
                {
                    break;
                }

                _jobsCompleted++;
            }

            errors += (op.Status & (BbdevOpStatus.DriverError | BbdevOpStatus.DataError)) != 0 ? 1 : 0;
            slot.Op = null;
            ops[returned++] = op;
            head++;
        }

        if (consumed > 0 && !pair.IsStopped)
        {
            pair.ReleaseCompletions(irqArm: DequeueInterrupt is not null, deviceMayBeStalled: ringWasFull);
        }

        if (returned > 0)
        {
            Volatile.Write(ref _jobsCompleted, _jobsCompleted);
            Volatile.Write(ref _head, head); // (C2)
            if (errors > 0)
            {
                Counters.AddDequeueErrors(errors);
            }
        }

        return returned;
    }

    /// <summary>
    /// Restarts after a stop. A queue the device stopped (or that a stop had to abandon) cannot be restarted, as
    /// UACCE queues start once: its unfinished jobs are failed now, and a new hardware queue is opened.
    /// </summary>
    public override void Start()
    {
        if (!IsDead)
        {
            return;
        }

        for (long position = _head; position != _tail; position++)
        {
            ref Slot slot = ref _slots[position & _mask];
            if (!slot.Local)
            {
                slot.Op!.Reject(BbdevOpStatus.DriverError, DeadDetail);
                ClearOutputs(slot.Op);
                slot.Local = true;
            }
        }

        _jobsSubmitted = _jobsCompleted = 0;
        _deathLogged = false;
        QdmaQueuePair old = _pair;
        Volatile.Write(ref _pair, _device.OpenQueuePair(QueueId)); // the event thread reads it

        _dead = false;
        old.Dispose();
    }

    /// <summary>
    /// Waits (bounded by the device's stop timeout) until the device has written a completion for every job in
    /// flight. If it does not, the hardware queue is put (the device stops writing into the rings) and the jobs it
    /// did not finish are returned with <see cref="BbdevOpStatus.DriverError"/>.
    /// </summary>
    public override void Stop()
    {
        long outstanding = _jobsSubmitted - _jobsCompleted;
        if (outstanding == 0 || IsDead)
        {
            return;
        }

        long deadline = Stopwatch.GetTimestamp() + (long)(_device.StopTimeout.TotalSeconds * Stopwatch.Frequency);
        var spin = default(SpinWait);
        while (!_pair.IsCompletionWritten((int)outstanding - 1) && !IsDead)
        {
            if (Stopwatch.GetTimestamp() > deadline)
            {
                QdmaLog.StopTimedOut(_device.Logger, _device.Name, QueueId, outstanding, _device.StopTimeout.TotalMilliseconds);
                _pair.Put();
                _deathLogged = true;
                _dead = true;
                return;
            }

            spin.SpinOnce(sleep1Threshold: 20);
        }
    }

    /// <summary>Checks the op against the capability (<see cref="BbdevOpValidator"/>); null when valid.</summary>
    protected abstract string? Validate(TOp op);

    /// <summary>Fills the job fields and the streams of a valid op.</summary>
    protected abstract void Describe(TOp op, ref QdmaJob job, int maxSegmentBytes);

    /// <summary>Zeroes the op's output lengths and counters when it completes without reaching the device (ops are reused, so stale values must not survive).</summary>
    protected abstract void ClearOutputs(TOp op);

    /// <summary>Applies a completion entry to its op: status, lengths, iteration count.</summary>
    protected abstract void Complete(TOp op, in QdmaCompletionEntry entry);

    /// <summary>The bbdev status bits of a device status, and the detail for a device-side failure.</summary>
    protected static BbdevOpStatus MapStatus(in QdmaCompletionEntry entry, out string? detail)
    {
        QdmaJobStatus status = entry.Status;
        BbdevOpStatus result = BbdevOpStatus.None;
        if ((status & (QdmaJobStatus.DescriptorError | QdmaJobStatus.DmaError)) != 0)
        {
            result |= BbdevOpStatus.DriverError;
        }

        if ((status & QdmaJobStatus.ParameterError) != 0)
        {
            result |= BbdevOpStatus.DataError;
        }

        if ((status & QdmaJobStatus.CrcError) != 0)
        {
            result |= BbdevOpStatus.CrcError;
        }

        if ((status & QdmaJobStatus.SyndromeError) != 0)
        {
            result |= BbdevOpStatus.SyndromeError;
        }

        if ((status & QdmaJobStatus.EngineError) != 0)
        {
            result |= BbdevOpStatus.EngineError;
        }

        detail = (status & QdmaJobStatus.Failures) != 0 ? QdmaStatusDetails.Describe(entry.Error) : null;
        return result;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _closing = true;
            _eventThread.Join();
            _pair.Dispose();
        }

        base.Dispose(disposing);
    }

    private static string SegmentDetail(int h2c, int c2h, int max) =>
        $"baseband_qdma: the op needs {h2c} input and {c2h} output descriptors (one per buffer segment); the device takes at most {max} of each per job.";

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Push(long position, TOp op, bool local)
    {
        if (local)
        {
            ClearOutputs(op);
        }

        ref Slot slot = ref _slots[position & _mask];
        slot.Op = op;
        slot.Local = local;
        slot.Tag = (uint)position;
    }

    private bool TryWriteJob(QdmaQueuePair pair, ref QdmaJob job, int h2cAhead, int c2hAhead, uint tag)
    {
        int h2cCount = job.H2cCount;
        int c2hCount = job.C2hCount;
        int maxBytes = pair.MaxSegmentBytes;
        int h2c = 0;
        if (!TryWriteH2c(pair, ref job, in job.Input, h2cAhead, ref h2c, h2cCount, maxBytes)
            || !TryWriteH2c(pair, ref job, in job.HarqInput, h2cAhead, ref h2c, h2cCount, maxBytes))
        {
            return false;
        }

        int c2h = 0;
        if (!TryWriteC2h(pair, in job.Output, c2hAhead, ref c2h, c2hCount, maxBytes)
            || !TryWriteC2h(pair, in job.HarqOutput, c2hAhead, ref c2h, c2hCount, maxBytes))
        {
            return false;
        }

        // The job fields go into the start-of-packet descriptor, written by TryWriteH2c as its first piece.
        ref QdmaH2cDescriptor sop = ref pair.H2cSlot(h2cAhead);
        QdmaH2cDescriptor header = job.Header;
        header.Address = sop.Address;
        header.Length = sop.Length;
        header.Control = sop.Control;
        header.Stream = sop.Stream;
        header.H2cCount = (ushort)h2cCount;
        header.C2hCount = (ushort)c2hCount;
        header.Tag = tag;
        sop = header;
        return true;
    }

    private bool TryWriteH2c(QdmaQueuePair pair, ref QdmaJob job, in StreamPlan plan, int ahead, ref int index, int total, int maxBytes)
    {
        var cursor = default(StreamPlan.Cursor);
        while (plan.TryNext(ref cursor, maxBytes, out DataBuffer segment, out int roomOffset, out int length))
        {
            if (!TryAddress(segment, roomOffset, length, out ulong address))
            {
                return false;
            }

            ref QdmaH2cDescriptor descriptor = ref pair.H2cSlot(ahead + index);
            descriptor = default;
            descriptor.Address = address;
            descriptor.Length = (uint)length;
            descriptor.Stream = plan.Stream;
            descriptor.Control = (index == 0 ? QdmaDescriptorControl.StartOfPacket : 0) | (index == total - 1 ? QdmaDescriptorControl.EndOfPacket : 0);
            index++;
        }

        return true;
    }

    private bool TryWriteC2h(QdmaQueuePair pair, in StreamPlan plan, int ahead, ref int index, int total, int maxBytes)
    {
        var cursor = default(StreamPlan.Cursor);
        while (plan.TryNext(ref cursor, maxBytes, out DataBuffer segment, out int roomOffset, out int length))
        {
            if (!TryAddress(segment, roomOffset, length, out ulong address))
            {
                return false;
            }

            ref QdmaC2hDescriptor descriptor = ref pair.C2hSlot(ahead + index);
            descriptor.Address = address;
            descriptor.Length = (uint)length;
            descriptor.Stream = plan.Stream;
            descriptor.Control = (index == 0 ? QdmaDescriptorControl.StartOfPacket : 0) | (index == total - 1 ? QdmaDescriptorControl.EndOfPacket : 0);
            descriptor.Reserved = 0;
            index++;
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryAddress(DataBuffer segment, int roomOffset, int length, out ulong address)
    {
        BufferPool pool = segment.Pool;
        if (!ReferenceEquals(pool, _lastPool))
        {
            if (!_device.Memory.TryRegister(pool))
            {
                address = 0;
                return false;
            }

            _lastPool = pool;
        }

        return _device.Memory.TryTranslate(segment.Address + roomOffset, length, out address);
    }

    /// <summary>Raises the queue's completion signal whenever the device signals an event (its interrupt, as POLLIN).</summary>
    private void EventLoop()
    {
        while (!_closing)
        {
            QdmaQueuePair pair = Volatile.Read(ref _pair);
            bool signalled;
            try
            {
                signalled = pair.WaitForEvent(50);
            }
            catch (ObjectDisposedException)
            {
                // Start swapped the queue pair and closed the old one while we waited on it.
                continue;
            }

            if (signalled)
            {
                SignalCompletions();
            }
        }
    }

    private struct Slot
    {
        public TOp? Op;
        public uint Tag;
        public bool Local;
    }
}
