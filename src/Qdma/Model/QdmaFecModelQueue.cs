using System.Diagnostics;
using AccelSdk.Qdma.Hardware;
using AccelSdk.Uacce.Models;

namespace AccelSdk.Qdma.Model;

/// <summary>
/// The card side of one QDMA queue set: reads the doorbell registers, fetches jobs from the H2C ring (with their
/// C2H descriptors), runs them, writes completion entries with the color bit, keeps the write-back status words, and
/// signals an event when the driver armed one.
/// </summary>
/// <remarks>
/// <para>Every index is a ring position in [0, slots). The engine thread owns the consumer indices of the H2C and C2H
/// rings and the producer index and color of the completion ring; the driver owns the rest and tells the card through
/// the doorbells. A register value out of range, a consumer index moved past unwritten entries, or a chain without a
/// start of packet is a queue error: it is flagged in the status word and the queue faults (the framework sets the
/// reset words and stops it), as QDMA invalidates a queue context on a descriptor error.</para>
/// <para>Back-pressure: a job is fetched only while the completion ring has a free entry for it, so a driver that does
/// not consume completions stalls the card; nothing is dropped or overwritten.</para>
/// </remarks>
internal sealed unsafe class QdmaFecModelQueue : UacceModelQueue
{
    private readonly QdmaFecModel _model;
    private readonly QdmaFecModelOptions _options;
    private readonly QdmaQueueGeometry _geometry;
    private readonly QdmaJobExecutor _executor;
    private readonly byte* _h2c;
    private readonly byte* _c2h;
    private readonly byte* _cmpt;
    private readonly int _h2cSlots;
    private readonly int _c2hSlots;
    private readonly int _cmptSlots;
    private readonly QdmaH2cDescriptor[] _jobH2c;
    private readonly QdmaC2hDescriptor[] _jobC2h;
    private readonly Pending[] _pending;
    private readonly long _latencyTicks;

    // Engine-thread state.
    private int _h2cCidx;
    private int _c2hCidx;
    private int _cmptPidx;
    private int _cmptCidx;
    private uint _color = 1;
    private int _pendingHead;
    private int _pendingCount;

    // Shared with the driver's doorbell thread (OnDoorbell): the published completion PIDX and the IRQ arm latch.
    private int _published;
    private int _armed;

