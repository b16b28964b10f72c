using System.Runtime.Intrinsics;
using AccelSdk.Bbdev.Fec.Ldpc;

namespace AccelSdk.Bench.Ldpc;

/// <summary>
/// Floating-point layered sum-product (belief propagation) decoder: the slow yardstick the int8 min-sum decoder is
/// measured against in the BLER tool. Never on the data path.
/// </summary>
/// <remarks>
/// Same schedule as <see cref="LdpcDecoder"/> (rows in use, in order, layered), same inputs (the compacted buffer,
/// here as natural-unit LLRs in double precision), exact check update by the tanh rule:
/// c_e = 2·atanh(∏_{e'≠e} tanh(v_e'/2)), the product without e from prefix and suffix products (no division).
/// Lanes z are processed four at a time with <see cref="Vector256{T}"/> of double, using its Exp and Log.
/// </remarks>
internal sealed class BeliefPropagationDecoder
{
    private const double Clip = 36; // tanh(18) = 1 − 4.6e-16: past that a double cannot tell the product from ±1
    private const double FillerLlr = 1e4;

    private readonly double? _minSumOffset;
    private readonly double[] _app = new double[68 * LiftingSizes.Max];

    /// <summary>Sum-product, or (when <paramref name="minSumOffset"/> is set) floating-point offset min-sum for comparison.</summary>
    public BeliefPropagationDecoder(double? minSumOffset = null, int lambda = 0)
    {
        _minSumOffset = minSumOffset;
        _lambda = lambda;
    }

    private readonly int _lambda;
    private readonly double[] _messages = new double[316 * LiftingSizes.Max];
    private readonly double[] _v = new double[LdpcDecoderPlan.MaxDegree * (LiftingSizes.Max + 4)];
    private readonly double[] _t = new double[LdpcDecoderPlan.MaxDegree * (LiftingSizes.Max + 4)];

    /// <summary>Decodes; returns completed iterations and whether the syndrome held. Hard bits c[0..K′) go to <paramref name="hard"/> (0/1).</summary>
    public (int Iterations, bool Syndrome) Decode(LdpcCode code, int fillers, ReadOnlySpan<double> compact, Span<byte> hard, int maxIterations, bool earlyTermination)
    {
        int zc = code.Zc;
        int kb = code.Graph.SystematicColumns;
        int kPrime = code.K - fillers;
        int rows = LdpcDecoder.RowsInUse(code, fillers, compact.Length);
        int columns = kb + rows;
        _app.AsSpan(0, columns * zc).Clear();
        _app.AsSpan(kPrime, fillers).Fill(FillerLlr);
        for (int i = 0; i < compact.Length; i++)
        {
            int variable = i < kPrime - (2 * zc) ? i + (2 * zc) : i + (2 * zc) + fillers;
            _app[variable] = compact[i];
        }

        int edges = code.RowStarts[rows];
        _messages.AsSpan(0, edges * zc).Clear();
        int iterations = 0;
        bool syndrome = false;
        while (iterations < maxIterations)
        {
            for (int row = 0; row < rows; row++)
            {
                UpdateRow(code, row);
            }

            iterations++;
            if (earlyTermination || iterations == maxIterations)
            {
                syndrome = SyndromeHolds(code, rows);
                if (syndrome && earlyTermination)
                {
                    break;
                }
            }
        }

        for (int n = 0; n < kPrime; n++)
        {
            hard[n] = _app[n] < 0 ? (byte)1 : (byte)0;
        }

        return (iterations, syndrome);
    }

    private bool SyndromeHolds(LdpcCode code, int rows)
    {
        int zc = code.Zc;
        for (int row = 0; row < rows; row++)
        {
            for (int z = 0; z < zc; z++)
            {
                bool parity = false;
                for (int entry = code.RowStarts[row]; entry < code.RowStarts[row + 1]; entry++)
                {
                    parity ^= _app[(code.Columns[entry] * zc) + ((z + code.Shifts[entry]) % zc)] < 0;
                }

                if (parity)
                {
                    return false;
                }
            }
        }

        return true;
    }

