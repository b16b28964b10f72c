using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using AccelSdk.Bbdev.Fec.Crc;

namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>
/// LTE turbo decoder (TS 36.212 5.1.3.2): iterative max-log-MAP over the two 8-state constituent codes, int16 metrics,
/// with extrinsic scaling, early termination by CRC or by stable hard decisions, and optional soft output. Create one
/// per worker with <see cref="Create"/>; an instance owns scratch memory for K = 6144, so <see cref="Decode"/> never
/// allocates, and it is not thread-safe.
/// </summary>
/// <remarks>
/// <para>
/// Metrics are log-likelihoods with positive meaning bit 1 (inputs are converted on load). A trellis branch from state
/// s with input u and parity z costs γ = u·(Ls + La) + z·Lp (Ls, Lp channel values, La the a priori). Per step the
/// forward metrics α, backward metrics β and the extrinsic value E = max over u = 1 branches of (α + z·Lp + β′) −
/// the same over u = 0 are computed with max (max-log-MAP); α and β are normalised every step by subtracting their
/// state-0 value, which keeps every sum within int16 (inputs ±127, a priori ±511: |γ| ≤ 765, metric spread ≤ 6·765).
/// </para>
/// <para>
/// Every implementation computes the same windowed schedule bit for bit: the block is cut into P windows of L = K/P
/// steps (P ≤ 32, a power of two dividing K, L ≥ 64) decoded side by side, one per vector lane. Each window's forward
/// recursion starts 16 steps inside its left neighbour from the α that neighbour had there in the previous iteration
/// (uniform in the first), its backward recursion likewise 16 steps inside its right neighbour; the first window starts
/// in state 0 and the last ends in the state its tail bits terminate in. Extrinsic values handed over are
/// clamp((clamp(E, ±1023)·s + 8) ≫ 4, ±511) with s the scale in 1/16.
/// </para>
/// <para>
/// One iteration = constituent decoder 1 on (x, z, La1) in natural order, then decoder 2 on (x interleaved, z′, La2)
/// with La2 = Π(scaled E1); the hard decision for bit Π(i) is the sign of decoder 2's a posteriori value
/// Ls + La2 + E2 at i, and La1 = Π⁻¹(scaled E2) for the next iteration. Every array movement (input layout, both
/// interleavers, the guard rows) is a gather through a per-K table, so no pass needs a separate guard-row exchange.
/// </para>
/// </remarks>
public abstract class TurboDecoder
{
    /// <summary>Largest iteration count accepted.</summary>
    public const int MaxIterationsLimit = 32;

    /// <summary>The default extrinsic scale in 1/16 units: 12 (0.75), the usual correction of max-log-MAP.</summary>
    public const int DefaultExtrinsicScale = 12;

    /// <summary>Stand-in for −∞ in int16 metrics (states a recursion cannot be in).</summary>
    internal const short NegativeInfinity = -8192;

    /// <summary>Extrinsic values are clamped to ±this before scaling (keeps E·s within int16 for s ≤ 31).</summary>
    internal const int ExtrinsicLimit = 1023;

    /// <summary>A priori values are clamped to ±this after scaling (bounds the branch metrics, see the remarks).</summary>
    internal const int AprioriLimit = 511;

    private protected const int Lanes = TurboCodeTables.Lanes;
    private protected const int Guard = TurboCodeTables.Guard;
    private protected const int MaxRows = (TurboInterleaver.MaxBlockSize / Lanes) + (2 * Guard);
    private protected const int MaxWindow = TurboInterleaver.MaxBlockSize / Lanes;

    // Physical layout [row][lane], row = step + Guard, plus one row that stays zero (the tables' ZeroIndex).
    private const int ArraySize = (MaxRows + 1) * Lanes;

    /// <summary>Channel values of the systematic bits per constituent decoder (decoder 1: natural order, 2: interleaved).</summary>
    private protected readonly AlignedInt16Buffer[] _systematic = [new(ArraySize), new(ArraySize)];

    /// <summary>Channel values of the parity bits per constituent decoder (z, z′).</summary>
    private protected readonly AlignedInt16Buffer[] _parity = [new(ArraySize), new(ArraySize)];

    /// <summary>A priori values per constituent decoder (the other one's scaled extrinsic values).</summary>
    private protected readonly AlignedInt16Buffer[] _apriori = [new(ArraySize), new(ArraySize)];