    public QdmaFecModelQueue(UacceModelQueueContext context, QdmaFecModel model)
        : base(context)
    {
        _model = model;
        _options = model.FecOptions;
        QdmaDusLayout layout = model.Layout;
        _h2cSlots = _options.H2cRingSize - 1;
        _c2hSlots = _options.C2hRingSize - 1;
        _cmptSlots = _options.CmptRingSize - 1;
        byte* dus = (byte*)Dus.Address;
        _h2c = dus + layout.H2cOffset;
        _c2h = dus + layout.C2hOffset;
        _cmpt = dus + layout.CmptOffset;
        _jobH2c = new QdmaH2cDescriptor[_options.MaxSegmentsPerJob];
        _jobC2h = new QdmaC2hDescriptor[_options.MaxSegmentsPerJob];
        _pending = new Pending[_cmptSlots];
        _latencyTicks = (long)(_options.EngineLatency.TotalSeconds * Stopwatch.Frequency);
        ILdpcCodeBlockEngine engine = (_options.EngineFactory ?? LdpcCodeBlockEngineAdapter.Create)(_options.Simd);
        _executor = new QdmaJobExecutor(model, Memory, engine);
        _geometry = new QdmaQueueGeometry
        {
            Magic = QdmaQueueGeometry.ExpectedMagic,
            Version = QdmaQueueGeometry.CurrentVersion,
            QueueId = (ushort)context.QueueId,
            H2cRingSize = (ushort)_options.H2cRingSize,
            C2hRingSize = (ushort)_options.C2hRingSize,
            CmptRingSize = (ushort)_options.CmptRingSize,
            H2cDescriptorSize = QdmaH2cDescriptor.Size,
            C2hDescriptorSize = QdmaC2hDescriptor.Size,
            CmptEntrySize = QdmaCompletionEntry.Size,
            MaxSegmentsPerJob = (ushort)_options.MaxSegmentsPerJob,
            H2cRingOffset = layout.H2cOffset,
            C2hRingOffset = layout.C2hOffset,
            CmptRingOffset = layout.CmptOffset,
            DoorbellOffset = 0,
            Features = (_options.EnableEncoder ? QdmaFeatures.LdpcEncode | QdmaFeatures.TurboEncode : 0)
                | (_options.EnableDecoder ? QdmaFeatures.LdpcDecode | QdmaFeatures.TurboDecode : 0)
                | QdmaFeatures.TransportBlock
                | (_options.ScatterGather ? QdmaFeatures.ScatterGather : 0),
            EncodeFlags = _options.EnableEncoder ? (uint)(QdmaEncodeFlags.Supported & ~(_options.ScatterGather ? 0 : QdmaEncodeFlags.ScatterGather)) : 0,
            DecodeFlags = _options.EnableDecoder ? (uint)(QdmaDecodeFlags.Supported & ~(_options.ScatterGather ? 0 : QdmaDecodeFlags.ScatterGather)) : 0,
            TurboEncodeFlags = _options.EnableEncoder
                ? (ushort)(QdmaTurboEncodeFlags.Supported & ~(_options.ScatterGather ? 0 : QdmaTurboEncodeFlags.ScatterGather))
                : (ushort)0,
            TurboDecodeFlags = _options.EnableDecoder
                ? (uint)(QdmaTurboDecodeFlags.Supported & ~(_options.ScatterGather ? 0 : QdmaTurboDecodeFlags.ScatterGather))
                : 0,
            MaxIterations = (ushort)_options.MaxIterations,
            LlrSize = 8,
            LlrDecimals = (byte)AccelSdk.Bbdev.Fec.Ldpc.LdpcDecoder.LlrDecimals,
            MaxSegmentBytes = (uint)_options.MaxSegmentBytes,
        };
    }

    protected override int OnIoControl(uint request, nint argument)
    {
        if (request != QdmaFecApi.QueueInfoRequest)
        {
            return -25; // ENOTTY: not a command of this device
        }

        if (argument == 0)
        {
            return -14; // EFAULT
        }

        *(QdmaQueueGeometry*)argument = _geometry;
        return 0;
    }

    /// <summary>The driver's thread, right after a doorbell store: latch an IRQ arm (an edge, not a level).</summary>
    protected override void OnDoorbell(long offset, ulong value)
    {
        bool arm = offset == QdmaRegisters.CmptCidx
            ? (value & QdmaRegisters.CmptIrqArm) != 0
            : offset is QdmaRegisters.H2cPidx or QdmaRegisters.C2hPidx && (value & QdmaRegisters.PidxIrqArm) != 0;
        if (!arm)
        {
            return;
        }

        // (A1) Store the arm, fence, then look for completions not yet consumed; pairs with (E1) below, so either
        // this check sees the engine's last entry or the engine sees the arm.
        Volatile.Write(ref _armed, 1);
        Interlocked.MemoryBarrier();
        int cidx = (int)((offset == QdmaRegisters.CmptCidx ? (uint)value : Mmio.ReadUInt32(QdmaRegisters.CmptCidx)) & QdmaRegisters.IndexMask);
        if (Volatile.Read(ref _published) != cidx && Interlocked.Exchange(ref _armed, 0) != 0)
        {
            SignalEvent();
        }
    }

