using AccelSdk.Bbdev.Fec.Crc;

namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// 5G NR LDPC decoder (TS 38.212 5.3.2): layered offset min-sum over int8 LLRs, with early termination on a zero
/// syndrome and optionally on a passing CRC. Create one per worker with <see cref="Create"/>; an instance owns
/// scratch memory for the largest code, so <see cref="Decode"/> never allocates, and it is not thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Input is the compacted circular buffer that rate recovery produces (bbdev's HARQ layout): int8 LLRs in S8.1
/// (positive = bit 0), index i covering codeword bit i + 2Zc before the fillers and i + 2Zc + F after them. The
/// 2·Zc punctured bits and uncovered positions start as erasures (0); fillers are known zeros.
/// </para>
/// <para>
/// Algorithm (every implementation computes it bit for bit): rows 0..R−1 in order (R = rows in use, see
/// <see cref="RowsInUse"/>), each lifted row z as one check: v = clamp(APP − c_old, ±127) for every edge; the check
/// keeps only min1, min2 (the two smallest |v|, after the offset), the edge index of min1, the XOR of the signs and
/// each edge's sign bit; the new message to edge e is sign · (e is the min1 edge ? min2 : min1); then
/// APP = clamp(v + c_new, ±127). The correction is an offset of <see cref="Offset"/> LSB subtracted from the
/// minima (floored at 0), chosen by measured BLER (see the decoder's README section and the bench tool
/// <c>bler</c>), and the minima are limited to <see cref="MaxMessageMagnitude"/>.
/// </para>
/// </remarks>
public abstract class LdpcDecoder
{
    /// <summary>Largest accepted iteration count.</summary>
    public const int MaxIterationsLimit = 100;

    /// <summary>
    /// The min-sum offset in S8.1 LSB (subtracted from both minima, floored at 0). Measured with the
    /// <c>bler</c> bench tool (BG1 Zc=384 R=1/3 and BG2 Zc=384 R=1/5, QPSK AWGN, 8 iterations): offset 2 loses
    /// the least against sum-product; normalisation by 3/4 was no better and costs more instructions.
    /// </summary>
    public const int Offset = 2;

    /// <summary>
    /// The largest check-to-variable magnitude. APPs saturate at ±127; layered decoding subtracts a row's old
    /// message from a saturated APP, and with messages near 127 that leaves almost nothing (127 − 120 = 7): the
    /// variable's confidence collapses and a noiseless block can even flip bits in later iterations. Keeping
    /// messages at most half the APP range leaves every saturated APP at least 64 after the subtraction.
    /// </summary>
    public const int MaxMessageMagnitude = 63;

    private readonly LdpcDecoderPlan _plan = new();

    private protected LdpcDecoder(SimdWidth width) => Width = width;

    /// <summary>The implementation this instance runs: Scalar, V128, V256 or V512 (never Auto).</summary>
    public SimdWidth Width { get; }

    /// <summary>
    /// Creates a decoder. <see cref="SimdWidth.Auto"/> picks the widest width the CPU accelerates; a forced width
    /// runs even where it is not accelerated (slowly) and gives the same results.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> is not a member of <see cref="SimdWidth"/>.</exception>
    public static LdpcDecoder Create(SimdWidth width = SimdWidth.Auto) => SimdSupport.Resolve(width) switch
    {
        SimdWidth.Scalar => new LdpcDecoderScalar(),
        SimdWidth.V128 => new LdpcDecoderSimd<Int8Vector128Ops, System.Runtime.Intrinsics.Vector128<sbyte>>(SimdWidth.V128),
        SimdWidth.V256 => new LdpcDecoderSimd<Int8Vector256Ops, System.Runtime.Intrinsics.Vector256<sbyte>>(SimdWidth.V256),
        _ => new LdpcDecoderSimd<Int8Vector512Ops, System.Runtime.Intrinsics.Vector512<sbyte>>(SimdWidth.V512),
    };

    /// <summary>Largest compacted-buffer length for a code and filler count: N − F.</summary>
    public static int MaxCompactLength(LdpcCode code, int fillerBits)
    {
        ArgumentNullException.ThrowIfNull(code);
        return code.N - fillerBits;
    }

    /// <summary>
    /// Check rows the decoder processes for <paramref name="compactLength"/> LLRs:
    /// clamp(⌈covered/Zc⌉ + 2 − Kb, 4, graph rows), covered = L when L ≤ K′ − 2Zc, else L + F.
    /// </summary>
    public static int RowsInUse(LdpcCode code, int fillerBits, int compactLength)
    {
        ArgumentNullException.ThrowIfNull(code);
        return LdpcDecoderPlan.RowsInUse(code, fillerBits, compactLength);
    }

