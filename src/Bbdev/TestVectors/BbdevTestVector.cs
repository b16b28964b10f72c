using System.Runtime.InteropServices;

namespace AccelSdk.Bbdev.TestVectors;

/// <summary>
/// One DPDK test-bbdev vector: the op type, its parameters, op flags, expected status and the data segments of
/// every kind. Immutable. Read one with <see cref="BbdevTestVectorReader"/>, write one with
/// <see cref="BbdevTestVectorWriter"/>, make one with <see cref="BbdevTestVectorBuilder"/>.
/// </summary>
/// <remarks>
/// Two vectors are equal when they describe the same test: op type, flags value, expected status, parameters and
/// data bytes. <see cref="FilePath"/>, <see cref="Warnings"/> and the spelling of the flags
/// (<see cref="OpFlagTokens"/>: order, repeats) are not compared; the writer keeps the tokens anyway, so a vector
/// read back from what the writer wrote equals the original in those too.
/// </remarks>
public sealed class BbdevTestVector : IEquatable<BbdevTestVector>
{
    /// <summary>Most numbered segments per data kind (DPDK <c>RTE_BBDEV_TURBO_MAX_CODE_BLOCKS</c>).</summary>
    public const int MaxSegments = 64;

    internal const int DataKindCount = (int)BbdevVectorDataKind.RInput + 1;

    private static readonly ReadOnlyMemory<byte>[] NoSegments = [];

    private readonly ReadOnlyMemory<byte>[][] _segments;
    private readonly object? _parameters;

    internal BbdevTestVector(
        string? filePath,
        BbdevOpType opType,
        uint opFlags,
        string[] opFlagTokens,
        BbdevOpStatus expectedStatus,
        object? parameters,
        ReadOnlyMemory<byte>[][] segments,
        string[] warnings)
    {
        FilePath = filePath;
        OpType = opType;
        OpFlags = opFlags;
        OpFlagTokens = Array.AsReadOnly(opFlagTokens);
        ExpectedStatus = expectedStatus;
        _parameters = parameters;
        _segments = segments;
        Warnings = Array.AsReadOnly(warnings);
    }

    /// <summary>The file the vector was read from, or null when it was built in memory.</summary>
    public string? FilePath { get; }

    /// <summary>The <c>op_type</c>.</summary>
    public BbdevOpType OpType { get; }

    /// <summary>
    /// The op flags as DPDK uses them: the OR of the <c>op_flags</c> tokens plus the bits DPDK adds by default
    /// (a turbo decoder without an LLR sign flag gets <see cref="TurboDecFlags.NegLlr1BitIn"/>, and
    /// <see cref="TurboDecFlags.NegLlr1BitSoftOut"/> with soft output). 0 when the key is absent.
    /// </summary>
    public uint OpFlags { get; }

    /// <summary>The <c>op_flags</c> tokens as written (e.g. <c>RTE_BBDEV_LDPC_ITERATION_STOP_ENABLE</c>), in file order.</summary>
    public IReadOnlyList<string> OpFlagTokens { get; }

    /// <summary><see cref="OpFlags"/> for an LDPC encoder vector, otherwise null.</summary>
    public LdpcEncFlags? LdpcEncFlags => OpType == BbdevOpType.LdpcEnc ? (LdpcEncFlags)OpFlags : null;

    /// <summary><see cref="OpFlags"/> for an LDPC decoder vector, otherwise null.</summary>
    public LdpcDecFlags? LdpcDecFlags => OpType == BbdevOpType.LdpcDec ? (LdpcDecFlags)OpFlags : null;

    /// <summary><see cref="OpFlags"/> for a turbo encoder vector, otherwise null.</summary>
    public TurboEncFlags? TurboEncFlags => OpType == BbdevOpType.TurboEnc ? (TurboEncFlags)OpFlags : null;

    /// <summary><see cref="OpFlags"/> for a turbo decoder vector, otherwise null.</summary>
    public TurboDecFlags? TurboDecFlags => OpType == BbdevOpType.TurboDec ? (TurboDecFlags)OpFlags : null;

    /// <summary><see cref="OpFlags"/> for an FFT vector, otherwise null.</summary>
    public FftFlags? FftFlags => OpType == BbdevOpType.Fft ? (FftFlags)OpFlags : null;

    /// <summary><see cref="OpFlags"/> for an MLD-TS vector, otherwise null.</summary>
    public MldtsFlags? MldtsFlags => OpType == BbdevOpType.Mldts ? (MldtsFlags)OpFlags : null;

    /// <summary>The status the op must end with (<c>expected_status</c>; <see cref="BbdevOpStatus.None"/> when absent or <c>OK</c>).</summary>
    public BbdevOpStatus ExpectedStatus { get; }

    /// <summary>The parameters of an LDPC encoder or decoder vector, otherwise null.</summary>
    public LdpcVectorParameters? Ldpc => _parameters as LdpcVectorParameters;

    /// <summary>The parameters of a turbo encoder or decoder vector, otherwise null.</summary>
    public TurboVectorParameters? Turbo => _parameters as TurboVectorParameters;

    /// <summary>The parameters of an FFT vector, otherwise null.</summary>
    public FftVectorParameters? Fft => _parameters as FftVectorParameters;

    /// <summary>The parameters of an MLD-TS vector, otherwise null.</summary>
    public MldtsVectorParameters? Mldts => _parameters as MldtsVectorParameters;

    /// <summary>
    /// What the reader noticed but accepted, each as <c>file:line: message</c> (defaults applied, keys missing,
    /// repeated keys, odd data words). Never printed by the SDK.
    /// </summary>
    public IReadOnlyList<string> Warnings { get; }

