using System.Runtime.CompilerServices;
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
/// Ls + La2 + E2 at i, and La1 = Π⁻¹(scaled E2) for the next iteration.
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
    private const int ArraySize = MaxRows * Lanes;

    // Per constituent decoder (index 0, 1), physical layout [row][lane], row = step + Guard.
    private protected readonly AlignedInt16Buffer[] _systematic = [new(ArraySize), new(ArraySize)];
    private protected readonly AlignedInt16Buffer[] _parity = [new(ArraySize), new(ArraySize)];
    private protected readonly AlignedInt16Buffer[] _mu = [new(ArraySize), new(ArraySize)];
    private protected readonly AlignedInt16Buffer _extrinsic = new(ArraySize);

    /// <summary>Forward metrics of the window in progress: [step][state][lanes of one group].</summary>
    private protected readonly AlignedInt16Buffer _alpha = new(MaxWindow * 8 * Lanes);

    /// <summary>Next-iteration initialisation: [decoder][buffer][α = 0, β = 1][state][lane].</summary>
    private protected readonly AlignedInt16Buffer _nii = new(2 * 2 * 2 * 8 * Lanes);

    /// <summary>α at step L − 16 and β at step 16 of every window in the pass just run: [α = 0, β = 1][state][lane].</summary>
    private protected readonly AlignedInt16Buffer _save = new(2 * 8 * Lanes);

    /// <summary>β at step K of each constituent code, from its tail: [decoder][state].</summary>
    private protected readonly short[] _tailBeta = new short[16];

    /// <summary>Tail channel metrics of each constituent code: [decoder][x0, z0, x1, z1, x2, z2].</summary>
    private readonly short[] _tail = new short[12];

    private readonly int[] _niiRead = new int[2];
    private readonly int[] _niiLastRead = new int[2];
    private readonly byte[] _hardBits = new byte[TurboInterleaver.MaxBlockSize + 8];
    private readonly byte[] _hardPacked = new byte[TurboInterleaver.MaxBlockSize / 8];
    private readonly byte[] _previousHard = new byte[TurboInterleaver.MaxBlockSize / 8];
    private AlignedInt16Buffer? _parityApp;

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
        int iterMin = Math.Clamp(settings.IterMin, 1, settings.IterMax);
        int bytes = k >> 3;
        Span<byte> hard = _hardPacked.AsSpan(0, bytes);
        bool? crcPassed = null;
        int iteration = 0;
        while (true)
        {
            iteration++;
            HalfIteration(0);
            ScaleExtrinsic(scale);
            Interleave();
            HalfIteration(1);

            bool last = iteration == settings.IterMax;
            bool stop = last;
            bool mayStop = settings.EarlyTermination != TurboEarlyTermination.None && iteration >= iterMin;
            if (last || settings.EarlyTermination == TurboEarlyTermination.HardDecisions || mayStop)
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

            ScaleExtrinsic(scale);
            Deinterleave();
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
    /// One constituent decoder over every window: reads μ = Ls + La and Lp of <paramref name="decoder"/> (rows
    /// 0..L + 31, halos filled), the next-iteration initialisation of buffer <paramref name="niiRead"/> and the tail β;
    /// writes E for rows 16..L + 15 into the extrinsic array and α(L − 16), β(16) of every lane into the save area.
    /// </summary>
    private protected abstract void RunMap(int decoder, int niiRead);

    /// <summary>E ← clamp((clamp(E, ±1023)·scale + 8) ≫ 4, ±511) over the window rows (all lanes).</summary>
    private protected virtual void ScaleExtrinsic(int scale)
    {
        int rows = Tables.WindowLength;
        Span<short> extrinsic = _extrinsic.Span.Slice(Guard * Lanes, rows * Lanes);
        for (int i = 0; i < extrinsic.Length; i++)
        {
            extrinsic[i] = ScaleOne(extrinsic[i], scale);
        }
    }

    /// <summary>The scaling of one extrinsic value, as <see cref="ScaleExtrinsic"/> defines it.</summary>
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
    /// (computing E, saving β at 16).
    /// </summary>
    /// <param name="decoder">0 or 1.</param>
    /// <param name="niiRead">The initialisation buffer to read.</param>
    /// <param name="writeExtrinsic">Write E into the extrinsic array.</param>
    /// <param name="parityApp">Empty, or the physical-layout array receiving the a posteriori value of each parity bit.</param>
    /// <param name="tailApp">Empty, or 6 values receiving the a posteriori values of the tail (x0, z0, x1, z1, x2, z2).</param>
    private protected void MapScalar(int decoder, int niiRead, bool writeExtrinsic, Span<short> parityApp, Span<int> tailApp)
    {
        TurboCodeTables tables = Tables;
        int windows = tables.Windows;
        int length = tables.WindowLength;
        Span<short> mu = _mu[decoder].Span;
        Span<short> parity = _parity[decoder].Span;
        Span<short> extrinsic = _extrinsic.Span;
        Span<short> nii = _nii.Span;
        Span<short> save = _save.Span;
        Span<short> alphas = _alpha.Span;
        Span<short> a = stackalloc short[8];
        Span<short> b = stackalloc short[8];
        for (int w = 0; w < windows; w++)
        {
            // Forward: guard from the saved α (lane 0 starts in state 0 instead), then the window.
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
                    TurboTrellis.Forward(a, mu[(row * Lanes) + w], parity[(row * Lanes) + w]);
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
                TurboTrellis.Forward(a, mu[index], parity[index]);
            }

            // Backward: guard from the saved β (the last lane starts from the tail instead), then the window.
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
                    TurboTrellis.Backward(b, mu[(row * Lanes) + w], parity[(row * Lanes) + w]);
                }
            }

            for (int t = length - 1; t >= 0; t--)
            {
                int index = ((t + Guard) * Lanes) + w;
                ReadOnlySpan<short> alpha = alphas.Slice(t * 8, 8);
                if (writeExtrinsic)
                {
                    extrinsic[index] = TurboTrellis.Extrinsic(alpha, b, parity[index]);
                }

                if (!parityApp.IsEmpty)
                {
                    parityApp[index] = TurboTrellis.ParityPosterior(alpha, b, mu[index], parity[index]);
                }

                TurboTrellis.Backward(b, mu[index], parity[index]);
                if (t == Guard)
                {
                    for (int s = 0; s < 8; s++)
                    {
                        save[(8 * Lanes) + (s * Lanes) + w] = b[s];
                    }
                }
            }

            if (w == windows - 1 && !tailApp.IsEmpty)
            {
                TurboTrellis.TailPosteriors(a, _tail.AsSpan(decoder * 6, 6), tailApp);
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

        if (settings.EarlyTermination == TurboEarlyTermination.Crc && settings.Crc is null)
        {
            ThrowArgument(nameof(settings), "early termination by CRC needs a CRC type.");
        }

        if (settings.Crc is CrcType crc && crc is not (CrcType.Crc24A or CrcType.Crc24B or CrcType.Crc16))
        {
            ThrowArgument(nameof(settings), $"CRC = {crc} is invalid: allowed Crc24A, Crc24B, Crc16 or null.");
        }

        if (settings.EarlyTermination is not (TurboEarlyTermination.None or TurboEarlyTermination.Crc or TurboEarlyTermination.HardDecisions))
        {
            ThrowArgument(nameof(settings), $"early termination = {settings.EarlyTermination} is invalid.");
        }

        if (settings.InputFormat is not (TurboInputFormat.CircularBuffer or TurboInputFormat.Streams))
        {
            ThrowArgument(nameof(settings), $"input format = {settings.InputFormat} is invalid.");
        }
    }

    [System.Diagnostics.CodeAnalysis.DoesNotReturn]
    private static void ThrowArgument(string name, string message) => throw new ArgumentException(message, name);

    /// <summary>int8 LLR → metric (positive = 1), −128 read as −127.</summary>
    private static short Metric(sbyte llr, bool positiveIsOne)
    {
        int value = Math.Max((int)llr, -127);
        return (short)(positiveIsOne ? value : -value);
    }

    /// <summary>
    /// Fills the systematic and parity arrays of both constituent decoders (window layout), the tails, μ1 = Ls (no a
    /// priori yet), the parity halos, the tail β and a uniform next-iteration initialisation.
    /// </summary>
    private void Load(TurboCodeTables tables, ReadOnlySpan<sbyte> input, in TurboDecodeSettings settings)
    {
        int windows = tables.Windows;
        int length = tables.WindowLength;
        int d = tables.D;
        int kPi = tables.KPi;
        bool positiveIsOne = settings.InputPositiveIsOne;
        bool circular = settings.InputFormat == TurboInputFormat.CircularBuffer;
        ReadOnlySpan<ushort> source = tables.StreamSource;
        ReadOnlySpan<ushort> interleave = tables.DecoderInterleave;
        int used = tables.DecoderRows * Lanes;
        Span<short> sys0 = _systematic[0].Span;
        Span<short> sys1 = _systematic[1].Span;
        Span<short> par0 = _parity[0].Span;
        Span<short> par1 = _parity[1].Span;
        if (windows < Lanes)
        {
            // Lanes past the last window are computed by the vector paths: they must hold zeros.
            sys0[..used].Clear();
            sys1[..used].Clear();
            par0[..used].Clear();
            par1[..used].Clear();
            _mu[0].Span[..used].Clear();
            _mu[1].Span[..used].Clear();
            _extrinsic.Span[..used].Clear();
        }

        for (int w = 0; w < windows; w++)
        {
            for (int t = 0; t < length; t++)
            {
                int n = (w * length) + t;
                int index = ((t + Guard) * Lanes) + w;
                sys0[index] = Metric(input[circular ? source[n] : n], positiveIsOne);
                par0[index] = Metric(input[circular ? source[d + n] : kPi + n], positiveIsOne);
                par1[index] = Metric(input[circular ? source[(2 * d) + n] : (2 * kPi) + n], positiveIsOne);
            }
        }

        for (int w = 0; w < windows; w++)
        {
            for (int t = 0; t < length; t++)
            {
                int index = ((t + Guard) * Lanes) + w;
                sys1[index] = sys0[interleave[index]];
            }
        }

        // The twelve tail values in d order are x_K, z_K, x_K+1, z_K+1, x_K+2, z_K+2 of each encoder in turn.
        int k = tables.K;
        for (int j = 0; j < 12; j++)
        {
            int stream = j % 3;
            int n = k + (j / 3);
            _tail[j] = Metric(input[circular ? source[(stream * d) + n] : (stream * kPi) + n], positiveIsOne);
        }

        sys0.Slice(Guard * Lanes, length * Lanes).CopyTo(_mu[0].Span.Slice(Guard * Lanes));
        ExchangeHalo(_parity[0].Span);
        ExchangeHalo(_parity[1].Span);
        TurboTrellis.TailBeta(_tail.AsSpan(0, 6), _tailBeta.AsSpan(0, 8));
        TurboTrellis.TailBeta(_tail.AsSpan(6, 6), _tailBeta.AsSpan(8, 8));
        _nii.Span.Clear();
        _niiRead[0] = 0;
        _niiRead[1] = 0;
    }

    /// <summary>
    /// Fills the guard rows: rows 0..15 of lane w are rows L..L + 15 of lane w − 1 (its last 16 steps), rows L + 16..
    /// L + 31 of lane w are rows 16..31 of lane w + 1 (its first 16 steps); lanes without that neighbour get zeros.
    /// </summary>
    private void ExchangeHalo(Span<short> array)
    {
        int windows = Tables.Windows;
        int length = Tables.WindowLength;
        for (int g = 0; g < Guard; g++)
        {
            Span<short> prefix = array.Slice(g * Lanes, Lanes);
            ReadOnlySpan<short> last = array.Slice((length + g) * Lanes, Lanes);
            Span<short> suffix = array.Slice((Guard + length + g) * Lanes, Lanes);
            ReadOnlySpan<short> first = array.Slice((Guard + g) * Lanes, Lanes);
            prefix[0] = 0;
            for (int w = 1; w < windows; w++)
            {
                prefix[w] = last[w - 1];
            }

            for (int w = 0; w < windows - 1; w++)
            {
                suffix[w] = first[w + 1];
            }

            suffix[windows - 1] = 0;
        }
    }

    /// <summary>Runs constituent decoder <paramref name="decoder"/> and hands its window edges to the next iteration.</summary>
    private void HalfIteration(int decoder)
    {
        ExchangeHalo(_mu[decoder].Span);
        int read = _niiRead[decoder];
        RunMap(decoder, read);
        int write = read ^ 1;
        int windows = Tables.Windows;
        Span<short> nii = _nii.Span;
        Span<short> save = _save.Span;
        int alphaOut = NiiOffset(decoder, write, 0);
        int betaOut = NiiOffset(decoder, write, 1);
        for (int s = 1; s < 8; s++)
        {
            // State 0 is always 0 after normalisation (its rows stay 0). α at step L − 16 of window w starts window w + 1's guard; β at step 16 of window w ends window w − 1's.
            for (int w = 1; w < windows; w++)
            {
                nii[alphaOut + (s * Lanes) + w] = save[(s * Lanes) + w - 1];
                nii[betaOut + (s * Lanes) + w - 1] = save[(8 * Lanes) + (s * Lanes) + w];
            }
        }

        _niiLastRead[decoder] = read;
        _niiRead[decoder] = write;
    }

    /// <summary>μ2 = Ls2 + scaled E1 through the interleaver: position i of decoder 2 takes natural position Π(i).</summary>
    private void Interleave()
    {
        TurboCodeTables tables = Tables;
        ReadOnlySpan<ushort> interleave = tables.DecoderInterleave;
        ref short sys = ref _systematic[1].Reference;
        ref short mu = ref _mu[1].Reference;
        ref short extrinsic = ref _extrinsic.Reference;
        int windows = tables.Windows;
        int end = (Guard + tables.WindowLength) * Lanes;
        for (int row = Guard * Lanes; row < end; row += Lanes)
        {
            for (int w = 0; w < windows; w++)
            {
                int i = row + w;
                Unsafe.Add(ref mu, i) =
                    (short)(Unsafe.Add(ref sys, i) + Unsafe.Add(ref extrinsic, interleave[i]));
            }
        }
    }

    /// <summary>μ1 = Ls1 + scaled E2 through the inverse interleaver.</summary>
    private void Deinterleave()
    {
        TurboCodeTables tables = Tables;
        ReadOnlySpan<ushort> interleave = tables.DecoderInterleave;
        ref short sys = ref _systematic[0].Reference;
        ref short mu = ref _mu[0].Reference;
        ref short extrinsic = ref _extrinsic.Reference;
        int windows = tables.Windows;
        int end = (Guard + tables.WindowLength) * Lanes;
        for (int row = Guard * Lanes; row < end; row += Lanes)
        {
            for (int w = 0; w < windows; w++)
            {
                int i = row + w;
                int j = interleave[i];
                Unsafe.Add(ref mu, j) =
                    (short)(Unsafe.Add(ref sys, j) + Unsafe.Add(ref extrinsic, i));
            }
        }
    }

    /// <summary>Hard decisions (a posteriori μ2 + E2 &gt; 0 → 1) in natural order, packed MSB-first.</summary>
    private void HardDecisions(Span<byte> packed)
    {
        TurboCodeTables tables = Tables;
        ReadOnlySpan<ushort> interleave = tables.DecoderInterleave;
        ReadOnlySpan<short> mu = _mu[1].Span;
        ReadOnlySpan<short> extrinsic = _extrinsic.Span;
        Span<byte> bits = _hardBits;
        int windows = tables.Windows;
        int length = tables.WindowLength;
        int end = (Guard + length) * Lanes;
        for (int row = Guard * Lanes; row < end; row += Lanes)
        {
            for (int w = 0; w < windows; w++)
            {
                int i = row + w;
                int j = interleave[i];
                int natural = ((j & (Lanes - 1)) * length) + (j / Lanes) - Guard;
                bits[natural] = (short)(mu[i] + extrinsic[i]) > 0 ? (byte)1 : (byte)0;
            }
        }

        TurboEncoder.Pack(bits[..tables.K], packed);
    }

    /// <summary>
    /// The soft output: re-runs both constituent decoders of the last iteration (same inputs, same initialisation) in
    /// the scalar schedule to get the parity and tail a posteriori values; the systematic ones are μ2 + E2.
    /// </summary>
    private void WriteSoftOutput(Span<sbyte> soft, bool positiveIsOne)
    {
        TurboCodeTables tables = Tables;
        _parityApp ??= new AlignedInt16Buffer(ArraySize);
        Span<short> parityApp = _parityApp.Span;
        Span<int> tail = stackalloc int[12];
        int windows = tables.Windows;
        int length = tables.WindowLength;
        int k = tables.K;
        ReadOnlySpan<ushort> interleave = tables.DecoderInterleave;
        ReadOnlySpan<short> mu = _mu[1].Span;
        ReadOnlySpan<short> extrinsic = _extrinsic.Span;

        // Systematic: decoder 2's a posteriori value at i belongs to natural position Π(i).
        for (int w = 0; w < windows; w++)
        {
            for (int t = 0; t < length; t++)
            {
                int i = ((t + Guard) * Lanes) + w;
                int j = interleave[i];
                int natural = ((j & (Lanes - 1)) * length) + (j / Lanes) - Guard;
                soft[3 * natural] = Saturate(mu[i] + extrinsic[i], positiveIsOne);
            }
        }

        for (int decoder = 0; decoder < 2; decoder++)
        {
            MapScalar(decoder, _niiLastRead[decoder], writeExtrinsic: false, parityApp, tail.Slice(6 * decoder, 6));
            for (int w = 0; w < windows; w++)
            {
                for (int t = 0; t < length; t++)
                {
                    soft[(3 * ((w * length) + t)) + 1 + decoder] = Saturate(parityApp[((t + Guard) * Lanes) + w], positiveIsOne);
                }
            }
        }

        for (int j = 0; j < 12; j++)
        {
            soft[(3 * k) + j] = Saturate(tail[j], positiveIsOne);
        }
    }

    private static sbyte Saturate(int metric, bool positiveIsOne) => (sbyte)Math.Clamp(positiveIsOne ? metric : -metric, -127, 127);
}
