using AccelSdk.Core.Buffers;

namespace AccelSdk.Bbdev.TestVectors.Harness;

/// <summary>
/// The ops of one queue built from a test vector, with their pinned buffers, and test-bbdev's rules for judging the
/// completed ops (DPDK <c>test_bbdev_perf.c</c> semantics: status, order, iteration count, outputs, HARQ tolerance).
/// Used by <c>accel test-bbdev</c> and by the conformance test suites, so both judge results the same way.
/// </summary>
/// <remarks>
/// Op i carries <see cref="BbdevOp.OpaqueData"/> = i. Completed ops are collected in dequeue order in an internal
/// array; <see cref="ValidateDequeued"/> checks position p against the op that was enqueued p-th.
/// </remarks>
public abstract class VectorOpSet : IDisposable
{
    private readonly List<BufferPool> _pools = new();

    private protected VectorOpSet(BbdevTestVector vector, BbdevDriverInfo driver, int count, VectorOpOptions options)
    {
        Vector = vector;
        Driver = driver;
        Count = count;
        Options = options;
    }

    /// <summary>The vector.</summary>
    public BbdevTestVector Vector { get; }

    /// <summary>The device's report (capabilities, LLR format).</summary>
    public BbdevDriverInfo Driver { get; }

    /// <summary>Number of ops.</summary>
    public int Count { get; }

    /// <summary>How the ops were set up.</summary>
    public VectorOpOptions Options { get; }

    /// <summary>The op type.</summary>
    public BbdevOpType OpType => Vector.OpType;

    /// <summary>Information bits one op carries, as test-bbdev counts them for Mbit/s (K′ × code blocks for LDPC, K summed over the code blocks for turbo).</summary>
    public abstract long InformationBitsPerOp { get; }

    /// <summary>Ops dequeued since the last <see cref="ClearDequeued"/>.</summary>
    public abstract int DequeuedCount { get; }

    /// <summary>Builds the ops for <paramref name="vector"/> on a device described by <paramref name="driver"/>.</summary>
    /// <exception cref="NotSupportedException">The op type has no harness yet.</exception>
    public static VectorOpSet Create(BbdevTestVector vector, BbdevDriverInfo driver, int count, VectorOpOptions options)
    {
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentNullException.ThrowIfNull(driver);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        return vector.OpType switch
        {
            BbdevOpType.LdpcDec => new LdpcDecVectorOpSet(vector, driver, count, options),
            BbdevOpType.LdpcEnc => new LdpcEncVectorOpSet(vector, driver, count, options),
            BbdevOpType.TurboDec => new TurboDecVectorOpSet(vector, driver, count, options),
            BbdevOpType.TurboEnc => new TurboEncVectorOpSet(vector, driver, count, options),
            BbdevOpType.None => new NullVectorOpSet(vector, driver, count, options),
            _ => throw new NotSupportedException($"No test harness for {vector.OpType} vectors yet."),
        };
    }

    /// <summary>
    /// Why the device cannot run the vector (op type absent, flags not a subset of the capability, too many
    /// segments), or null when it can. test-bbdev calls such a device "not suitable" and skips it.
    /// </summary>
    public static string? CheckSuitability(BbdevTestVector vector, BbdevDriverInfo driver)
    {
        ArgumentNullException.ThrowIfNull(vector);
        ArgumentNullException.ThrowIfNull(driver);
        if (vector.OpType == BbdevOpType.None)
        {
            return driver.Capabilities.Count == 0 ? null : $"{driver.DriverName} has no queues of op type NONE (only the null device does).";
        }

        BbdevOpCapability? capability = driver.FindCapability(vector.OpType);
        if (capability is null)
        {
            return $"{driver.DriverName} does not support {vector.OpType} (supports: {(driver.Capabilities.Count == 0 ? "none" : string.Join(", ", driver.Capabilities.Select(c => c.OpType)))}).";
        }

        (uint supported, int maxIn) = capability switch
        {
            LdpcDecCapability c => ((uint)c.CapabilityFlags, c.NumBuffersSrc),
            LdpcEncCapability c => ((uint)c.CapabilityFlags, c.NumBuffersSrc),
            TurboDecCapability c => ((uint)(c.CapabilityFlags | TurboDecFlags.SoftOutput | TurboDecFlags.PosLlr1BitSoftOut | TurboDecFlags.NegLlr1BitSoftOut), c.NumBuffersSrc),
            TurboEncCapability c => ((uint)c.CapabilityFlags, c.NumBuffersSrc),
            FftCapability c => ((uint)c.CapabilityFlags, 64),
            _ => (0u, 1),
        };
        uint missing = vector.OpFlags & ~supported;
        if (missing != 0)
        {
            return $"{driver.DriverName} does not support the op_flags {string.Join(", ", BbdevDpdkNames.GetFlagNames(vector.OpType, missing))}.";
        }

        int segments = vector.GetSegmentCount(BbdevVectorDataKind.Input);
        if (segments > Math.Max(1, maxIn))
        {
            return $"{driver.DriverName} accepts {maxIn} input segment(s); the vector has {segments}.";
        }

        return null;
    }

