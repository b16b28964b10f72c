namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>
/// The constituent code's trellis (TS 36.212 5.1.3.2.1) and the scalar max-log-MAP steps over it, written from the
/// encoder's definition rather than unrolled: the reference the vector kernels' hand-unrolled formulas are tested
/// against. All arithmetic is int16 with wrap-around, exactly as a vector lane computes it.
/// </summary>
/// <remarks>
/// State s = D1 | D2 &lt;&lt; 1 | D3 &lt;&lt; 2 (D1 the newest register bit). Input u from state s: feedback
/// a = u ⊕ D2 ⊕ D3, parity z = a ⊕ D1 ⊕ D3, next state a | D1 &lt;&lt; 1 | D2 &lt;&lt; 2. Metrics are
/// log-likelihoods with positive meaning bit 1; a branch costs γ = u·μ + z·Lp with μ = Ls + La.
/// </remarks>
internal static class TurboTrellis
{
    private static readonly byte[] s_next = BuildNext();
    private static readonly byte[] s_parity = BuildParity();

    /// <summary>The state after input <paramref name="u"/> from <paramref name="state"/>.</summary>
    public static int Next(int state, int u) => s_next[(state << 1) | u];

    /// <summary>The parity bit of input <paramref name="u"/> from <paramref name="state"/>.</summary>
    public static int Parity(int state, int u) => s_parity[(state << 1) | u];

    /// <summary>The termination input from <paramref name="state"/> (the feedback D2 ⊕ D3, so that a = 0).</summary>
    public static int TailInput(int state) => ((state >> 1) ^ (state >> 2)) & 1;

    /// <summary>α′(next) = max over branches into it of α(s) + γ, then α′ −= α′(0).</summary>
    public static void Forward(Span<short> alpha, short mu, short parity)
    {
        Span<short> next = stackalloc short[8];
        next.Fill(short.MinValue);
        for (int s = 0; s < 8; s++)
        {
            for (int u = 0; u < 2; u++)
            {
                int n = Next(s, u);
                next[n] = Math.Max(next[n], (short)(alpha[s] + Gamma(u, Parity(s, u), mu, parity)));
            }
        }

        for (int s = 0; s < 8; s++)
        {
            alpha[s] = (short)(next[s] - next[0]);
        }
    }

    /// <summary>β(s) = max over u of β′(next(s, u)) + γ, then β −= β(0).</summary>
    public static void Backward(Span<short> beta, short mu, short parity)
    {
        Span<short> previous = stackalloc short[8];
        beta.CopyTo(previous);
        for (int s = 0; s < 8; s++)
        {
            short branch0 = (short)(previous[Next(s, 0)] + Gamma(0, Parity(s, 0), mu, parity));
            short branch1 = (short)(previous[Next(s, 1)] + Gamma(1, Parity(s, 1), mu, parity));
            beta[s] = Math.Max(branch0, branch1);
        }

        short zero = beta[0];
        for (int s = 0; s < 8; s++)
        {
            beta[s] = (short)(beta[s] - zero);
        }
    }

    /// <summary>
    /// E = max over u = 1 branches of α(s) + z·Lp + β′(next) − the same over u = 0 (the a posteriori value without μ,
    /// i.e. without the systematic and a priori terms).
    /// </summary>
    public static short Extrinsic(ReadOnlySpan<short> alpha, ReadOnlySpan<short> betaNext, short parity)
    {
        short max0 = short.MinValue;
        short max1 = short.MinValue;
        for (int s = 0; s < 8; s++)
        {
            max0 = Math.Max(max0, (short)(alpha[s] + betaNext[Next(s, 0)] + (Parity(s, 0) * parity)));
            max1 = Math.Max(max1, (short)(alpha[s] + betaNext[Next(s, 1)] + (Parity(s, 1) * parity)));
        }

        return (short)(max1 - max0);
    }

    /// <summary>
    /// The a posteriori value of the parity bit: max over z = 1 branches of α + γ + β′ − the same over z = 0, with
    /// int16 wrap-around like <see cref="Extrinsic"/>.
    /// </summary>
    public static short ParityPosterior(ReadOnlySpan<short> alpha, ReadOnlySpan<short> betaNext, short mu, short parity)
    {
        short max0 = short.MinValue;
        short max1 = short.MinValue;
        for (int s = 0; s < 8; s++)
        {
            for (int u = 0; u < 2; u++)
            {
                int z = Parity(s, u);
                short value = (short)(alpha[s] + betaNext[Next(s, u)] + Gamma(u, z, mu, parity));
                if (z == 1)
                {
                    max1 = Math.Max(max1, value);
                }
                else
                {
                    max0 = Math.Max(max0, value);
                }
            }
        }

        return (short)(max1 - max0);
    }

