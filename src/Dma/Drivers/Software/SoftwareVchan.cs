using System.Diagnostics;
using System.Globalization;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AccelSdk.Core.Rings;
using AccelSdk.Dma.Driver;
using AccelSdk.Dma.Engine;

namespace AccelSdk.Dma.Drivers.Software;

/// <summary>
/// One vchan of a software device. The application side stages descriptors and, on submit, moves them into a
/// single-producer/single-consumer <see cref="Ring{T}"/>; the engine thread takes them out in bursts, executes them
/// in order and publishes how many it finished. Statuses live in a per-slot array, written only for failures.
/// </summary>
/// <remarks>
/// <para>Counting (all free-running 64-bit): <c>enqueued</c> ≥ <c>submitted</c> ≥ <c>done</c> ≥ <c>harvested</c>.
/// Jobs in flight (<c>enqueued − freed</c>, freed = harvested, or done in silent mode) never exceed
/// <see cref="DmaVchanConfig.NbDesc"/>, which is at most the ring's capacity and the status array's length, so the
/// ring never refuses a submit and a status slot (<c>seq &amp; mask</c>) is never reused before its job is harvested.</para>
/// <para>Memory ordering, in pairs (an acquire load Ax sees everything before the release store Rx it reads):</para>
/// <list type="bullet">
/// <item><b>R1/A1</b> (the ring's own pair) — submit publishes descriptors with the ring's producer-tail release; the
/// engine's dequeue acquires it before reading them. Everything the application wrote before submitting (the source
/// data, a cleared status slot) is therefore visible to the engine.</item>
/// <item><b>R2/A2</b> — the engine writes the destination bytes, any failure statuses and <c>doneErrors</c>, then
/// releases <c>done</c>; the completion calls acquire <c>done</c> first, so the data and statuses of every job below it
/// are visible, and <c>doneErrors</c> read afterwards counts at least the failures among them.</item>
/// </list>
/// </remarks>
internal sealed unsafe class SoftwareVchan : DmaVchan
{
    /// <summary>Addresses below this are never mapped in a user process: always an address error.</summary>
    private const nint LowestValidAddress = 4096;

    /// <summary>A burst's progress is published early once this many bytes were moved, so big jobs complete promptly.</summary>
    private const long PublishBytes = 64 * 1024;

    private readonly SoftwareEngine _engine;
    private readonly Ring<SoftwareDescriptor> _ring;
    private readonly SoftwareDescriptor[] _staged;
    private readonly DmaStatus[] _status;
    private readonly ulong _mask;
    private readonly ulong _nbDesc;
    private readonly bool _silent;
    private readonly int _maxSges;
    private readonly MemoryWindows? _windows;
    private readonly long _streamThreshold;
    private readonly KernelWidth _width;
    private DmaSge[]? _sgArena;

    // Application side: written only by the thread that calls the data path.
    private ulong _enqueued;
    private ulong _submitted;
    private ulong _harvested;
    private ulong _harvestedErrors;
    private ulong _freedSeen;
    private int _stagedCount;

    // Engine side: written by the engine thread, on cache lines of their own.
    private EngineLine _engineLine;

    public SoftwareVchan(int vchanId, DmaVchanConfig config, bool silent, SoftwareEngine engine, SoftwareDmaOptions options, MemoryWindows? windows)
        : base(vchanId, config)
    {
        int size = (int)BitOperations.RoundUpToPowerOf2((uint)config.NbDesc);
        _engine = engine;
        _ring = Ring.Create<SoftwareDescriptor>(size, RingFlags.SingleProducer | RingFlags.SingleConsumer);
        _staged = new SoftwareDescriptor[config.NbDesc];
        _status = new DmaStatus[size];
        _mask = (ulong)size - 1;
        _nbDesc = (ulong)config.NbDesc;
        _silent = silent;
        _maxSges = options.MaxSges;
        _windows = windows;
        _streamThreshold = options.StreamThreshold == 0 ? long.MaxValue : options.StreamThreshold;
        _width = options.Width;
    }