    /// <summary>Scaled extrinsic values of the constituent decoder that ran last (window rows only).</summary>
    private protected readonly AlignedInt16Buffer _extrinsic = new(ArraySize);

    /// <summary>A posteriori values μ + E of the second constituent decoder, when asked for (window rows only).</summary>
    private protected readonly AlignedInt16Buffer _posterior = new(ArraySize);

    /// <summary>Forward metrics of the window in progress: [step][state][lanes of one group].</summary>
    private protected readonly AlignedInt16Buffer _alpha = new(MaxWindow * 8 * Lanes);

    /// <summary>Next-iteration initialisation: [decoder][buffer][α = 0, β = 1][state][lane]; state 0 stays 0.</summary>
    private protected readonly AlignedInt16Buffer _nii = new(2 * 2 * 2 * 8 * Lanes);

    /// <summary>α at step L − 16 and β at step 16 of every window in the pass just run: [α = 0, β = 1][state][lane].</summary>
    private protected readonly AlignedInt16Buffer _save = new(2 * 8 * Lanes);

    /// <summary>α at step K of each constituent code (the last window's final forward metrics): [decoder][state].</summary>
    private protected readonly short[] _alphaK = new short[16];

    /// <summary>β at step K of each constituent code, from its tail: [decoder][state].</summary>
    private protected readonly short[] _tailBeta = new short[16];

    /// <summary>Tail channel metrics of each constituent code: [decoder][x0, z0, x1, z1, x2, z2].</summary>
    private readonly short[] _tail = new short[12];

    private readonly sbyte[] _staging = new sbyte[TurboBlockParameters.CircularBufferLength(TurboInterleaver.MaxBlockSize) + 64];
    private readonly int[] _niiRead = new int[2];
    private readonly byte[] _hardBits = new byte[TurboInterleaver.MaxBlockSize + 8];
    private readonly byte[] _hardPacked = new byte[TurboInterleaver.MaxBlockSize / 8];
    private readonly byte[] _previousHard = new byte[TurboInterleaver.MaxBlockSize / 8];
    private readonly AlignedInt16Buffer?[] _parityPosterior = new AlignedInt16Buffer?[2];

    private protected TurboDecoder(SimdWidth width) => Width = width;

    /// <summary>The implementation this instance runs: Scalar, V128, V256 or V512 (never Auto).</summary>
    public SimdWidth Width { get; }

    /// <summary>The tables of the block being decoded.</summary>
    private protected TurboCodeTables Tables { get; private set; } = null!;

    /// <summary>
    /// Creates a decoder. <see cref="SimdWidth.Auto"/> picks the widest width the CPU accelerates; a forced width runs
    /// even where it is not accelerated (slowly) and gives the same results.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="width"/> is not a member of <see cref="SimdWidth"/>.</exception>
    public static TurboDecoder Create(SimdWidth width = SimdWidth.Auto) => SimdSupport.Resolve(width) switch
    {
        SimdWidth.Scalar => new TurboDecoderScalar(),
        SimdWidth.V128 => new TurboDecoderSimd<Int16Lanes128, System.Runtime.Intrinsics.Vector128<short>>(SimdWidth.V128),
        SimdWidth.V256 => new TurboDecoderSimd<Int16Lanes256, System.Runtime.Intrinsics.Vector256<short>>(SimdWidth.V256),
        _ => new TurboDecoderSimd<Int16Lanes512, System.Runtime.Intrinsics.Vector512<short>>(SimdWidth.V512),
    };

    /// <summary>Input LLRs of one code block: 3·Kπ (Kπ = 32·⌈(K + 4)/32⌉) in either layout.</summary>
    public static int InputLength(int k) => TurboBlockParameters.CircularBufferLength(k);

    /// <summary>Soft output LLRs of one code block: 3·(K + 4), as (d0_k, d1_k, d2_k) triples for k = 0..K + 3.</summary>
    public static int SoftOutputLength(int k) => 3 * (k + 4);