    private void UpdateRow(LdpcCode code, int row)
    {
        int zc = code.Zc;
        int first = code.RowStarts[row];
        int degree = code.RowStarts[row + 1] - first;
        int padded = (zc + 3) & ~3;
        const int Pitch = LiftingSizes.Max + 4;

        // Gather v = APP − old message in check-lane order (lanes past Zc are 0 and ignored).
        for (int e = 0; e < degree; e++)
        {
            int column = code.Columns[first + e];
            int shift = code.Shifts[first + e];
            Span<double> v = _v.AsSpan(e * Pitch, padded);
            ReadOnlySpan<double> old = _messages.AsSpan((first + e) * zc, zc);
            for (int z = 0; z < zc; z++)
            {
                int lane = z + shift < zc ? z + shift : z + shift - zc;
                v[z] = _app[(column * zc) + lane] - old[z];
            }

            v.Slice(zc).Clear();
        }

        // Per four lanes: t_e = tanh(v_e/2); the product of the others' t from prefix and suffix products;
        // new message 2·atanh(product) = ln((1 + p)/(1 − p)).
        Span<Vector256<double>> t = stackalloc Vector256<double>[LdpcDecoderPlan.MaxDegree];
        Span<Vector256<double>> before = stackalloc Vector256<double>[LdpcDecoderPlan.MaxDegree];
        Vector256<double> one = Vector256<double>.One;
        Vector256<double> limit = Vector256.Create(1 - 1e-15);
        if (_minSumOffset is double offset)
        {
            MinSum(degree, zc, offset);
        }
        else
        for (int z = 0; z < padded; z += 4)
        {
            Vector256<double> running = one;
            for (int e = 0; e < degree; e++)
            {
                Vector256<double> x = Vector256.Clamp(Vector256.Create((ReadOnlySpan<double>)_v.AsSpan((e * Pitch) + z, 4)), Vector256.Create(-Clip), Vector256.Create(Clip));
                Vector256<double> ex = Vector256.Exp(x);
                t[e] = (ex - one) / (ex + one);
                before[e] = running;
                running *= t[e];
            }

            Vector256<double> after = one;
            for (int e = degree - 1; e >= 0; e--)
            {
                Vector256<double> product = Vector256.Clamp(before[e] * after, -limit, limit);
                Vector256.Log((one + product) / (one - product)).CopyTo(_t.AsSpan((e * Pitch) + z, 4));
                after *= t[e];
            }
        }

        Scatter(code, first, degree);
    }

    private void MinSum(int degree, int zc, double offset)
    {
        const int Pitch = LiftingSizes.Max + 4;
        Span<double> others = stackalloc double[LdpcDecoderPlan.MaxDegree];
        for (int z = 0; z < zc; z++)
        {
            double min1 = double.MaxValue;
            double min2 = double.MaxValue;
            int index = -1;
            bool sign = false;
            for (int e = 0; e < degree; e++)
            {
                double v = _v[(e * Pitch) + z];
                double m = Math.Abs(v);
                if (m < min1)
                {
                    min2 = min1;
                    min1 = m;
                    index = e;
                }
                else if (m < min2)
                {
                    min2 = m;
                }

                sign ^= v < 0;
            }

            for (int e = 0; e < degree; e++)
            {
                double v = _v[(e * Pitch) + z];
                double magnitude = Math.Max((e == index ? min2 : min1) - offset, 0);
                if (_lambda < 0)
                {
                    // Two minima only: others get min1 ⊞ min2 exactly, the min1 edge gets min2 (both less the offset).
                    double boxplus = 2 * Math.Atanh(Math.Tanh(Math.Min(min1, Clip) / 2) * Math.Tanh(Math.Min(min2, Clip) / 2));
                    magnitude = Math.Max((e == index ? min2 : boxplus) - offset, 0);
                }
                else if (_lambda > 0)
                {
                    // λ-min: the exact check rule over the λ smallest other magnitudes only.
                    int count = 0;
                    for (int j = 0; j < degree; j++)
                    {
                        if (j != e)
                        {
                            others[count++] = Math.Abs(_v[(j * Pitch) + z]);
                        }
                    }

                    others.Slice(0, count).Sort();
                    double product = 1;
                    for (int j = 0; j < Math.Min(_lambda, count); j++)
                    {
                        product *= Math.Tanh(Math.Min(others[j], Clip) / 2);
                    }

                    product = Math.Min(product, 1 - 1e-15);
                    magnitude = Math.Max(Math.Log((1 + product) / (1 - product)) - offset, 0);
                }

                _t[(e * Pitch) + z] = sign ^ (v < 0) ? -magnitude : magnitude;
            }
        }
    }

    private void Scatter(LdpcCode code, int first, int degree)
    {
        const int Pitch = LiftingSizes.Max + 4;
        int zc = code.Zc;

        // Scatter APP = v + new message, and keep the message for the next iteration.
        for (int e = 0; e < degree; e++)
        {
            int column = code.Columns[first + e];
            int shift = code.Shifts[first + e];
            ReadOnlySpan<double> v = _v.AsSpan(e * Pitch, zc);
            ReadOnlySpan<double> message = _t.AsSpan(e * Pitch, zc);
            message.CopyTo(_messages.AsSpan((first + e) * zc, zc));
            for (int z = 0; z < zc; z++)
            {
                int lane = z + shift < zc ? z + shift : z + shift - zc;
                _app[(column * zc) + lane] = v[z] + message[z];
            }
        }
    }
}