    internal object? Parameters => _parameters;

    /// <summary>The segments of <paramref name="kind"/> in index order (segment i is key <c>prefix</c>i); empty when there are none.</summary>
    public IReadOnlyList<ReadOnlyMemory<byte>> GetSegments(BbdevVectorDataKind kind) => SegmentsOf(kind);

    /// <summary>Number of segments of <paramref name="kind"/>.</summary>
    public int GetSegmentCount(BbdevVectorDataKind kind) => SegmentsOf(kind).Length;

    /// <summary>Total bytes of all segments of <paramref name="kind"/> (DPDK's op data length).</summary>
    public int GetTotalLength(BbdevVectorDataKind kind)
    {
        int total = 0;
        foreach (ReadOnlyMemory<byte> segment in SegmentsOf(kind))
        {
            total += segment.Length;
        }

        return total;
    }

    /// <summary>One segment's bytes.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="segment"/> is not a segment index of <paramref name="kind"/>.</exception>
    public ReadOnlySpan<byte> GetBytes(BbdevVectorDataKind kind, int segment = 0) => SegmentAt(kind, segment).Span;

    /// <summary>
    /// One segment as int8 LLRs (two's complement, positive = bit 0; S8.1 fixed point in DPDK's vectors): LDPC and
    /// turbo decoder inputs, HARQ buffers, soft outputs.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="segment"/> is not a segment index of <paramref name="kind"/>.</exception>
    public ReadOnlySpan<sbyte> GetLlrs(BbdevVectorDataKind kind, int segment = 0) =>
        MemoryMarshal.Cast<byte, sbyte>(SegmentAt(kind, segment).Span);

    /// <summary>Copies all segments of <paramref name="kind"/>, concatenated, to <paramref name="destination"/>.</summary>
    /// <returns>The number of bytes copied (<see cref="GetTotalLength"/>).</returns>
    /// <exception cref="ArgumentException"><paramref name="destination"/> is shorter than <see cref="GetTotalLength"/>.</exception>
    public int CopyTo(BbdevVectorDataKind kind, Span<byte> destination)
    {
        int total = GetTotalLength(kind);
        if (destination.Length < total)
        {
            throw new ArgumentException($"destination holds {destination.Length} bytes; the {kind} data of this vector has {total}.", nameof(destination));
        }

        int offset = 0;
        foreach (ReadOnlyMemory<byte> segment in SegmentsOf(kind))
        {
            segment.Span.CopyTo(destination[offset..]);
            offset += segment.Length;
        }

        return total;
    }

    /// <summary>All segments of <paramref name="kind"/> concatenated into a new array (empty when there are none).</summary>
    public byte[] ToArray(BbdevVectorDataKind kind)
    {
        var bytes = new byte[GetTotalLength(kind)];
        CopyTo(kind, bytes);
        return bytes;
    }

    /// <summary>All segments of <paramref name="kind"/> concatenated, as int8 LLRs.</summary>
    public sbyte[] ToLlrArray(BbdevVectorDataKind kind)
    {
        var llrs = new sbyte[GetTotalLength(kind)];
        CopyTo(kind, MemoryMarshal.AsBytes(llrs.AsSpan()));
        return llrs;
    }

    /// <inheritdoc/>
    public bool Equals(BbdevTestVector? other)
    {
        if (other is null)
        {
            return false;
        }

        if (ReferenceEquals(this, other))
        {
            return true;
        }

        if (OpType != other.OpType || OpFlags != other.OpFlags || ExpectedStatus != other.ExpectedStatus
            || !Equals(_parameters, other._parameters))
        {
            return false;
        }

        for (int kind = 0; kind < DataKindCount; kind++)
        {
            ReadOnlyMemory<byte>[] mine = _segments[kind];
            ReadOnlyMemory<byte>[] theirs = other._segments[kind];
            if (mine.Length != theirs.Length)
            {
                return false;
            }

            for (int i = 0; i < mine.Length; i++)
            {
                if (!mine[i].Span.SequenceEqual(theirs[i].Span))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as BbdevTestVector);

    /// <inheritdoc/>
    public override int GetHashCode() =>
        HashCode.Combine(OpType, OpFlags, ExpectedStatus, _parameters, GetTotalLength(BbdevVectorDataKind.Input), GetTotalLength(BbdevVectorDataKind.Output));

    /// <summary>The op type name and the file, e.g. <c>RTE_BBDEV_OP_LDPC_DEC ldpc_dec_v9503.data</c>.</summary>
    public override string ToString() =>
        FilePath is null ? BbdevDpdkNames.GetOpTypeName(OpType) : $"{BbdevDpdkNames.GetOpTypeName(OpType)} {Path.GetFileName(FilePath)}";

    private ReadOnlyMemory<byte>[] SegmentsOf(BbdevVectorDataKind kind)
    {
        if ((uint)kind >= DataKindCount)
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, $"kind must be a {nameof(BbdevVectorDataKind)} value.");
        }

        return _segments[(int)kind] ?? NoSegments;
    }

    private ReadOnlyMemory<byte> SegmentAt(BbdevVectorDataKind kind, int segment)
    {
        ReadOnlyMemory<byte>[] segments = SegmentsOf(kind);
        if ((uint)segment >= (uint)segments.Length)
        {
            throw new ArgumentOutOfRangeException(nameof(segment), segment, $"this vector has {segments.Length} {kind} segment(s).");
        }

        return segments[segment];
    }
}