    /// <summary>Decodes one code block.</summary>
    /// <param name="k">The block size K (a size of TS 36.212 Table 5.1.3-3).</param>
    /// <param name="input">At least 3·Kπ int8 LLRs in <see cref="TurboDecodeSettings.InputFormat"/>; −128 counts as −127.</param>
    /// <param name="settings">Iterations, stopping rule, CRC, scaling and sign conventions.</param>
    /// <param name="hardOutput">Receives the K decoded bits, MSB-first (K/8 bytes).</param>
    /// <param name="softOutput">
    /// Empty for none, else room for 3·(K + 4) LLRs: the a posteriori values of d0_k, d1_k, d2_k (systematic, parity 1,
    /// parity 2, and the tail bits in their d positions) from the last iteration, saturated to ±127.
    /// </param>
    /// <returns>Iterations run and the CRC result; a failed decode is not an exception.</returns>
    /// <exception cref="ArgumentException">A parameter is out of range; the message names it, its value and the range.</exception>
    public TurboDecoderResult Decode(int k, ReadOnlySpan<sbyte> input, in TurboDecodeSettings settings, Span<byte> hardOutput, Span<sbyte> softOutput)
    {
        Validate(k, input, settings, hardOutput, softOutput);
        TurboCodeTables tables = TurboCodeTables.Get(k);
        Tables = tables;
        Load(tables, input, settings);

        int scale = settings.ExtrinsicScale == 0 ? DefaultExtrinsicScale : settings.ExtrinsicScale;
        bool soft = !softOutput.IsEmpty;
        if (soft)
        {
            _parityPosterior[0] ??= new AlignedInt16Buffer(ArraySize);
            _parityPosterior[1] ??= new AlignedInt16Buffer(ArraySize);
        }

        int iterMin = Math.Clamp(settings.IterMin, 1, settings.IterMax);
        int bytes = k >> 3;
        Span<byte> hard = _hardPacked.AsSpan(0, bytes);
        bool? crcPassed = null;
        int iteration = 0;
        while (true)
        {
            iteration++;
            bool last = iteration == settings.IterMax;
            bool stop = last;
            bool mayStop = settings.EarlyTermination != TurboEarlyTermination.None && iteration >= iterMin;
            bool decide = last || mayStop || settings.EarlyTermination == TurboEarlyTermination.HardDecisions;
            HalfIteration(0, scale, false, soft);
            Gather(_apriori[1], _extrinsic, tables.DecoderInterleave, tables.InterleaveRows);
            HalfIteration(1, scale, decide, soft);
            if (decide)
            {
                HardDecisions(hard);
                crcPassed = null;
                if (mayStop && settings.EarlyTermination == TurboEarlyTermination.Crc && settings.Crc is CrcType crc)
                {
                    crcPassed = CrcCalculator.Check(crc, hard, k);
                    stop |= crcPassed.Value;
                }
                else if (settings.EarlyTermination == TurboEarlyTermination.HardDecisions)
                {
                    stop |= mayStop && iteration > 1 && hard.SequenceEqual(_previousHard.AsSpan(0, bytes));
                    hard.CopyTo(_previousHard);
                }
            }

            if (stop)
            {
                break;
            }

            Gather(_apriori[0], _extrinsic, tables.DecoderDeinterleave, tables.DeinterleaveRows);
        }

        if (settings.Crc is CrcType check && crcPassed is null)
        {
            crcPassed = CrcCalculator.Check(check, hard, k);
        }

        hard.CopyTo(hardOutput);
        if (!softOutput.IsEmpty)
        {
            WriteSoftOutput(softOutput, settings.SoftOutputPositiveIsOne);
        }

        return new TurboDecoderResult(iteration, crcPassed);
    }

    /// <summary>
    /// One constituent decoder over every window: reads Ls, La and Lp of <paramref name="decoder"/> (guard rows
    /// included), the next-iteration initialisation of buffer <paramref name="niiRead"/> and the tail β; writes the
    /// scaled extrinsic values (<see cref="ScaleOne"/>) of the window rows, the a posteriori values μ + E when
    /// <paramref name="writePosterior"/>, and α(L − 16), β(16) of every lane into the save area (states 1..7). With
    /// <paramref name="parityPosterior"/> (soft output) it also writes each parity bit's a posteriori value there and α
    /// at step K into <see cref="_alphaK"/>.
    /// </summary>
    private protected abstract void RunMap(int decoder, int niiRead, int scale, bool writePosterior, Span<short> parityPosterior);

