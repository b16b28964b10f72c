using System.Diagnostics;
using System.Globalization;
using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Ldpc;

namespace AccelSdk.Bench.Ldpc;

/// <summary>
/// Block error rate of the LDPC decoder over AWGN against the floating-point sum-product reference.
/// <code>
/// dotnet run -c Release --project bench/AccelSdk.Bench -- bler --bg 1 --zc 384 --e 25344 --from 0.4 --to 1.6 --step 0.2
/// </code>
/// </summary>
/// <remarks>
/// Transmits the all-zero codeword (until an encoder is available: with a symmetric channel and decoder its BLER is
/// that of any codeword, up to the tie rule LLR 0 → bit 0), rate matched as rv 0 without repetition: E ≤ N − F
/// bits from the start of the circular buffer. BPSK or Gray QPSK over AWGN; SNR is Eb/N0 per information bit K′
/// (Es/N0 printed beside it). Channel LLRs 2y/σ² (BPSK) or 2√2·y/N0 (QPSK) go to the reference as doubles and to the
/// int8 decoders quantised to S8.1 after a receiver gain: round(2·gain·LLR) clamped to ±127. All decoders see the
/// same noise. Each point runs until every decoder has <c>--min-errors</c> block errors or <c>--max-blocks</c>
/// blocks; the sweep stops once every decoder is below BLER 1e-3.
/// </remarks>
internal static class BlerTool
{
    public static int Run(string[] args)
    {
        var options = BlerOptions.Parse(args);
        LdpcCode code = BaseGraph.Get(options.BaseGraph).Lift(options.Zc);
        int kPrime = code.K - options.Fillers;
        int e = options.E > 0 ? options.E : (int)Math.Round(kPrime / options.Rate);
        if (e > code.N - options.Fillers)
        {
            Console.Error.WriteLine($"E = {e} exceeds N − F = {code.N - options.Fillers}: repetition is not simulated.");
            return 2;
        }

        double rate = (double)kPrime / e;
        Console.WriteLine($"BG{options.BaseGraph} Zc={options.Zc} K'={kPrime} F={options.Fillers} E={e} R={rate:F4} {options.Modulation.ToUpperInvariant()} AWGN, "
            + $"max {options.Iterations} iterations, early termination, gain {options.Gain}, threads {options.Threads}, seed {options.Seed}");
        Console.WriteLine($"rows in use {LdpcDecoder.RowsInUse(code, options.Fillers, e)}; decoders: {string.Join(", ", options.Decoders)}");
        Console.WriteLine();

        int decoders = options.Decoders.Count;
        var curves = new List<(double EbN0, double[] Bler)>();
        Console.WriteLine("Eb/N0 dB  Es/N0 dB  " + string.Join("  ", options.Decoders.Select(d => $"{d,-28}")));
        var clock = Stopwatch.StartNew();
        for (double ebN0 = options.From; ebN0 <= options.To + 1e-9; ebN0 += options.Step)
        {
            PointResult point = RunPoint(options, code, e, rate, ebN0);
            double esN0 = ebN0 + (10 * Math.Log10(rate * (options.Modulation == "qpsk" ? 2 : 1)));
            var bler = new double[decoders];
            var cells = new List<string>();
            for (int d = 0; d < decoders; d++)
            {
                bler[d] = (double)point.Errors[d] / point.Blocks;
                cells.Add($"{bler[d],9:0.000e+0} ({point.Errors[d],4}/{point.Blocks,6}) it {(double)point.Iterations[d] / point.Blocks,4:F2}");
            }

            Console.WriteLine($"{ebN0,8:F2}  {esN0,8:F2}  " + string.Join("  ", cells));
            curves.Add((ebN0, bler));
            if (bler.All(b => b < 1e-3))
            {
                break;
            }
        }

        Console.WriteLine();
        Console.WriteLine($"Eb/N0 (dB) where BLER crosses, log-linear interpolation ({clock.Elapsed.TotalSeconds:F0} s):");
        int reference = options.Decoders.IndexOf("bp");
        foreach (double target in new[] { 1e-1, 1e-2 })
        {
            var parts = new List<string>();
            double? referenceSnr = reference >= 0 ? Crossing(curves, reference, target) : null;
            for (int d = 0; d < decoders; d++)
            {
                double? snr = Crossing(curves, d, target);
                string loss = referenceSnr is double r && snr is double s && d != reference ? $" (loss {s - r:+0.00;-0.00} dB)" : string.Empty;
                parts.Add($"{options.Decoders[d]} {(snr is double x ? x.ToString("F2", CultureInfo.InvariantCulture) : "n/a")}{loss}");
            }

            Console.WriteLine($"  BLER {target:0e+0}: " + string.Join(", ", parts));
        }

        return 0;
    }

    private static double? Crossing(List<(double EbN0, double[] Bler)> curve, int decoder, double target)
    {
        for (int i = 1; i < curve.Count; i++)
        {
            double a = curve[i - 1].Bler[decoder];
            double b = curve[i].Bler[decoder];
            if (a >= target && b < target)
            {
                if (b <= 0)
                {
                    return curve[i].EbN0;
                }

                double fraction = (Math.Log10(a) - Math.Log10(target)) / (Math.Log10(a) - Math.Log10(b));
                return curve[i - 1].EbN0 + (fraction * (curve[i].EbN0 - curve[i - 1].EbN0));
            }
        }

        return null;
    }

