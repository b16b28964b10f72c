namespace AccelSdk.Bench.Ldpc;

/// <summary>BPSK or Gray-mapped QPSK over AWGN at a given Eb/N0, producing natural-unit bit LLRs (positive = 0).</summary>
internal sealed class AwgnChannel
{
    private readonly Random _random;
    private readonly double _amplitude;
    private readonly double _sigma;
    private double _spare = double.NaN;

    public AwgnChannel(int seed, string modulation, double rate, double ebN0Db)
    {
        _random = new Random(seed);
        double ebN0 = Math.Pow(10, ebN0Db / 10);

        // Unit symbol energy: Es = Eb·R·Qm, N0 = Es/(Es/N0); each real dimension carries noise of variance N0/2.
        int bitsPerSymbol = modulation == "qpsk" ? 2 : 1;
        double n0 = 1 / (ebN0 * rate * bitsPerSymbol);
        _amplitude = modulation == "qpsk" ? Math.Sqrt(0.5) : 1;
        _sigma = Math.Sqrt(n0 / 2);
    }

    /// <summary>LLRs of the all-zero codeword: each bit rides one real dimension at +amplitude.</summary>
    public void AllZeroCodeword(Span<double> llrs)
    {
        double scale = 2 * _amplitude / (_sigma * _sigma);
        for (int i = 0; i < llrs.Length; i++)
        {
            llrs[i] = scale * (_amplitude + (_sigma * Gaussian()));
        }
    }

    private double Gaussian()
    {
        // Polar Box–Muller: two normals per accepted pair.
        if (!double.IsNaN(_spare))
        {
            double value = _spare;
            _spare = double.NaN;
            return value;
        }

        double u;
        double v;
        double s;
        do
        {
            u = (2 * _random.NextDouble()) - 1;
            v = (2 * _random.NextDouble()) - 1;
            s = (u * u) + (v * v);
        }
        while (s >= 1 || s == 0);

        double factor = Math.Sqrt(-2 * Math.Log(s) / s);
        _spare = v * factor;
        return u * factor;
    }
}