    /// <summary>The extrinsic value handed to the other decoder: clamp((clamp(E, ±1023)·scale + 8) ≫ 4, ±511).</summary>
    private protected static short ScaleOne(short extrinsic, int scale)
    {
        int e = Math.Clamp((int)extrinsic, -ExtrinsicLimit, ExtrinsicLimit);
        return (short)Math.Clamp(((e * scale) + 8) >> 4, -AprioriLimit, AprioriLimit);
    }

    /// <summary>Offset of the next-iteration initialisation block [decoder][buffer][kind].</summary>
    private protected static int NiiOffset(int decoder, int buffer, int kind) => (((((decoder * 2) + buffer) * 2) + kind) * 8) * Lanes;

    /// <summary>
    /// The scalar schedule of one constituent decoder, the reference every width matches. Lanes run one after the
    /// other; each does its forward guard and window (saving α at L − 16), then its backward guard and window
    /// (computing E, saving β at 16). μ = Ls + La is formed per step with int16 wrap-around, as the lanes do.
    /// </summary>
    /// <param name="decoder">0 or 1.</param>
    /// <param name="niiRead">The initialisation buffer to read.</param>
    /// <param name="scale">The extrinsic scale (1/16 units), or 0 to write no extrinsic values.</param>
    /// <param name="writePosterior">Write μ + E into the a posteriori array.</param>
    /// <param name="parityPosterior">Empty, or the physical-layout array receiving the a posteriori value of each parity bit (α at step K then goes to <see cref="_alphaK"/>).</param>
    private protected void MapScalar(int decoder, int niiRead, int scale, bool writePosterior, Span<short> parityPosterior)
    {
        TurboCodeTables tables = Tables;
        int windows = tables.Windows;
        int length = tables.WindowLength;
        Span<short> sys = _systematic[decoder].Span;
        Span<short> apriori = _apriori[decoder].Span;
        Span<short> parity = _parity[decoder].Span;
        Span<short> extrinsic = _extrinsic.Span;
        Span<short> posterior = _posterior.Span;
        Span<short> nii = _nii.Span;
        Span<short> save = _save.Span;
        Span<short> alphas = _alpha.Span;
        Span<short> a = stackalloc short[8];
        Span<short> b = stackalloc short[8];
        for (int w = 0; w < windows; w++)
        {
            // Forward: guard from the saved α (window 0 starts in state 0 instead), then the window.
            if (w == 0)
            {
                a.Fill(NegativeInfinity);
                a[0] = 0;
            }
            else
            {
                int source = NiiOffset(decoder, niiRead, 0);
                for (int s = 0; s < 8; s++)
                {
                    a[s] = nii[source + (s * Lanes) + w];
                }

                for (int row = 0; row < Guard; row++)
                {
                    int index = (row * Lanes) + w;
                    TurboTrellis.Forward(a, (short)(sys[index] + apriori[index]), parity[index]);
                }
            }

            for (int t = 0; t < length; t++)
            {
                if (t == length - Guard)
                {
                    for (int s = 0; s < 8; s++)
                    {
                        save[(s * Lanes) + w] = a[s];
                    }
                }

                a.CopyTo(alphas.Slice(t * 8, 8));
                int index = ((t + Guard) * Lanes) + w;
                TurboTrellis.Forward(a, (short)(sys[index] + apriori[index]), parity[index]);
            }

            // Backward: guard from the saved β (the last window starts from its tail's β instead), then the window.
            if (w == windows - 1)
            {
                _tailBeta.AsSpan(decoder * 8, 8).CopyTo(b);
            }
            else
            {
                int source = NiiOffset(decoder, niiRead, 1);
                for (int s = 0; s < 8; s++)
                {
                    b[s] = nii[source + (s * Lanes) + w];
                }

                for (int row = (2 * Guard) + length - 1; row >= Guard + length; row--)
                {
                    int index = (row * Lanes) + w;
                    TurboTrellis.Backward(b, (short)(sys[index] + apriori[index]), parity[index]);
                }
            }

            for (int t = length - 1; t >= 0; t--)
            {
                int index = ((t + Guard) * Lanes) + w;
                short mu = (short)(sys[index] + apriori[index]);
                ReadOnlySpan<short> alpha = alphas.Slice(t * 8, 8);
                short e = TurboTrellis.Extrinsic(alpha, b, parity[index]);
                if (scale != 0)
                {
                    extrinsic[index] = ScaleOne(e, scale);
                }

                if (writePosterior)
                {
                    posterior[index] = (short)(mu + e);
                }

                if (!parityPosterior.IsEmpty)
                {
                    parityPosterior[index] = TurboTrellis.ParityPosterior(alpha, b, mu, parity[index]);
                }

                TurboTrellis.Backward(b, mu, parity[index]);
                if (t == Guard)
                {
                    for (int s = 0; s < 8; s++)
                    {
                        save[(8 * Lanes) + (s * Lanes) + w] = b[s];
                    }
                }
            }

            if (w == windows - 1 && !parityPosterior.IsEmpty)
            {
                a.CopyTo(_alphaK.AsSpan(decoder * 8, 8));
            }
        }
    }

