using System.Runtime.CompilerServices;

namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>
/// The vector decoder, written once over <see cref="IInt16Lanes{TVec}"/> and specialised per width. It runs the
/// schedule of <see cref="TurboDecoder.MapScalar"/> on <c>Count</c> windows at a time, one per lane: the eight state
/// metrics are eight vectors, and a trellis step is a handful of vertical adds and maxima with no shuffles, because
/// the window-major layout puts step t of every window in one row.
/// </summary>
/// <remarks>
/// The trellis formulas are the scalar ones unrolled for the code's eight states (see the tables in the method
/// comments); a test compares them with <see cref="TurboTrellis"/> on random metrics. State 0 is 0 after every
/// normalisation, so it is not stored. Lanes past the last window compute on zeros and are never read.
/// </remarks>
internal sealed class TurboDecoderSimd<TOps, TVec> : TurboDecoder
    where TOps : struct, IInt16Lanes<TVec>
    where TVec : struct
{
    private readonly short[] _patch = new short[8 * Lanes];

    public TurboDecoderSimd(SimdWidth width)
        : base(width)
    {
    }

    private protected override void RunMap(int decoder, int niiRead, int scale, bool writePosterior, Span<short> parityPosterior)
    {
        TurboCodeTables tables = Tables;
        int windows = tables.Windows;
        int length = tables.WindowLength;
        int count = TOps.Count;
        ref short sys = ref _systematic[decoder].Reference;
        ref short apriori = ref _apriori[decoder].Reference;
        ref short parity = ref _parity[decoder].Reference;
        ref short extrinsic = ref _extrinsic.Reference;
        ref short posterior = ref _posterior.Reference;
        ref short nii = ref _nii.Reference;
        TVec low = TOps.Broadcast(-ExtrinsicLimit);
        TVec high = TOps.Broadcast(ExtrinsicLimit);
        TVec lowOut = TOps.Broadcast(-AprioriLimit);
        TVec highOut = TOps.Broadcast(AprioriLimit);
        TVec factor = TOps.Broadcast((short)scale);
        TVec half = TOps.Broadcast(8);
        ref short save = ref _save.Reference;
        ref short alphas = ref _alpha.Reference;
        bool soft = !parityPosterior.IsEmpty;
        ref short parityOut = ref soft ? ref parityPosterior[0] : ref extrinsic;
        for (int lane0 = 0; lane0 < windows; lane0 += count)
        {
            // Forward guard from the previous iteration's α (lane 0 is then set to the known start state).
            ref short initAlpha = ref Unsafe.Add(ref nii, NiiOffset(decoder, niiRead, 0) + lane0);
            TVec a1 = TOps.Load(ref Unsafe.Add(ref initAlpha, 1 * Lanes));
            TVec a2 = TOps.Load(ref Unsafe.Add(ref initAlpha, 2 * Lanes));
            TVec a3 = TOps.Load(ref Unsafe.Add(ref initAlpha, 3 * Lanes));
            TVec a4 = TOps.Load(ref Unsafe.Add(ref initAlpha, 4 * Lanes));
            TVec a5 = TOps.Load(ref Unsafe.Add(ref initAlpha, 5 * Lanes));
            TVec a6 = TOps.Load(ref Unsafe.Add(ref initAlpha, 6 * Lanes));
            TVec a7 = TOps.Load(ref Unsafe.Add(ref initAlpha, 7 * Lanes));
            for (int row = 0; row < Guard; row++)
            {
                int index = (row * Lanes) + lane0;
                Forward(ref a1, ref a2, ref a3, ref a4, ref a5, ref a6, ref a7, Mu(ref sys, ref apriori, index), TOps.Load(ref Unsafe.Add(ref parity, index)));
            }

            if (lane0 == 0)
            {
                PatchLane(ref a1, ref a2, ref a3, ref a4, ref a5, ref a6, ref a7, 0, StartState);
            }

            ref short alpha = ref alphas;
            for (int t = 0; t < length; t++)
            {
                if (t == length - Guard)
                {
                    StoreStates(ref Unsafe.Add(ref save, Lanes + lane0), Lanes, a1, a2, a3, a4, a5, a6, a7);
                }

                StoreStates(ref alpha, count, a1, a2, a3, a4, a5, a6, a7);
                alpha = ref Unsafe.Add(ref alpha, 8 * count);
                int index = ((t + Guard) * Lanes) + lane0;
                Forward(ref a1, ref a2, ref a3, ref a4, ref a5, ref a6, ref a7, Mu(ref sys, ref apriori, index), TOps.Load(ref Unsafe.Add(ref parity, index)));
            }

            int last = windows - 1 - lane0;
            if (soft && last < count)
            {
                // α at step K of the last window, for the tail's a posteriori values.
                StoreStates(ref _patch[0], count, a1, a2, a3, a4, a5, a6, a7);
                _alphaK[decoder * 8] = 0;
                for (int s = 1; s < 8; s++)
                {
                    _alphaK[(decoder * 8) + s] = _patch[((s - 1) * count) + last];
                }
            }

            // Backward guard from the previous iteration's β (the last window is then set to its tail's β).
            ref short initBeta = ref Unsafe.Add(ref nii, NiiOffset(decoder, niiRead, 1) + lane0);
            TVec b1 = TOps.Load(ref Unsafe.Add(ref initBeta, 1 * Lanes));
            TVec b2 = TOps.Load(ref Unsafe.Add(ref initBeta, 2 * Lanes));
            TVec b3 = TOps.Load(ref Unsafe.Add(ref initBeta, 3 * Lanes));
            TVec b4 = TOps.Load(ref Unsafe.Add(ref initBeta, 4 * Lanes));
            TVec b5 = TOps.Load(ref Unsafe.Add(ref initBeta, 5 * Lanes));
            TVec b6 = TOps.Load(ref Unsafe.Add(ref initBeta, 6 * Lanes));
            TVec b7 = TOps.Load(ref Unsafe.Add(ref initBeta, 7 * Lanes));
            for (int row = (2 * Guard) + length - 1; row >= Guard + length; row--)
            {
                int index = (row * Lanes) + lane0;
                Backward(ref b1, ref b2, ref b3, ref b4, ref b5, ref b6, ref b7, Mu(ref sys, ref apriori, index), TOps.Load(ref Unsafe.Add(ref parity, index)));
            }

            if (last < count)
            {
                PatchLane(ref b1, ref b2, ref b3, ref b4, ref b5, ref b6, ref b7, last, _tailBeta.AsSpan(decoder * 8, 8));
            }

            for (int t = length - 1; t >= 0; t--)
            {
                alpha = ref Unsafe.Add(ref alphas, t * 8 * count);
                int index = ((t + Guard) * Lanes) + lane0;
                TVec m = Mu(ref sys, ref apriori, index);
                TVec p = TOps.Load(ref Unsafe.Add(ref parity, index));
                TVec e = Step(ref alpha, count, ref b1, ref b2, ref b3, ref b4, ref b5, ref b6, ref b7, m, p, soft, ref Unsafe.Add(ref parityOut, index));
                if (writePosterior)
                {
                    TOps.Store(TOps.Add(m, e), ref Unsafe.Add(ref posterior, index));
                }

                // The scaling of ScaleOne: clamp, multiply, round, shift, clamp.
                e = TOps.Min(TOps.Max(e, low), high);
                e = TOps.ShiftRightArithmetic(TOps.Add(TOps.MultiplyLow(e, factor), half), 4);
                TOps.Store(TOps.Min(TOps.Max(e, lowOut), highOut), ref Unsafe.Add(ref extrinsic, index));
                if (t == Guard)
                {
                    StoreStates(ref Unsafe.Add(ref save, (9 * Lanes) + lane0), Lanes, b1, b2, b3, b4, b5, b6, b7);
                }
            }
        }
    }

    /// <summary>μ = Ls + La at <paramref name="index"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Mu(ref short sys, ref short apriori, int index) =>
        TOps.Add(TOps.Load(ref Unsafe.Add(ref sys, index)), TOps.Load(ref Unsafe.Add(ref apriori, index)));

    private protected override void Gather(AlignedInt16Buffer destination, AlignedInt16Buffer source, ushort[] map, TurboRowPermutation? rows)
    {
        if (rows is null || !TOps.GatherRows(ref destination.Reference, ref source.Reference, rows))
        {
            base.Gather(destination, source, map, rows);
        }
    }

    private static ReadOnlySpan<short> StartState => [0, NegativeInfinity, NegativeInfinity, NegativeInfinity, NegativeInfinity, NegativeInfinity, NegativeInfinity, NegativeInfinity];

    /// <summary>
    /// One forward step. Branches into each state (from the trellis): 0 ← 0 (γ00), 4 (γ11); 1 ← 0 (γ11), 4 (γ00);
    /// 2 ← 1 (γ01), 5 (γ10); 3 ← 1 (γ10), 5 (γ01); 4 ← 2 (γ10), 6 (γ01); 5 ← 2 (γ01), 6 (γ10); 6 ← 3 (γ11), 7 (γ00);
    /// 7 ← 3 (γ00), 7 (γ11), with γ00 = 0, γ10 = μ, γ01 = Lp, γ11 = μ + Lp and α0 = 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Forward(ref TVec a1, ref TVec a2, ref TVec a3, ref TVec a4, ref TVec a5, ref TVec a6, ref TVec a7, TVec mu, TVec parity)
    {
        // Written pair by pair, each pair normalised as soon as its inputs are dead, so that at most about a dozen
        // vectors are live (no spills with 16 registers).
        TVec g11 = TOps.Add(mu, parity);
        TVec n0 = TOps.Max(default, TOps.Add(a4, g11));
        TVec s1 = TOps.Subtract(TOps.Max(g11, a4), n0);
        TVec s2 = TOps.Subtract(TOps.Max(TOps.Add(a1, parity), TOps.Add(a5, mu)), n0);
        TVec s3 = TOps.Subtract(TOps.Max(TOps.Add(a1, mu), TOps.Add(a5, parity)), n0);
        TVec s4 = TOps.Subtract(TOps.Max(TOps.Add(a2, mu), TOps.Add(a6, parity)), n0);
        TVec s5 = TOps.Subtract(TOps.Max(TOps.Add(a2, parity), TOps.Add(a6, mu)), n0);
        TVec s6 = TOps.Subtract(TOps.Max(TOps.Add(a3, g11), a7), n0);
        a7 = TOps.Subtract(TOps.Max(a3, TOps.Add(a7, g11)), n0);
        a1 = s1;
        a2 = s2;
        a3 = s3;
        a4 = s4;
        a5 = s5;
        a6 = s6;
    }

    /// <summary>
    /// One backward step. Branches out of each state: 0 → 0 (γ00), 1 (γ11); 1 → 2 (γ01), 3 (γ10); 2 → 5 (γ01), 4 (γ10);
    /// 3 → 7 (γ00), 6 (γ11); 4 → 1 (γ00), 0 (γ11); 5 → 3 (γ01), 2 (γ10); 6 → 4 (γ01), 5 (γ10); 7 → 6 (γ00), 7 (γ11);
    /// the first of each pair is input 0. β′0 = 0.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Backward(ref TVec b1, ref TVec b2, ref TVec b3, ref TVec b4, ref TVec b5, ref TVec b6, ref TVec b7, TVec mu, TVec parity)
    {
        TVec q0 = parity;
        TVec q1 = TOps.Add(b1, parity);
        TVec n0 = TOps.Max(default, TOps.Add(q1, mu));
        TVec n1 = TOps.Max(TOps.Add(b2, parity), TOps.Add(b3, mu));
        TVec n2 = TOps.Max(TOps.Add(b5, parity), TOps.Add(b4, mu));
        TVec n3 = TOps.Max(b7, TOps.Add(TOps.Add(b6, parity), mu));
        TVec n4 = TOps.Max(b1, TOps.Add(q0, mu));
        TVec n5 = TOps.Max(TOps.Add(b3, parity), TOps.Add(b2, mu));
        TVec n6 = TOps.Max(TOps.Add(b4, parity), TOps.Add(b5, mu));
        TVec n7 = TOps.Max(b6, TOps.Add(TOps.Add(b7, parity), mu));
        b1 = TOps.Subtract(n1, n0);
        b2 = TOps.Subtract(n2, n0);
        b3 = TOps.Subtract(n3, n0);
        b4 = TOps.Subtract(n4, n0);
        b5 = TOps.Subtract(n5, n0);
        b6 = TOps.Subtract(n6, n0);
        b7 = TOps.Subtract(n7, n0);
    }

    /// <summary>
    /// The extrinsic value at one step and the backward step over it. With q = β′ + Lp the branches of
    /// <see cref="Backward"/> (without μ) group by input u and parity z:
    /// u1z1 = max(q1, α3 + q6, α4 + q0, α7 + q7), u1z0 = max(α1 + β′3, α2 + β′4, α5 + β′2, α6 + β′5),
    /// u0z1 = max(α1 + q2, α2 + q5, α5 + q3, α6 + q4), u0z0 = max(β′0, α3 + β′7, α4 + β′1, α7 + β′6) (α0 = β′0 = 0);
    /// E = max(u1z1, u1z0) − max(u0z1, u0z0), and when <paramref name="parity"/> is asked for, the parity bit's a
    /// posteriori value max(μ + u1z1, u0z1) − max(μ + u1z0, u0z0) is stored at <paramref name="parityOut"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Step(ref short alpha, int count, ref TVec b1, ref TVec b2, ref TVec b3, ref TVec b4, ref TVec b5, ref TVec b6, ref TVec b7,
        TVec mu, TVec parity, bool wantParity, ref short parityOut)
    {
        // α is read from memory where used (each load folds into its add); the q = β′ + Lp values are formed where
        // both their uses sit, and each new β is normalised as soon as the old values it needs are dead, which keeps
        // the live vectors within 16 registers.
        TVec u1z0 = TOps.Max(
            TOps.Max(TOps.Add(Alpha(ref alpha, count, 1), b3), TOps.Add(Alpha(ref alpha, count, 2), b4)),
            TOps.Max(TOps.Add(Alpha(ref alpha, count, 5), b2), TOps.Add(Alpha(ref alpha, count, 6), b5)));
        TVec u0z0 = TOps.Max(
            TOps.Max(default, TOps.Add(Alpha(ref alpha, count, 3), b7)),
            TOps.Max(TOps.Add(Alpha(ref alpha, count, 4), b1), TOps.Add(Alpha(ref alpha, count, 7), b6)));

        // States 0 and 4 (from q1 and q0 = Lp, and old β′1).
        TVec q1 = TOps.Add(b1, parity);
        TVec n0 = TOps.Max(default, TOps.Add(q1, mu));
        TVec u1z1 = TOps.Max(q1, TOps.Add(Alpha(ref alpha, count, 4), parity));
        TVec s4 = TOps.Subtract(TOps.Max(b1, TOps.Add(parity, mu)), n0);

        // States 1 and 5 (old β′2, β′3).
        TVec q2 = TOps.Add(b2, parity);
        TVec q3 = TOps.Add(b3, parity);
        TVec u0z1 = TOps.Max(TOps.Add(Alpha(ref alpha, count, 1), q2), TOps.Add(Alpha(ref alpha, count, 5), q3));
        TVec s1 = TOps.Subtract(TOps.Max(q2, TOps.Add(b3, mu)), n0);
        TVec s5 = TOps.Subtract(TOps.Max(q3, TOps.Add(b2, mu)), n0);

        // States 2 and 6 (old β′4, β′5).
        TVec q4 = TOps.Add(b4, parity);
        TVec q5 = TOps.Add(b5, parity);
        u0z1 = TOps.Max(u0z1, TOps.Max(TOps.Add(Alpha(ref alpha, count, 2), q5), TOps.Add(Alpha(ref alpha, count, 6), q4)));
        TVec s2 = TOps.Subtract(TOps.Max(q5, TOps.Add(b4, mu)), n0);
        TVec s6 = TOps.Subtract(TOps.Max(q4, TOps.Add(b5, mu)), n0);

        // States 3 and 7 (old β′6, β′7).
        TVec q6 = TOps.Add(b6, parity);
        TVec q7 = TOps.Add(b7, parity);
        u1z1 = TOps.Max(u1z1, TOps.Max(TOps.Add(Alpha(ref alpha, count, 3), q6), TOps.Add(Alpha(ref alpha, count, 7), q7)));
        TVec s3 = TOps.Subtract(TOps.Max(b7, TOps.Add(q6, mu)), n0);
        b7 = TOps.Subtract(TOps.Max(b6, TOps.Add(q7, mu)), n0);
        b1 = s1;
        b2 = s2;
        b3 = s3;
        b4 = s4;
        b5 = s5;
        b6 = s6;

        if (wantParity)
        {
            TOps.Store(TOps.Subtract(TOps.Max(TOps.Add(mu, u1z1), u0z1), TOps.Max(TOps.Add(mu, u1z0), u0z0)), ref parityOut);
        }

        return TOps.Subtract(TOps.Max(u1z1, u1z0), TOps.Max(u0z1, u0z0));
    }

    /// <summary>Stored α of state <paramref name="state"/> (1..7) at the step <paramref name="alpha"/> points to.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Alpha(ref short alpha, int count, int state) => TOps.Load(ref Unsafe.Add(ref alpha, (state - 1) * count));

    /// <summary>Stores states 1..7 at <paramref name="destination"/>, <paramref name="stride"/> elements apart.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void StoreStates(ref short destination, int stride, TVec s1, TVec s2, TVec s3, TVec s4, TVec s5, TVec s6, TVec s7)
    {
        TOps.Store(s1, ref destination);
        TOps.Store(s2, ref Unsafe.Add(ref destination, stride));
        TOps.Store(s3, ref Unsafe.Add(ref destination, 2 * stride));
        TOps.Store(s4, ref Unsafe.Add(ref destination, 3 * stride));
        TOps.Store(s5, ref Unsafe.Add(ref destination, 4 * stride));
        TOps.Store(s6, ref Unsafe.Add(ref destination, 5 * stride));
        TOps.Store(s7, ref Unsafe.Add(ref destination, 6 * stride));
    }

    /// <summary>Sets lane <paramref name="lane"/> of states 1..7 to <paramref name="values"/>[1..7] (values[0] is 0).</summary>
    private void PatchLane(ref TVec s1, ref TVec s2, ref TVec s3, ref TVec s4, ref TVec s5, ref TVec s6, ref TVec s7, int lane, ReadOnlySpan<short> values)
    {
        int count = TOps.Count;
        ref short patch = ref _patch[0];
        StoreStates(ref patch, count, s1, s2, s3, s4, s5, s6, s7);
        for (int s = 1; s < 8; s++)
        {
            _patch[((s - 1) * count) + lane] = values[s];
        }

        s1 = TOps.Load(ref patch);
        s2 = TOps.Load(ref Unsafe.Add(ref patch, count));
        s3 = TOps.Load(ref Unsafe.Add(ref patch, 2 * count));
        s4 = TOps.Load(ref Unsafe.Add(ref patch, 3 * count));
        s5 = TOps.Load(ref Unsafe.Add(ref patch, 4 * count));
        s6 = TOps.Load(ref Unsafe.Add(ref patch, 5 * count));
        s7 = TOps.Load(ref Unsafe.Add(ref patch, 6 * count));
    }
}