    protected override bool Process()
    {
        if (_model.TakeEngineFault())
        {
            throw new InvalidOperationException($"QDMA FEC engine fault injected on queue {QueueId}.");
        }

        bool worked = Deliver(Stopwatch.GetTimestamp());
        if (_model.IsPaused)
        {
            return worked;
        }

        int h2cPidx = ReadIndex(QdmaRegisters.H2cPidx, _h2cSlots, "H2C PIDX");
        int c2hPidx = ReadIndex(QdmaRegisters.C2hPidx, _c2hSlots, "C2H PIDX");
        UpdateCmptCidx();
        int jobs = 0;
        while (jobs < _options.JobsPerPoll && _h2cCidx != h2cPidx)
        {
            if (Distance(_cmptCidx, _cmptPidx, _cmptSlots) + _pendingCount >= _cmptSlots - 1)
            {
                break; // no completion entry free: stall until the driver consumes some
            }

            ref QdmaH2cDescriptor sop = ref H2c(_h2cCidx);
            if ((sop.Control & QdmaDescriptorControl.StartOfPacket) == 0)
            {
                Fault($"the H2C descriptor at index {_h2cCidx} is not a start of packet");
            }

            int h2cCount = sop.H2cCount;
            int c2hCount = sop.C2hCount;
            if (h2cCount < 1 || h2cCount > _options.MaxSegmentsPerJob || c2hCount > _options.MaxSegmentsPerJob)
            {
                Fault($"the job at H2C index {_h2cCidx} declares {h2cCount} H2C and {c2hCount} C2H descriptors (allowed 1..{_options.MaxSegmentsPerJob} and 0..{_options.MaxSegmentsPerJob})");
            }

            if (h2cCount > Distance(_h2cCidx, h2cPidx, _h2cSlots) || c2hCount > Distance(_c2hCidx, c2hPidx, _c2hSlots))
            {
                break; // the rest of the job is not posted yet
            }

            // Fetch: copy the job's descriptors out of the rings, as the card's descriptor engine does.
            for (int i = 0; i < h2cCount; i++)
            {
                _jobH2c[i] = H2c(Wrap(_h2cCidx + i, _h2cSlots));
            }

            for (int i = 0; i < c2hCount; i++)
            {
                _jobC2h[i] = C2h(Wrap(_c2hCidx + i, _c2hSlots));
            }

            uint tag = sop.Tag;
            long fetched = Stopwatch.GetTimestamp();
            JobOutcome outcome = _executor.Execute(_jobH2c.AsSpan(0, h2cCount), _jobC2h.AsSpan(0, c2hCount));
            _model.CountJob((outcome.Status & QdmaJobStatus.Failures) != 0);
            _h2cCidx = Wrap(_h2cCidx + h2cCount, _h2cSlots);
            _c2hCidx = Wrap(_c2hCidx + c2hCount, _c2hSlots);
            var entry = new QdmaCompletionEntry
            {
                Word0 = QdmaCompletionEntry.MakeWord0(0, outcome.Status, outcome.Iterations, outcome.Error, c2hCount > 0),
                Tag = tag,
                OutputLength = (uint)outcome.OutputBytes,
                HarqOutputLength = (uint)outcome.HarqBytes,
            };
            int slot = Wrap(_pendingHead + _pendingCount, _pending.Length);
            _pending[slot] = new Pending(fetched + _latencyTicks, entry);
            _pendingCount++;
            jobs++;
        }

        if (jobs > 0)
        {
            // Descriptor slots are free once fetched: write back the consumer indices.
            Dus.WriteUInt64(StatusOffset(_h2c, _h2cSlots, QdmaH2cDescriptor.Size), QdmaRingStatus.MakeDescriptorStatus(_h2cCidx, h2cPidx, 0));
            Dus.WriteUInt64(StatusOffset(_c2h, _c2hSlots, QdmaC2hDescriptor.Size), QdmaRingStatus.MakeDescriptorStatus(_c2hCidx, c2hPidx, 0));
            worked = true;
        }

        return Deliver(Stopwatch.GetTimestamp()) | worked;
    }