    private static PointResult RunPoint(BlerOptions options, LdpcCode code, int e, double rate, double ebN0)
    {
        int decoders = options.Decoders.Count;
        var errors = new long[decoders];
        var iterations = new long[decoders];
        long blocks = 0;
        long claimed = 0;
        int seedBase = options.Seed ^ (int)Math.Round(ebN0 * 1000);

        bool Done()
        {
            long b = Interlocked.Read(ref blocks);
            if (b >= options.MaxBlocks)
            {
                return true;
            }

            for (int d = 0; d < decoders; d++)
            {
                if (Interlocked.Read(ref errors[d]) < options.MinErrors)
                {
                    return false;
                }
            }

            return true;
        }

        Parallel.For(0, options.Threads, new ParallelOptions { MaxDegreeOfParallelism = options.Threads }, thread =>
        {
            var channel = new AwgnChannel(seedBase + (thread * 7919), options.Modulation, rate, ebN0);
            var worker = new Worker(options, code, e);
            var llrs = new double[e];
            while (!Done() && Interlocked.Increment(ref claimed) <= options.MaxBlocks)
            {
                channel.AllZeroCodeword(llrs);
                for (int d = 0; d < decoders; d++)
                {
                    (bool error, int its) = worker.Decode(d, llrs);
                    if (error)
                    {
                        Interlocked.Increment(ref errors[d]);
                    }

                    Interlocked.Add(ref iterations[d], its);
                }

                Interlocked.Increment(ref blocks);
            }
        });

        return new PointResult(blocks, errors, iterations);
    }

    private sealed record PointResult(long Blocks, long[] Errors, long[] Iterations);

    /// <summary>One thread's decoders and buffers.</summary>
    private sealed class Worker
    {
        private readonly BlerOptions _options;
        private readonly LdpcCode _code;
        private readonly object[] _decoders;
        private readonly sbyte[] _quantised;
        private readonly byte[] _packed;
        private readonly byte[] _bits;

        public Worker(BlerOptions options, LdpcCode code, int e)
        {
            _options = options;
            _code = code;
            _quantised = new sbyte[e];
            _packed = new byte[(code.K + 7) / 8];
            _bits = new byte[code.K];
            _decoders = options.Decoders.Select(CreateDecoder).ToArray();
        }

        public (bool Error, int Iterations) Decode(int index, double[] llrs)
        {
            int kPrime = _code.K - _options.Fillers;
            if (_decoders[index] is BeliefPropagationDecoder bp)
            {
                (int its, _) = bp.Decode(_code, _options.Fillers, llrs, _bits, _options.Iterations, earlyTermination: true);
                return (_bits.AsSpan(0, kPrime).IndexOfAnyExcept((byte)0) >= 0, its);
            }

            for (int i = 0; i < llrs.Length; i++)
            {
                _quantised[i] = (sbyte)Math.Clamp(Math.Round(2 * _options.Gain * llrs[i]), -127, 127);
            }

            var decoder = (LdpcDecoder)_decoders[index];
            LdpcDecoderResult result = decoder.Decode(_code, _options.Fillers, _quantised, _packed, _options.Iterations, earlyTermination: true);
            return (_packed.AsSpan(0, (kPrime + 7) / 8).IndexOfAnyExcept((byte)0) >= 0, result.Iterations);
        }

        private static object CreateDecoder(string spec)
        {
            // "bp", "ours" (the fastest width, default correction), or a variant "o<offset>" (vector) or "n<numerator/16>"
            // (scalar); "s:o<offset>" forces the scalar reference.
            if (spec == "bp")
            {
                return new BeliefPropagationDecoder();
            }

            if (spec.StartsWith("lms", StringComparison.Ordinal))
            {
                // Floating-point λ-min: lms<λ>o<offset>; λ = 0 is "lmsXo": two minima, the min1 edge gets min2.
                string[] parts = spec.Substring(3).Split('o');
                return new BeliefPropagationDecoder(double.Parse(parts[1], CultureInfo.InvariantCulture), parts[0] == "X" ? -2 : int.Parse(parts[0], CultureInfo.InvariantCulture));
            }

            if (spec.StartsWith("fms", StringComparison.Ordinal))
            {
                // Floating-point offset min-sum with the given offset (natural units), to separate algorithm from quantisation.
                return new BeliefPropagationDecoder(double.Parse(spec.AsSpan(3), CultureInfo.InvariantCulture));
            }

            if (spec == "ours")
            {
                return LdpcDecoder.Create(SimdWidth.Auto);
            }

            // A "s:" prefix forces the scalar reference (normalisation always runs there).
            bool scalar = spec.StartsWith("s:", StringComparison.Ordinal);
            string body = scalar ? spec.Substring(2) : spec;
            // o<offset> (offset min-sum) or t<scale>[o<offset>] (two-minimum sum-product at that LLR scale), e.g. o4, t8, t8o1.
            var match = System.Text.RegularExpressions.Regex.Match(body, @"^(?:t(\d+))?(?:o(\d+))?$");
            if (!match.Success || body.Length == 0)
            {
                throw new ArgumentException($"Decoder '{spec}' is not bp, ours, fms<offset>, lms<λ>o<offset>, o<offset> or t<scale>[o<offset>].");
            }

            int scale = match.Groups[1].Success ? int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            int offset = match.Groups[2].Success ? int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) : 0;
            var correction = new CheckNodeRule(scale, offset);
            return LdpcDecoder.Create(scalar ? SimdWidth.Scalar : SimdWidth.Auto, correction);
        }
    }
}