    private static void Validate(int k, ReadOnlySpan<sbyte> input, in TurboDecodeSettings settings, Span<byte> hardOutput, Span<sbyte> softOutput)
    {
        if (!TurboInterleaver.IsValidBlockSize(k))
        {
            ThrowArgument(nameof(k), $"k = {k} is invalid: allowed the sizes of TS 36.212 Table 5.1.3-3 (40..6144).");
        }

        int inputLength = InputLength(k);
        if (input.Length < inputLength)
        {
            ThrowArgument(nameof(input), $"input holds {input.Length} LLRs; K = {k} needs 3·Kπ = {inputLength}.");
        }

        if (hardOutput.Length < k >> 3)
        {
            ThrowArgument(nameof(hardOutput), $"hard output holds {hardOutput.Length} bytes; K = {k} needs {k >> 3}.");
        }

        if (!softOutput.IsEmpty && softOutput.Length < SoftOutputLength(k))
        {
            ThrowArgument(nameof(softOutput), $"soft output holds {softOutput.Length} LLRs; K = {k} needs 3·(K + 4) = {SoftOutputLength(k)}.");
        }

        if (settings.IterMax < 1 || settings.IterMax > MaxIterationsLimit)
        {
            ThrowArgument(nameof(settings), $"iter_max = {settings.IterMax} is invalid: allowed [1, {MaxIterationsLimit}].");
        }

        if (settings.IterMin < 0)
        {
            ThrowArgument(nameof(settings), $"iter_min = {settings.IterMin} is invalid: allowed [0, {MaxIterationsLimit}].");
        }

        if (settings.ExtrinsicScale is < 0 or > 31)
        {
            ThrowArgument(nameof(settings), $"extrinsic scale = {settings.ExtrinsicScale} is invalid: allowed [0, 31] (1/16 units, 0 = default).");
        }

        if (settings.EarlyTermination is not (TurboEarlyTermination.None or TurboEarlyTermination.Crc or TurboEarlyTermination.HardDecisions))
        {
            ThrowArgument(nameof(settings), $"early termination = {settings.EarlyTermination} is invalid.");
        }

        if (settings.EarlyTermination == TurboEarlyTermination.Crc && settings.Crc is null)
        {
            ThrowArgument(nameof(settings), "early termination by CRC needs a CRC type.");
        }

        if (settings.Crc is CrcType crc && crc is not (CrcType.Crc24A or CrcType.Crc24B or CrcType.Crc16))
        {
            ThrowArgument(nameof(settings), $"CRC = {crc} is invalid: allowed Crc24A, Crc24B, Crc16 or null.");
        }

        if (settings.InputFormat is not (TurboInputFormat.CircularBuffer or TurboInputFormat.Streams))
        {
            ThrowArgument(nameof(settings), $"input format = {settings.InputFormat} is invalid.");
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowArgument(string name, string message) => throw new ArgumentException(message, name);

    /// <summary>metric = clamp(llr, −127, 127), negated unless positive LLRs mean 1.</summary>
    private static void ConvertInput(ReadOnlySpan<sbyte> input, Span<sbyte> metrics, bool positiveIsOne)
    {
        int i = 0;
        int count = Vector<sbyte>.Count;
        var floor = new Vector<sbyte>(-127);
        for (; i + count <= input.Length; i += count)
        {
            Vector<sbyte> v = Vector.Max(new Vector<sbyte>(input.Slice(i, count)), floor);
            (positiveIsOne ? v : -v).CopyTo(metrics.Slice(i, count));
        }

        for (; i < input.Length; i++)
        {
            int v = Math.Max((int)input[i], -127);
            metrics[i] = (sbyte)(positiveIsOne ? v : -v);
        }
    }

    /// <summary>
    /// Fills the systematic and parity arrays of both constituent decoders (window layout, guard rows and unused lanes
    /// included), the tails, La1 = 0, the tail β and a uniform next-iteration initialisation.
    /// </summary>
    private void Load(TurboCodeTables tables, ReadOnlySpan<sbyte> input, in TurboDecodeSettings settings)
    {
        int kw = tables.Kw;
        int size = tables.DecoderRows * Lanes;
        bool circular = settings.InputFormat == TurboInputFormat.CircularBuffer;

        // Stage the input as metrics (positive = 1, −128 read as −127) with a zero at index Kw for positions without a
        // source: one vector pass, then every array is a plain gather.
        Span<sbyte> staging = _staging.AsSpan(0, kw + 1);
        ConvertInput(input[..kw], staging, settings.InputPositiveIsOne);
        staging[kw] = 0;
        ReadOnlySpan<ushort> source = circular ? tables.DecoderSource : tables.DecoderStreamSource;
        ref sbyte from = ref MemoryMarshal.GetReference(staging);
        ref ushort index = ref MemoryMarshal.GetReference(source);
        ref short sys0 = ref _systematic[0].Reference;
        ref short par0 = ref _parity[0].Reference;
        ref short par1 = ref _parity[1].Reference;
        for (int i = 0; i < size; i++)
        {
            Unsafe.Add(ref sys0, i) = Unsafe.Add(ref from, Unsafe.Add(ref index, i));
            Unsafe.Add(ref par0, i) = Unsafe.Add(ref from, Unsafe.Add(ref index, size + i));
            Unsafe.Add(ref par1, i) = Unsafe.Add(ref from, Unsafe.Add(ref index, (2 * size) + i));
        }

        // The zero row stays 0 in every array the tables point into (a previous, longer block may have used it).
        _systematic[0].Span.Slice(tables.ZeroIndex, Lanes).Clear();
        _extrinsic.Span.Slice(tables.ZeroIndex, Lanes).Clear();
        Gather(_systematic[1], _systematic[0], tables.DecoderInterleave, tables.InterleaveRows);

        // The twelve tail values in d order are x_K, z_K, x_K+1, z_K+1, x_K+2, z_K+2 of each encoder in turn.
        ReadOnlySpan<ushort> streamSource = tables.StreamSource;
        int k = tables.K;
        int d = tables.D;
        for (int j = 0; j < 12; j++)
        {
            int stream = j % 3;
            int n = k + (j / 3);
            _tail[j] = staging[circular ? streamSource[(stream * d) + n] : (stream * tables.KPi) + n];
        }

        _apriori[0].Span[..size].Clear();
        TurboTrellis.TailBeta(_tail.AsSpan(0, 6), _tailBeta.AsSpan(0, 8));
        TurboTrellis.TailBeta(_tail.AsSpan(6, 6), _tailBeta.AsSpan(8, 8));
        _nii.Span.Clear();
        _niiRead[0] = 0;
        _niiRead[1] = 0;
    }

    /// <summary>
    /// destination[i] = source[map[i]] over every physical index: an interleaver direction with its guard rows. The
    /// vector widths override this with row moves (<paramref name="rows"/>) where the CPU has byte or word permutes.
    /// </summary>
    private protected virtual void Gather(AlignedInt16Buffer destination, AlignedInt16Buffer source, ushort[] map, TurboRowPermutation? rows)
    {
        ref short to = ref destination.Reference;
        ref short from = ref source.Reference;
        ref ushort index = ref MemoryMarshal.GetArrayDataReference(map);
        int size = Tables.DecoderRows * Lanes;
        int i = 0;
        for (; i + 4 <= size; i += 4)
        {
            Unsafe.Add(ref to, i) = Unsafe.Add(ref from, Unsafe.Add(ref index, i));
            Unsafe.Add(ref to, i + 1) = Unsafe.Add(ref from, Unsafe.Add(ref index, i + 1));
            Unsafe.Add(ref to, i + 2) = Unsafe.Add(ref from, Unsafe.Add(ref index, i + 2));
            Unsafe.Add(ref to, i + 3) = Unsafe.Add(ref from, Unsafe.Add(ref index, i + 3));
        }

        for (; i < size; i++)
        {
            Unsafe.Add(ref to, i) = Unsafe.Add(ref from, Unsafe.Add(ref index, i));
        }
    }

    /// <summary>Runs constituent decoder <paramref name="decoder"/> and hands its window edges to the next iteration.</summary>
    private void HalfIteration(int decoder, int scale, bool writePosterior, bool soft)
    {
        int read = _niiRead[decoder];
        RunMap(decoder, read, scale, writePosterior, soft ? _parityPosterior[decoder]!.Span : default);
        int write = read ^ 1;
        int shift = Tables.Windows - 1;
        Span<short> nii = _nii.Span;
        Span<short> save = _save.Span;
        int alphaOut = NiiOffset(decoder, write, 0);
        int betaOut = NiiOffset(decoder, write, 1);

        // α at step L − 16 of window w starts window w + 1's guard; β at step 16 of window w ends window w − 1's.
        // State 0 is 0 after every normalisation, so its rows are never written.
        for (int s = 1; s < 8; s++)
        {
            save.Slice(s * Lanes, shift).CopyTo(nii.Slice(alphaOut + (s * Lanes) + 1));
            save.Slice((8 * Lanes) + (s * Lanes) + 1, shift).CopyTo(nii.Slice(betaOut + (s * Lanes)));
        }

        _niiRead[decoder] = write;
    }

    /// <summary>
    /// Hard decisions (a posteriori value &gt; 0 → 1) in natural order, packed MSB-first: natural position n sits at
    /// step t of window w of the first decoder, whose value the second decoder computed at the deinterleaved index.
    /// </summary>
    private void HardDecisions(Span<byte> packed)
    {
        TurboCodeTables tables = Tables;
        ref ushort deinterleave = ref MemoryMarshal.GetArrayDataReference(tables.DecoderDeinterleave);
        ref short posterior = ref _posterior.Reference;
        int windows = tables.Windows;
        int length = tables.WindowLength;
        int accumulator = 0;
        int bits = 0;
        int output = 0;
        for (int w = 0; w < windows; w++)
        {
            int index = (Guard * Lanes) + w;
            for (int t = 0; t < length; t++, index += Lanes)
            {
                int value = Unsafe.Add(ref posterior, Unsafe.Add(ref deinterleave, index));
                accumulator = (accumulator << 1) | (int)((uint)-value >> 31);
                if (++bits == 8)
                {
                    packed[output++] = (byte)accumulator;
                    accumulator = 0;
                    bits = 0;
                }
            }
        }
    }

    /// <summary>
    /// The soft output of the last iteration: systematic bits from the second decoder's a posteriori values, parity bits
    /// from each decoder's parity posteriors, tail bits from α at step K through the three tail steps.
    /// </summary>
    private void WriteSoftOutput(Span<sbyte> soft, bool positiveIsOne)
    {
        TurboCodeTables tables = Tables;
        int windows = tables.Windows;
        int length = tables.WindowLength;
        int k = tables.K;
        ReadOnlySpan<ushort> deinterleave = tables.DecoderDeinterleave;
        ReadOnlySpan<short> posterior = _posterior.Span;
        ReadOnlySpan<short> parity0 = _parityPosterior[0]!.Span;
        ReadOnlySpan<short> parity1 = _parityPosterior[1]!.Span;
        for (int w = 0; w < windows; w++)
        {
            for (int t = 0; t < length; t++)
            {
                // Natural position n = w·L + t: its systematic value is the second decoder's at the deinterleaved index;
                // z_n is the first decoder's parity at the same index, z′_n the second decoder's at its own index n.
                int index = ((t + Guard) * Lanes) + w;
                int n = 3 * ((w * length) + t);
                soft[n] = Saturate(posterior[deinterleave[index]], positiveIsOne);
                soft[n + 1] = Saturate(parity0[index], positiveIsOne);
                soft[n + 2] = Saturate(parity1[index], positiveIsOne);
            }
        }

        Span<int> tail = stackalloc int[6];
        for (int decoder = 0; decoder < 2; decoder++)
        {
            TurboTrellis.TailPosteriors(_alphaK.AsSpan(decoder * 8, 8), _tail.AsSpan(decoder * 6, 6), tail);
            for (int j = 0; j < 6; j++)
            {
                soft[(3 * k) + (6 * decoder) + j] = Saturate(tail[j], positiveIsOne);
            }
        }
    }

    private static sbyte Saturate(int metric, bool positiveIsOne) => (sbyte)Math.Clamp(positiveIsOne ? metric : -metric, -127, 127);
}
