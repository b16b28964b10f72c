using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Turbo;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace AccelSdk.Bench.Fec;

/// <summary>
/// LTE turbo decoding of one K = 6144 code block (rate 1/3, circular-buffer input, a noisy block so that every
/// iteration does real work, early termination off) at 4 and 8 iterations, and turbo encoding of the same block with
/// rate matching to E = 18444 and without (the three streams); the 128-bit width is the baseline of each group.
/// Run: dotnet run -c Release --project bench/AccelSdk.Bench -- --filter '*TurboBenchmarks*' --job short
/// </summary>
[Config(typeof(Config))]
public class TurboBenchmarks
{
    private const int K = 6144;
    private static readonly TurboBlockParameters s_rateMatched = new() { K = K, E = 18444, RateMatch = true };
    private readonly TurboCodeBlockEngine _v128 = TurboCodeBlockEngine.Create(SimdWidth.V128);
    private readonly TurboCodeBlockEngine _v256 = TurboCodeBlockEngine.Create(SimdWidth.V256);
    private readonly TurboCodeBlockEngine _best = TurboCodeBlockEngine.Create(SimdWidth.Auto);
    private readonly byte[] _info = new byte[K / 8];
    private readonly byte[] _encoded = new byte[(3 * (K + 4) / 8) + 8];
    private readonly sbyte[] _circular = new sbyte[TurboDecoder.InputLength(K)];
    private readonly byte[] _hard = new byte[K / 8];

    [Params(4, 8)]
    public int Iterations { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        random.NextBytes(_info);
        _best.Encode(s_rateMatched, _info, null, _encoded);

        // BPSK over AWGN at Eb/N0 = 1 dB, LLRs in the vectors' S8.1-like scale, recovered into w.
        double sigma = Math.Sqrt(1.0 / (2 * (1.0 / 3) * Math.Pow(10, 0.1)));
        sbyte[] llrs = new sbyte[s_rateMatched.E];
        for (int i = 0; i < llrs.Length; i++)
        {
            int bit = (_encoded[i >> 3] >> (7 - (i & 7))) & 1;
            double noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            double y = (bit == 0 ? 1.0 : -1.0) + (sigma * noise);
            llrs[i] = (sbyte)Math.Clamp(Math.Round(y * 8 / (sigma * sigma)), -127, 127);
        }

        TurboRateRecovery.Recover(s_rateMatched, llrs, _circular);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Decode")]
    public int DecodeV128() => Decode(_v128);

    [Benchmark]
    [BenchmarkCategory("Decode")]
    public int DecodeV256() => Decode(_v256);

    [Benchmark]
    [BenchmarkCategory("Decode")]
    public int DecodeBest() => Decode(_best);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Encode")]
    public int EncodeRateMatched() => _best.Encode(s_rateMatched, _info, null, _encoded);

    [Benchmark]
    [BenchmarkCategory("Encode")]
    public int EncodeStreams() => _best.Encode(new TurboBlockParameters { K = K }, _info, null, _encoded);

    private int Decode(TurboCodeBlockEngine engine) =>
        engine.Decode(K, _circular, new TurboDecodeSettings { IterMax = Iterations }, false, _hard, default).Iterations;

    private sealed class Config : ManualConfig
    {
        // K = 6144 information bits per operation; bits per ns × 1000 = Mbit/s.
        public Config()
        {
            AddColumn(StatisticColumn.Median, new ThroughputColumn("Mbit/s", _ => K * 1000.0));
            AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams);
        }
    }
}