    /// <summary>Decodes one code block.</summary>
    /// <param name="code">The lifted code (<c>BaseGraph.Get(bg).Lift(zc)</c>).</param>
    /// <param name="fillerBits">F, 0..K − 2Zc − 1; K′ = K − F.</param>
    /// <param name="compact">The compacted circular buffer, 0..N − F int8 S8.1 LLRs (positive = bit 0).</param>
    /// <param name="hardOutput">Receives c[0..K′) MSB-first: ⌈K′/8⌉ bytes are written, unused trailing bits 0.</param>
    /// <param name="maxIterations">Iteration limit, 1..<see cref="MaxIterationsLimit"/>.</param>
    /// <param name="earlyTermination">
    /// Stop after the first iteration whose hard decisions satisfy every parity check of the rows in use
    /// (bbdev's ITERATION_STOP_ENABLE); false runs all <paramref name="maxIterations"/>.
    /// </param>
    /// <param name="earlyStopCrc">
    /// When set, also stop after an iteration whose first K′ hard bits pass this CRC (the last L of them being the
    /// CRC), whatever <paramref name="earlyTermination"/> says.
    /// </param>
    /// <returns>
    /// Iterations completed and whether the final syndrome check passed; a failed decode is not an exception. An input
    /// without information (empty, or all LLRs 0) is not decoded: 0 iterations, syndrome failed, output all zeros.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is null.</exception>
    /// <exception cref="ArgumentException">A parameter is out of range; the message names it, its value and the range.</exception>
    public LdpcDecoderResult Decode(
        LdpcCode code,
        int fillerBits,
        ReadOnlySpan<sbyte> compact,
        Span<byte> hardOutput,
        int maxIterations,
        bool earlyTermination,
        CrcType? earlyStopCrc = null)
    {
        ArgumentNullException.ThrowIfNull(code);
        int maxFiller = code.K - (2 * code.Zc) - 1;
        if ((uint)fillerBits > (uint)maxFiller)
        {
            ThrowArgument(nameof(fillerBits),
                $"n_filler = {fillerBits} is invalid: allowed [0, {maxFiller}] for basegraph {code.Graph.Number}, z_c {code.Zc} (K = {code.K}).");
        }

        int kPrime = code.K - fillerBits;
        int maxCompact = code.N - fillerBits;
        if (compact.Length > maxCompact)
        {
            ThrowArgument(nameof(compact),
                $"compacted circular buffer length = {compact.Length} is invalid: allowed [0, {maxCompact}] (N − F) for basegraph {code.Graph.Number}, z_c {code.Zc}, n_filler {fillerBits}.");
        }

        int outputBytes = (kPrime + 7) >> 3;
        if (hardOutput.Length < outputBytes)
        {
            ThrowArgument(nameof(hardOutput),
                $"hard output length = {hardOutput.Length} bytes is too small: K′ = {kPrime} bits need at least {outputBytes} bytes.");
        }

        if ((uint)(maxIterations - 1) >= MaxIterationsLimit)
        {
            ThrowArgument(nameof(maxIterations), $"iter_max = {maxIterations} is invalid: allowed [1, {MaxIterationsLimit}].");
        }

        if (earlyStopCrc is CrcType crc)
        {
            if (crc is not (CrcType.Crc24A or CrcType.Crc24B or CrcType.Crc16))
            {
                ThrowArgument(nameof(earlyStopCrc), $"early-stop CRC = {crc} is invalid: allowed Crc24A, Crc24B, Crc16 or null.");
            }

            int crcLength = CrcCalculator.Length(crc);
            if (kPrime <= crcLength)
            {
                ThrowArgument(nameof(earlyStopCrc), $"early-stop CRC {crc} needs K′ > {crcLength}; K′ = {kPrime}.");
            }
        }

        _plan.Prepare(code, fillerBits, compact.Length);
        return DecodeCore(_plan, compact, hardOutput.Slice(0, outputBytes), maxIterations, earlyTermination, earlyStopCrc);
    }

    /// <summary>Loads the compacted buffer into the APP LLRs and clears the check-to-variable messages.</summary>
    private protected abstract void Initialise(LdpcDecoderPlan plan, ReadOnlySpan<sbyte> compact);

    /// <summary>One iteration: every row in use, in order 0..R−1.</summary>
    private protected abstract void RunIteration(LdpcDecoderPlan plan);

    /// <summary>Whether the hard decisions satisfy every parity check of the rows in use.</summary>
    private protected abstract bool SyndromeHolds(LdpcDecoderPlan plan);

    /// <summary>Writes the hard decisions of c[0..K′) MSB-first into exactly ⌈K′/8⌉ bytes, trailing bits 0.</summary>
    private protected abstract void WriteHardBits(LdpcDecoderPlan plan, Span<byte> output);

    /// <summary>The iteration loop and its stopping rules, shared by every implementation.</summary>
    private LdpcDecoderResult DecodeCore(
        LdpcDecoderPlan plan,
        ReadOnlySpan<sbyte> compact,
        Span<byte> hardOutput,
        int maxIterations,
        bool earlyTermination,
        CrcType? earlyStopCrc)
    {
        // No LLR at all (L = 0, or every one an erasure): every APP would stay 0 and tie-break to the all-zero
        // codeword, whose CRC is 0 too. A receiver must not take that for a decode (think of a DTX'd block), so
        // nothing is run: 0 iterations, a failed syndrome, an all-zero output.
        if (compact.IndexOfAnyExcept((sbyte)0) < 0)
        {
            hardOutput.Clear();
            return new LdpcDecoderResult(0, false);
        }

        Initialise(plan, compact);
        bool syndromePassed = false;
        bool hardWritten = false;
        int iterations = 0;
        while (iterations < maxIterations)
        {
            RunIteration(plan);
            iterations++;
            hardWritten = false;
            bool last = iterations == maxIterations;
            bool syndromeKnown = false;

            // Without early termination the syndrome is needed only once, for the status after the last iteration.
            if (earlyTermination || last)
            {
                syndromePassed = SyndromeHolds(plan);
                syndromeKnown = true;
                if (earlyTermination && syndromePassed)
                {
                    break;
                }
            }

            if (earlyStopCrc is CrcType crc)
            {
                WriteHardBits(plan, hardOutput);
                hardWritten = true;
                if (CrcCalculator.CheckReference(crc, hardOutput, plan.KPrime))
                {
                    if (!syndromeKnown)
                    {
                        syndromePassed = SyndromeHolds(plan);
                    }

                    break;
                }
            }
        }

        // After a CRC check in the last iteration the output already holds its decisions.
        if (!hardWritten)
        {
            WriteHardBits(plan, hardOutput);
        }

        return new LdpcDecoderResult(iterations, syndromePassed);
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowArgument(string name, string message) => throw new ArgumentException(message, name);
}