    public override int BurstCapacity => (int)(_nbDesc - (_enqueued - Freed()));

    public override DmaVchanStatus Status =>
        Volatile.Read(ref _engineLine.Done) != _submitted ? DmaVchanStatus.Active : DmaVchanStatus.Idle;

    /// <summary>Jobs submitted and not finished by the engine yet.</summary>
    internal ulong Outstanding => _submitted - Volatile.Read(ref _engineLine.Done);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override int Copy(nint source, nint destination, int length, DmaOpFlags flags)
    {
        if (!HasRoom())
        {
            return DmaError.NoSpace;
        }

        ref SoftwareDescriptor d = ref _staged[_stagedCount++];
        d.Op = SoftwareOp.Copy;
        d.Source = source;
        d.Destination = destination;
        d.Length = length;
        d.Llc = (flags & DmaOpFlags.Llc) != 0;
        _enqueued++;
        return (flags & DmaOpFlags.Submit) != 0 ? Submit() : 0;
    }

    public override int CopySg(ReadOnlySpan<DmaSge> source, ReadOnlySpan<DmaSge> destination, long totalLength, DmaOpFlags flags)
    {
        if (!HasRoom())
        {
            return DmaError.NoSpace;
        }

        // The lists are copied into the job's slot of an arena (2 × max_sges entries per ring slot), allocated on the
        // first scatter-gather job so that copy-only users never pay for it.
        int slot = (int)(_enqueued & _mask);
        DmaSge[] arena = _sgArena ??= new DmaSge[(int)(_mask + 1) * 2 * _maxSges];
        int at = slot * 2 * _maxSges;
        source.CopyTo(arena.AsSpan(at, source.Length));
        destination.CopyTo(arena.AsSpan(at + _maxSges, destination.Length));
        ref SoftwareDescriptor d = ref _staged[_stagedCount++];
        d.Op = SoftwareOp.CopySg;
        d.SgSlot = at;
        d.SourceCount = (ushort)source.Length;
        d.DestinationCount = (ushort)destination.Length;
        d.Length = totalLength;
        d.Llc = (flags & DmaOpFlags.Llc) != 0;
        _enqueued++;
        return (flags & DmaOpFlags.Submit) != 0 ? Submit() : 0;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public override int Fill(ulong pattern, nint destination, int length, DmaOpFlags flags)
    {
        if (!HasRoom())
        {
            return DmaError.NoSpace;
        }

        ref SoftwareDescriptor d = ref _staged[_stagedCount++];
        d.Op = SoftwareOp.Fill;
        d.Pattern = pattern;
        d.Destination = destination;
        d.Length = length;
        d.Llc = (flags & DmaOpFlags.Llc) != 0;
        _enqueued++;
        return (flags & DmaOpFlags.Submit) != 0 ? Submit() : 0;
    }

    public override int Submit()
    {
        int n = _stagedCount;
        if (n != 0)
        {
            // Always fits: the ring holds at most the jobs in flight minus the staged ones, and its capacity is at
            // least NbDesc (see the class remarks).
            bool moved = _ring.EnqueueBulk(_staged.AsSpan(0, n));
            Debug.Assert(moved, "the ring refused staged descriptors: in-flight accounting is broken");
            _stagedCount = 0;
            _submitted += (ulong)n;
            _engine.Notify();
        }

        return 0;
    }

    public override int Completed(int maxCompletions, out bool hasError)
    {
        hasError = false;
        ulong done = Volatile.Read(ref _engineLine.Done); // A2
        ulong ready = Math.Min((ulong)maxCompletions, done - _harvested);
        if (ready == 0)
        {
            return 0;
        }

        if (Volatile.Read(ref _engineLine.DoneErrors) != _harvestedErrors)
        {
            // A failure is pending somewhere: report the successful prefix and stop at it, without consuming it.
            for (ulong i = 0; i < ready; i++)
            {
                if (_status[(_harvested + i) & _mask] != DmaStatus.Successful)
                {
                    hasError = true;
                    _harvested += i;
                    return (int)i;
                }
            }
        }

        _harvested += ready;
        return (int)ready;
    }

    public override int CompletedStatus(Span<DmaStatus> status)
    {
        ulong done = Volatile.Read(ref _engineLine.Done); // A2
        int ready = (int)Math.Min((ulong)status.Length, done - _harvested);
        if (ready == 0)
        {
            return 0;
        }

        if (Volatile.Read(ref _engineLine.DoneErrors) == _harvestedErrors)
        {
            status[..ready].Clear();
        }
        else
        {
            for (int i = 0; i < ready; i++)
            {
                ref DmaStatus slot = ref _status[(_harvested + (ulong)i) & _mask];
                status[i] = slot;
                if (slot != DmaStatus.Successful)
                {
                    // Cleared before the slot's next job is submitted (R1 publishes the clear to the engine).
                    slot = DmaStatus.Successful;
                    _harvestedErrors++;
                }
            }
        }

        _harvested += (ulong)ready;
        return ready;
    }

    public override void Dump(TextWriter writer)
    {
        writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"    dma_sw vchan {VchanId}: ring {_ring.Count}/{_ring.Capacity}, staged {_stagedCount}, enqueued {_enqueued}, submitted {_submitted}, done {Volatile.Read(ref _engineLine.Done)}, harvested {_harvested}, failed {Volatile.Read(ref _engineLine.DoneErrors)} (reported {_harvestedErrors}), capacity {BurstCapacity}"));
    }

    /// <summary>Before the engine starts: an empty ring and every count back to zero.</summary>
    internal void Reset()
    {
        Span<SoftwareDescriptor> drop = stackalloc SoftwareDescriptor[16];
        while (_ring.DequeueBurst(drop) > 0)
        {
        }

        Array.Clear(_status);
        _enqueued = _submitted = _harvested = _harvestedErrors = _freedSeen = 0;
        _stagedCount = 0;
        _engineLine = default;
    }

    /// <summary>After the engine stopped (and finished every submitted job): complete the staged jobs as aborted.</summary>
    internal void AbortStaged()
    {
        ulong aborted = _enqueued - _submitted;
        for (ulong seq = _submitted; seq < _enqueued; seq++)
        {
            _status[seq & _mask] = DmaStatus.UserAbort;
        }

        _stagedCount = 0;
        _submitted = _enqueued;
        _engineLine.DoneErrors += aborted;
        Volatile.Write(ref _engineLine.Done, _enqueued);
        if (_silent && aborted != 0)
        {
            Counters.AddDequeued((long)aborted, (long)aborted);
        }
    }

    /// <summary>Engine thread: executes one burst from the ring.</summary>
    /// <returns>Whether there was anything to do.</returns>
    internal bool Execute(SoftwareDescriptor[] burst)
    {
        int n = _ring.DequeueBurst(burst); // A1
        if (n == 0)
        {
            return false;
        }

        ulong seq = _engineLine.Done;
        long errors = 0;
        long bytes = 0;
        for (int i = 0; i < n; i++)
        {
            ref SoftwareDescriptor d = ref burst[i];
            DmaStatus status = Run(ref d);
            if (status != DmaStatus.Successful)
            {
                _status[(seq + (ulong)i) & _mask] = status;
                errors++;
                Volatile.Write(ref _engineLine.DoneErrors, _engineLine.DoneErrors + 1);
            }

            bytes += d.Length;
            if (bytes >= PublishBytes && i + 1 < n)
            {
                Volatile.Write(ref _engineLine.Done, seq + (ulong)i + 1); // R2, early for big jobs
                bytes = 0;
            }
        }

        Volatile.Write(ref _engineLine.Done, seq + (ulong)n); // R2
        if (_silent)
        {
            Counters.AddDequeued(n, errors);
        }

        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool HasRoom()
    {
        if (_enqueued - (_silent ? _freedSeen : _harvested) < _nbDesc)
        {
            return true;
        }

        return _silent && _enqueued - Freed() < _nbDesc;
    }

    /// <summary>Jobs whose slots are free again: harvested, or in silent mode finished by the engine.</summary>
    private ulong Freed() => _silent ? (_freedSeen = Volatile.Read(ref _engineLine.Done)) : _harvested;

    private DmaStatus Run(ref SoftwareDescriptor d)
    {
        switch (d.Op)
        {
            case SoftwareOp.Copy:
                if (!Reachable(d.Source, d.Length))
                {
                    return DmaStatus.InvalidSrcAddr;
                }

                if (!Reachable(d.Destination, d.Length))
                {
                    return DmaStatus.InvalidDstAddr;
                }

                CopyBlock(d.Source, d.Destination, d.Length, d.Llc);
                return DmaStatus.Successful;

            case SoftwareOp.Fill:
                if (!Reachable(d.Destination, d.Length))
                {
                    return DmaStatus.InvalidDstAddr;
                }

                FillKernel.Fill((byte*)d.Destination, (nuint)d.Length, d.Pattern, _width);
                return DmaStatus.Successful;

            default:
                return RunSg(ref d);
        }
    }

    /// <summary>Walks both lists at once, copying the overlap of the current source and destination entries each step.</summary>
    private DmaStatus RunSg(ref SoftwareDescriptor d)
    {
        ReadOnlySpan<DmaSge> source = _sgArena.AsSpan(d.SgSlot, d.SourceCount);
        ReadOnlySpan<DmaSge> destination = _sgArena.AsSpan(d.SgSlot + _maxSges, d.DestinationCount);
        foreach (DmaSge e in source)
        {
            if (!Reachable(e.Address, e.Length))
            {
                return DmaStatus.InvalidSrcAddr;
            }
        }

        foreach (DmaSge e in destination)
        {
            if (!Reachable(e.Address, e.Length))
            {
                return DmaStatus.InvalidDstAddr;
            }
        }

        int s = 0, t = 0;
        long sOffset = 0, tOffset = 0;
        while (s < source.Length && t < destination.Length)
        {
            long run = Math.Min(source[s].Length - sOffset, destination[t].Length - tOffset);
            CopyBlock(source[s].Address + (nint)sOffset, destination[t].Address + (nint)tOffset, run, d.Llc);
            sOffset += run;
            tOffset += run;
            if (sOffset == source[s].Length)
            {
                s++;
                sOffset = 0;
            }

            if (tOffset == destination[t].Length)
            {
                t++;
                tOffset = 0;
            }
        }

        return DmaStatus.Successful;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void CopyBlock(nint source, nint destination, long length, bool llc)
    {
        if (length >= _streamThreshold && !llc)
        {
            CopyKernel.CopyStream256((byte*)source, (byte*)destination, (nuint)length);
        }
        else
        {
            CopyKernel.Copy((byte*)source, (byte*)destination, (nuint)length, _width);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Reachable(nint address, long length) =>
        address >= LowestValidAddress && (_windows is null || _windows.Contains(address, length));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _ring.Dispose();
        }

        base.Dispose(disposing);
    }

    /// <summary>The engine's published counters, alone on their cache line (and padded from the neighbours').</summary>
    [StructLayout(LayoutKind.Explicit, Size = 192)]
    private struct EngineLine
    {
        /// <summary>Jobs finished (data and failure statuses written); released by the engine (R2).</summary>
        [FieldOffset(64)] public ulong Done;

        /// <summary>Failed jobs among those finished so far (written before the <see cref="Done"/> release that covers them).</summary>
        [FieldOffset(72)] public ulong DoneErrors;
    }
}
