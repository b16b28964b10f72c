using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Ldpc;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AccelSdk.Bench.Ldpc;

/// <summary>
/// LDPC decoder throughput, one code block per operation, a fixed number of iterations (early termination off, as
/// test-bbdev's throughput test runs it), per width; the "Mbit/s" column is K′ (information + CRC bits) over the
/// median time, one core.
/// <code>
/// dotnet run -c Release --project bench/AccelSdk.Bench -- --filter '*LdpcDecoderBenchmarks*'
/// </code>
/// </summary>
[Config(typeof(LdpcDecoderBenchmarkConfig))]
public class LdpcDecoderBenchmarks
{
    private LdpcDecoder _scalar = null!;
    private LdpcDecoder _v128 = null!;
    private LdpcDecoder _v256 = null!;
    private LdpcCode _code = null!;
    private int _fillers;
    private sbyte[] _llrs = [];
    private byte[] _output = [];

    /// <summary>The code: base graph, lifting size, rate (K′/E, QPSK).</summary>
    [ParamsSource(nameof(Cases))]
    public DecoderBenchmarkCase Case { get; set; } = null!;

    /// <summary>Iterations per block.</summary>
    [Params(1, 4, 8)]
    public int Iterations { get; set; }

    public static IEnumerable<DecoderBenchmarkCase> Cases() =>
    [
        new("BG1 Zc384 R1/3", 1, 384, 0, 25344),
        new("BG2 Zc384 R1/5", 2, 384, 0, 19200),
        new("BG1 Zc384 R0.92", 1, 384, 0, 9182),
        new("BG2 Zc384 R0.83", 2, 384, 0, 4626),
        new("BG1 Zc52 R1/3", 1, 52, 0, 3432),
        new("BG2 Zc52 R1/5", 2, 52, 0, 2600),
    ];

    [GlobalSetup]
    public void Setup()
    {
        _scalar = LdpcDecoder.Create(SimdWidth.Scalar);
        _v128 = LdpcDecoder.Create(SimdWidth.V128);
        _v256 = LdpcDecoder.Create(SimdWidth.V256);
        _code = BaseGraph.Get(Case.BaseGraph).Lift(Case.Zc);
        _fillers = Case.Fillers;
        _output = new byte[(_code.K + 7) / 8];

        // A noisy all-zero codeword about 1 dB above the BLER cliff; the work does not depend on the values.
        var channel = new AwgnChannel(42, "qpsk", Case.Rate, Case.Rate < 0.5 ? 2.0 : 5.0);
        var natural = new double[Case.E];
        channel.AllZeroCodeword(natural);
        _llrs = natural.Select(x => (sbyte)Math.Clamp(Math.Round(8 * x), -127, 127)).ToArray();
    }

    [Benchmark]
    public int Scalar() => Run(_scalar);

    [Benchmark]
    public int V128() => Run(_v128);

    [Benchmark(Baseline = true)]
    public int V256() => Run(_v256);

    private int Run(LdpcDecoder decoder) =>
        decoder.Decode(_code, _fillers, _llrs, _output, Iterations, earlyTermination: false).Iterations;
}

/// <summary>One benchmarked code: <paramref name="E"/> LLRs from the start of the circular buffer.</summary>
public sealed record DecoderBenchmarkCase(string Name, int BaseGraph, int Zc, int Fillers, int E)
{
    /// <summary>K′ = K − F.</summary>
    public int KPrime => ((BaseGraph == 1 ? 22 : 10) * Zc) - Fillers;

    /// <summary>K′/E.</summary>
    public double Rate => (double)KPrime / E;

    public override string ToString() => Name;
}

/// <summary>Short runs, plus a Mbit/s column (K′ bits over the median).</summary>
public sealed class LdpcDecoderBenchmarkConfig : ManualConfig
{
    public LdpcDecoderBenchmarkConfig()
    {
        AddJob(Job.ShortRun);
        AddColumn(new InformationThroughputColumn());
        HideColumns(Column.Error, Column.StdDev);
    }

    /// <summary>K′ of the case divided by the median time, in Mbit/s.</summary>
    private sealed class InformationThroughputColumn : IColumn
    {
        public string Id => nameof(InformationThroughputColumn);

        public string ColumnName => "Mbit/s (K', median)";

        public bool AlwaysShow => true;

        public ColumnCategory Category => ColumnCategory.Custom;

        public int PriorityInCategory => 0;

        public bool IsNumeric => true;

        public UnitType UnitType => UnitType.Dimensionless;

        public string Legend => "Information bits K′ (CRC included) per second of one core, from the median time per block";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var statistics = summary[benchmarkCase]?.ResultStatistics;
            object? value = benchmarkCase.Parameters["Case"];
            if (statistics is null || value is not DecoderBenchmarkCase c)
            {
                return "n/a";
            }

            return (c.KPrime / statistics.Median * 1e3).ToString("F1", System.Globalization.CultureInfo.InvariantCulture);
        }
    }
}
