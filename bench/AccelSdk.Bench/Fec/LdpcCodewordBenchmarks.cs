using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Ldpc;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace AccelSdk.Bench.Fec;

/// <summary>
/// The full BG1 Zc = 384 codeword (all 46 rows, packed output, no rate matching) and receiver rate recovery of the
/// BG1 R = 1/3 QPSK block (de-interleave + de-rate-match, no HARQ input), scalar reference against vector widths.
/// Run: dotnet run -c Release --project bench/AccelSdk.Bench -- --filter '*LdpcCodewordBenchmarks*' --job short
/// </summary>
[Config(typeof(Config))]
public class LdpcCodewordBenchmarks
{
    private static readonly LdpcBlockParameters s_block = new() { BaseGraph = 1, Zc = 384, Qm = 2, E = 25344 };
    private readonly byte[] _input = new byte[1056];
    private readonly byte[] _codeword = new byte[3168];
    private readonly sbyte[] _llrs = new sbyte[25344];
    private readonly sbyte[] _combined = new sbyte[25344];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        random.NextBytes(_input);
        random.NextBytes((byte[])(Array)_llrs);
    }

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Encode")]
    public void EncodeReference() => LdpcEncoder.Encode(s_block, _input, _codeword, SimdWidth.Scalar);

    [Benchmark]
    [BenchmarkCategory("Encode")]
    public void EncodeV256() => LdpcEncoder.Encode(s_block, _input, _codeword, SimdWidth.V256);

    [Benchmark(Baseline = true)]
    [BenchmarkCategory("Recover")]
    public int RecoverReference() => LdpcRateRecovery.Recover(s_block, _llrs, [], _combined, SimdWidth.Scalar);

    [Benchmark]
    [BenchmarkCategory("Recover")]
    public int RecoverV256() => LdpcRateRecovery.Recover(s_block, _llrs, [], _combined, SimdWidth.V256);

    private sealed class Config : ManualConfig
    {
        // K' = 8448 information bits per op; per ns = Gbit/s.
        public Config()
        {
            AddColumn(StatisticColumn.Median, new ThroughputColumn("Gbit/s", _ => s_block.KPrime));
            AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByCategory);
        }
    }
}
