using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Ldpc;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

namespace AccelSdk.Bench.Fec;

/// <summary>
/// One LDPC code block through encoding + rate matching + bit interleaving + packing (QPSK), the data path of a
/// bbdev encode op, for the scalar reference and the vector widths; throughput is information bits K′ per second.
/// Run: dotnet run -c Release --project bench/AccelSdk.Bench -- --filter '*LdpcEncoderBenchmarks*' --job short
/// </summary>
[Config(typeof(Config))]
public class LdpcEncoderBenchmarks
{
    private static readonly Dictionary<string, LdpcBlockParameters> s_cases = new()
    {
        ["BG1 Zc384 R1/3"] = new() { BaseGraph = 1, Zc = 384, Qm = 2, E = 25344 },
        ["BG2 Zc384 R1/5"] = new() { BaseGraph = 2, Zc = 384, Qm = 2, E = 19200 },
        ["BG1 Zc384 R0.92"] = new() { BaseGraph = 1, Zc = 384, Qm = 2, E = 9184 },
        ["BG2 Zc384 R0.83"] = new() { BaseGraph = 2, Zc = 384, Qm = 2, E = 4626 },
        ["BG1 Zc52 R1/3"] = new() { BaseGraph = 1, Zc = 52, Qm = 2, E = 3432 },
    };

    private LdpcBlockParameters _parameters;
    private byte[] _input = [];
    private byte[] _output = [];

    /// <summary>The code block.</summary>
    [ParamsSource(nameof(Cases))]
    public string Case { get; set; } = "";

    public static IEnumerable<string> Cases => s_cases.Keys;

    [GlobalSetup]
    public void Setup()
    {
        _parameters = s_cases[Case];
        _input = new byte[(_parameters.KPrime + 7) / 8];
        new Random(7).NextBytes(_input);
        _output = new byte[(_parameters.E + 7) / 8];
    }

    [Benchmark(Baseline = true)]
    public void Reference() => LdpcRateMatcher.EncodeAndMatch(_parameters, _input, _output, null, SimdWidth.Scalar);

    [Benchmark]
    public void V128() => LdpcRateMatcher.EncodeAndMatch(_parameters, _input, _output, null, SimdWidth.V128);

    [Benchmark]
    public void V256() => LdpcRateMatcher.EncodeAndMatch(_parameters, _input, _output, null, SimdWidth.V256);

    private sealed class Config : ManualConfig
    {
        // K' bits per ns = Gbit/s.
        public Config() => AddColumn(StatisticColumn.Median, new ThroughputColumn("Gbit/s", KPrime));

        private static double KPrime(BenchmarkCase benchmark) => s_cases[(string)benchmark.Parameters["Case"]].KPrime;
    }
}
