using System.Runtime.Intrinsics;
using AccelSdk.Bbdev.Fec.Crc;

namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// 5G NR LDPC decoder (TS 38.212 5.3.2): layered two-minimum sum-product over int8 LLRs, with early termination on a zero
/// syndrome and optionally on a passing CRC. Create one per worker with <see cref="Create(SimdWidth)"/>; an instance owns
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
/// keeps the three smallest |v| (m1 ≤ m2 ≤ m3) and the edge of m1, from which it stores two output magnitudes
/// (m2 ⊞ m3 for the m1 edge, m1 ⊞ m2 for the others, ⊞ being the exact two-input check rule from a small table at
/// <see cref="LlrScale"/>), plus the XOR of the signs and each edge's sign bit; the new message to edge e is its
/// magnitude with the sign of the other inputs; then APP = clamp(v + c_new, ±127). ±127 is <see cref="Infinity"/>:
/// such an APP gives v = APP and keeps its value, and an input set of certain values gives a certain output. The
/// rule was chosen by measured BLER against a floating-point sum-product decoder (bench tool <c>bler</c>).
/// </para>
/// </remarks>
public abstract class LdpcDecoder
{
    /// <summary>Largest accepted iteration count.</summary>
    public const int MaxIterationsLimit = 100;

    /// <summary>
    /// LLR scale the check-node rule is tuned for: LSB per natural LLR unit (ln P(0)/P(1)). Plain S8.1 has 2; a
    /// receiver that scales its LLRs by 4 before quantising to S8.1 (so that |LLR| = 127 is about 16 natural units,
    /// well past doubt) gives 8, the scale the BLER figures were measured at. Other scales decode too, further from
    /// sum-product: the rule's correction table assumes this scale, and a much larger scale makes ±127
    /// (<see cref="Infinity"/>, absorbing) reachable by noise.
    /// </summary>
    public const int LlrScale = 8;

    /// <summary>
    /// The LLR magnitude that means certainty. Every sum or difference saturates at ±127, and a value that reaches
    /// it is absorbing: an APP of ±127 is passed to its checks as is and never changes again, and a check output
    /// computed from certain inputs only is itself certain. Without this, layered int8
    /// decoding breaks down once APPs saturate: the clamp has already dropped the excess, subtracting a row's full
    /// old message then leaves a fraction of the true confidence, the next messages shrink, and a converged block
    /// can fall apart a few iterations later (measured: BG1 Zc=384 blocks decoded at iteration 6 with thousands of
    /// wrong bits at iteration 8). Inputs of ±127 (noiseless vectors, fillers) are certain by the same rule.
    /// </summary>
    public const int Infinity = 127;

    private readonly LdpcDecoderPlan _plan = new();

    private protected LdpcDecoder(SimdWidth width) => Width = width;

    /// <summary>The implementation this instance runs: Scalar, V128, V256 or V512 (never Auto).</summary>
    public SimdWidth Width { get; }

    /// <summary>
    /// Creates a decoder. <see cref="SimdWidth.Auto"/> picks the widest width the CPU accelerates; a forced width
    /// runs even where it is not accelerated (slowly) and gives the same results.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> is not a member of <see cref="SimdWidth"/>.</exception>
    public static LdpcDecoder Create(SimdWidth width = SimdWidth.Auto) => Create(width, CheckNodeRule.Default);

    /// <summary>A decoder with another check-node rule (tuning runs of the BLER tool).</summary>
    internal static LdpcDecoder Create(SimdWidth width, CheckNodeRule rule) => SimdSupport.Resolve(width) switch
    {
        SimdWidth.Scalar => new LdpcDecoderScalar(rule),
        SimdWidth.V128 => new LdpcDecoderSimd<Int8Vector128Ops, Vector128<sbyte>>(SimdWidth.V128, rule),
        SimdWidth.V256 => new LdpcDecoderSimd<Int8Vector256Ops, Vector256<sbyte>>(SimdWidth.V256, rule),
        _ => new LdpcDecoderSimd<Int8Vector512Ops, Vector512<sbyte>>(SimdWidth.V512, rule),
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
            LdpcDecoderThrowHelper.FillerBits(code, fillerBits, maxFiller);
        }

        int kPrime = code.K - fillerBits;
        int maxCompact = code.N - fillerBits;
        if (compact.Length > maxCompact)
        {
            LdpcDecoderThrowHelper.CompactLength(code, fillerBits, compact.Length, maxCompact);
        }

        int outputBytes = (kPrime + 7) >> 3;
        if (hardOutput.Length < outputBytes)
        {
            LdpcDecoderThrowHelper.HardOutput(kPrime, hardOutput.Length, outputBytes);
        }

        if ((uint)(maxIterations - 1) >= MaxIterationsLimit)
        {
            LdpcDecoderThrowHelper.MaxIterations(maxIterations);
        }

        if (earlyStopCrc is CrcType crc)
        {
            if (crc is not (CrcType.Crc24A or CrcType.Crc24B or CrcType.Crc16))
            {
                LdpcDecoderThrowHelper.EarlyStopCrc(crc);
            }

            int crcLength = CrcCalculator.Length(crc);
            if (kPrime <= crcLength)
            {
                LdpcDecoderThrowHelper.EarlyStopCrcLength(crc, crcLength, kPrime);
            }
        }

        _plan.Prepare(code, fillerBits, compact.Length);
        return DecodeCore(_plan, compact, hardOutput.Slice(0, outputBytes), maxIterations, earlyTermination, earlyStopCrc);
    }

    /// <summary>Loads the compacted buffer into the APP LLRs; no check-to-variable message has been sent yet.</summary>
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
}