    /// <summary>Empties every output buffer (before each repetition; op structures are not reset, as in DPDK).</summary>
    public abstract void ResetOutputs();

    /// <summary>Enqueues ops [start, start + count) on <paramref name="queueId"/>; returns how many were accepted.</summary>
    public abstract int Enqueue(BbdevDevice device, int queueId, int start, int count);

    /// <summary>Dequeues up to <paramref name="max"/> ops and appends them to the dequeued list; returns how many.</summary>
    public abstract int Dequeue(BbdevDevice device, int queueId, int max);

    /// <summary>Forgets the dequeued list.</summary>
    public abstract void ClearDequeued();

    /// <summary>
    /// Judges the op dequeued at <paramref name="position"/>, which must be the op enqueued at that position
    /// (FIFO order). Returns null when it passes, else the first reason it fails.
    /// </summary>
    public abstract string? ValidateDequeued(int position);

    /// <summary>The iteration count of the op dequeued at <paramref name="position"/> (decoders; 0 otherwise).</summary>
    public virtual int IterCountOf(int position) => 0;

    /// <summary>Whether the op at <paramref name="position"/> produced the vector's hard output (BLER counting).</summary>
    public virtual bool HardOutputMatches(int position) => ValidateDequeued(position) is null;

    /// <summary>Releases the buffers.</summary>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases resources.</summary>
    protected virtual void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (BufferPool pool in _pools)
            {
                pool.Dispose();
            }

            _pools.Clear();
        }
    }

    /// <summary>Creates a pool of <paramref name="count"/> single segments of <paramref name="roomSize"/> bytes, disposed with the set.</summary>
    private protected BufferPool NewPool(string name, int count, int roomSize)
    {
        BufferPool pool = BufferPool.Create(new BufferPoolOptions
        {
            Name = name,
            Count = count,
            RoomSize = Math.Max(64, roomSize),
            Alignment = Math.Max(64, Driver.MinAlignment is > 64 and <= 4096 && int.IsPow2(Driver.MinAlignment) ? Driver.MinAlignment : 64),
            CacheSize = 0,
        });
        _pools.Add(pool);
        return pool;
    }

    /// <summary>Rents a segment holding <paramref name="data"/>.</summary>
    private protected static DataBuffer Filled(BufferPool pool, ReadOnlySpan<byte> data)
    {
        DataBuffer buffer = pool.Rent() ?? throw new InvalidOperationException($"Buffer pool '{pool.Name}' is exhausted.");
        data.CopyTo(buffer.Append(data.Length));
        return buffer;
    }

    /// <summary>Rents an empty segment.</summary>
    private protected static DataBuffer Empty(BufferPool pool) =>
        pool.Rent() ?? throw new InvalidOperationException($"Buffer pool '{pool.Name}' is exhausted.");

    /// <summary>Compares produced bytes with expected ones; returns null or a reason naming the first difference.</summary>
    private protected static string? CompareBytes(string what, ReadOnlySpan<byte> expected, BbdevOpData produced)
    {
        if (produced.Length != expected.Length)
        {
            return $"{what} length {produced.Length} != expected {expected.Length} bytes";
        }

        Span<byte> actual = produced.Length <= 4096 ? stackalloc byte[produced.Length] : new byte[produced.Length];
        ReadProduced(produced, actual);
        int index = expected.CommonPrefixLength(actual);
        return index == expected.Length ? null : $"{what} differs at byte {index}: 0x{actual[index]:X2} != expected 0x{expected[index]:X2}";
    }

    /// <summary>Copies the bytes an op produced (from its offset, across the chain) into <paramref name="destination"/>.</summary>
    private protected static void ReadProduced(BbdevOpData produced, Span<byte> destination)
    {
        int skip = produced.Offset;
        int written = 0;
        for (DataBuffer? segment = produced.Data; segment is not null && written < destination.Length; segment = segment.Next)
        {
            ReadOnlySpan<byte> data = segment.Data;
            if (skip >= data.Length)
            {
                skip -= data.Length;
                continue;
            }

            data = data[skip..];
            skip = 0;
            int take = Math.Min(data.Length, destination.Length - written);
            data[..take].CopyTo(destination[written..]);
            written += take;
        }
    }
}