    /// <summary>
    /// β at step K from the three tail steps (x_j, z_j metrics in <paramref name="tail"/> as x0, z0, x1, z1, x2, z2):
    /// β(K + 3) is state 0; each tail step leaves state s by its termination branch only.
    /// </summary>
    public static void TailBeta(ReadOnlySpan<short> tail, Span<short> beta)
    {
        beta.Fill(TurboDecoder.NegativeInfinity);
        beta[0] = 0;
        Span<short> previous = stackalloc short[8];
        for (int j = 2; j >= 0; j--)
        {
            beta.CopyTo(previous);
            for (int s = 0; s < 8; s++)
            {
                int u = TailInput(s);
                beta[s] = (short)(previous[Next(s, u)] + Gamma(u, Parity(s, u), tail[2 * j], tail[(2 * j) + 1]));
            }

            short zero = beta[0];
            for (int s = 0; s < 8; s++)
            {
                beta[s] = (short)(beta[s] - zero);
            }
        }
    }

    /// <summary>
    /// The a posteriori values of the six tail bits (x0, z0, x1, z1, x2, z2), given α at step K, in int arithmetic:
    /// for each tail step the difference between the best path through a branch carrying a 1 and one carrying a 0.
    /// </summary>
    public static void TailPosteriors(ReadOnlySpan<short> alphaK, ReadOnlySpan<short> tail, Span<int> posteriors)
    {
        const int Minus = int.MinValue / 4;
        Span<int> alpha = stackalloc int[4 * 8];
        Span<int> beta = stackalloc int[4 * 8];
        for (int s = 0; s < 8; s++)
        {
            alpha[s] = alphaK[s];
            beta[(3 * 8) + s] = s == 0 ? 0 : Minus;
        }

        for (int j = 0; j < 3; j++)
        {
            alpha.Slice((j + 1) * 8, 8).Fill(Minus);
            for (int s = 0; s < 8; s++)
            {
                int u = TailInput(s);
                int n = Next(s, u);
                int value = alpha[(j * 8) + s] + Gamma(u, Parity(s, u), tail[2 * j], tail[(2 * j) + 1]);
                alpha[((j + 1) * 8) + n] = Math.Max(alpha[((j + 1) * 8) + n], value);
            }
        }

        for (int j = 2; j >= 0; j--)
        {
            for (int s = 0; s < 8; s++)
            {
                int u = TailInput(s);
                beta[(j * 8) + s] = beta[((j + 1) * 8) + Next(s, u)] + Gamma(u, Parity(s, u), tail[2 * j], tail[(2 * j) + 1]);
            }
        }

        for (int j = 0; j < 3; j++)
        {
            int x0 = Minus;
            int x1 = Minus;
            int z0 = Minus;
            int z1 = Minus;
            for (int s = 0; s < 8; s++)
            {
                int u = TailInput(s);
                int z = Parity(s, u);
                int value = alpha[(j * 8) + s] + Gamma(u, z, tail[2 * j], tail[(2 * j) + 1]) + beta[((j + 1) * 8) + Next(s, u)];
                if (u == 1)
                {
                    x1 = Math.Max(x1, value);
                }
                else
                {
                    x0 = Math.Max(x0, value);
                }

                if (z == 1)
                {
                    z1 = Math.Max(z1, value);
                }
                else
                {
                    z0 = Math.Max(z0, value);
                }
            }

            posteriors[2 * j] = x1 - x0;
            posteriors[(2 * j) + 1] = z1 - z0;
        }
    }

    private static int Gamma(int u, int z, int mu, int parity) => (u * mu) + (z * parity);

    private static byte[] BuildNext()
    {
        var table = new byte[16];
        for (int s = 0; s < 8; s++)
        {
            for (int u = 0; u < 2; u++)
            {
                int d1 = s & 1;
                int d2 = (s >> 1) & 1;
                int d3 = (s >> 2) & 1;
                int a = u ^ d2 ^ d3;
                table[(s << 1) | u] = (byte)(a | (d1 << 1) | (d2 << 2));
            }
        }

        return table;
    }

    private static byte[] BuildParity()
    {
        var table = new byte[16];
        for (int s = 0; s < 8; s++)
        {
            for (int u = 0; u < 2; u++)
            {
                int d1 = s & 1;
                int d2 = (s >> 1) & 1;
                int d3 = (s >> 2) & 1;
                int a = u ^ d2 ^ d3;
                table[(s << 1) | u] = (byte)(a ^ d1 ^ d3);
            }
        }

        return table;
    }
}