    /// <summary>Writes the completion entries whose time has come, in job order; returns whether any was written.</summary>
    private bool Deliver(long now)
    {
        int written = 0;
        while (_pendingCount > 0 && _pending[_pendingHead].Due <= now)
        {
            QdmaCompletionEntry entry = _pending[_pendingHead].Entry;
            var target = (QdmaCompletionEntry*)(_cmpt + ((long)_cmptPidx * QdmaCompletionEntry.Size));
            target->Tag = entry.Tag;
            target->OutputLength = entry.OutputLength;
            target->HarqOutputLength = entry.HarqOutputLength;

            // (D1) Word0 last, with release semantics: a driver that sees the color sees the other words.
            Volatile.Write(ref target->Word0, entry.Word0 | (_color << 1));
            if (++_cmptPidx == _cmptSlots)
            {
                _cmptPidx = 0;
                _color ^= 1;
            }

            _pendingHead = Wrap(_pendingHead + 1, _pending.Length);
            _pendingCount--;
            written++;
        }

        if (written == 0)
        {
            return false;
        }

        if ((Mmio.ReadUInt32(QdmaRegisters.CmptCidx) & QdmaRegisters.CmptStatusWriteEnable) != 0)
        {
            Dus.WriteUInt64(StatusOffset(_cmpt, _cmptSlots, QdmaCompletionEntry.Size), QdmaRingStatus.MakeCmptStatus(_cmptPidx, _cmptCidx, _color, 0));
        }

        // (E1) Publish, fence, then take the arm; pairs with (A1).
        Volatile.Write(ref _published, _cmptPidx);
        Interlocked.MemoryBarrier();
        if (Volatile.Read(ref _armed) != 0 && Interlocked.Exchange(ref _armed, 0) != 0)
        {
            SignalEvent();
        }

        return true;
    }

    private void UpdateCmptCidx()
    {
        int cidx = (int)(Mmio.ReadUInt32(QdmaRegisters.CmptCidx) & QdmaRegisters.IndexMask);
        if (cidx == _cmptCidx)
        {
            return;
        }

        // The consumer may only move over entries that were written.
        if (cidx >= _cmptSlots || Distance(_cmptCidx, cidx, _cmptSlots) > Distance(_cmptCidx, _cmptPidx, _cmptSlots))
        {
            Dus.WriteUInt64(StatusOffset(_cmpt, _cmptSlots, QdmaCompletionEntry.Size),
                QdmaRingStatus.MakeCmptStatus(_cmptPidx, _cmptCidx, _color, QdmaRingStatus.CmptErrorBadCidx));
            throw new InvalidOperationException(
                $"QDMA FEC queue {QueueId}: bad CMPT CIDX update to {cidx} (consumer at {_cmptCidx}, producer at {_cmptPidx}, {_cmptSlots} slots).");
        }

        _cmptCidx = cidx;
    }

    private int ReadIndex(int register, int slots, string name)
    {
        int index = (int)(Mmio.ReadUInt32(register) & QdmaRegisters.IndexMask);
        if (index >= slots)
        {
            Fault($"{name} {index} is outside the ring of {slots} descriptors");
        }

        return index;
    }

    private void Fault(string reason)
    {
        Dus.WriteUInt64(StatusOffset(_h2c, _h2cSlots, QdmaH2cDescriptor.Size),
            QdmaRingStatus.MakeDescriptorStatus(_h2cCidx, _h2cCidx, QdmaRingStatus.DescriptorFetchError));
        throw new InvalidOperationException($"QDMA FEC queue {QueueId}: descriptor error: {reason}.");
    }

    private ref QdmaH2cDescriptor H2c(int index) => ref *(QdmaH2cDescriptor*)(_h2c + ((long)index * QdmaH2cDescriptor.Size));

    private ref QdmaC2hDescriptor C2h(int index) => ref *(QdmaC2hDescriptor*)(_c2h + ((long)index * QdmaC2hDescriptor.Size));

    private long StatusOffset(byte* ring, int slots, int size) => ring + ((long)slots * size) - (byte*)Dus.Address;

    private static int Distance(int from, int to, int slots) => to >= from ? to - from : to - from + slots;

    private static int Wrap(int index, int slots) => index >= slots ? index - slots : index;

    private readonly record struct Pending(long Due, QdmaCompletionEntry Entry);
}
