using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Crc;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;

namespace AccelSdk.Bench.Fec;

/// <summary>
/// CRC24A over 1 MB: the table reference against carry-less multiply folding at each width (V512 only where the CPU
/// has VPCLMULQDQ on 512 bits; elsewhere it would measure an emulation).
/// Run: dotnet run -c Release --project bench/AccelSdk.Bench -- --filter '*CrcBenchmarks*' --job short
/// </summary>
[Config(typeof(Config))]
public class CrcBenchmarks
{
    private const int Length = 1 << 20;
    private readonly byte[] _data = new byte[Length];

    [GlobalSetup]
    public void Setup() => new Random(1).NextBytes(_data);

    [Benchmark(Baseline = true)]
    public uint Reference() => CrcCalculator.ComputeReference(CrcType.Crc24A, _data, Length * 8);

    [Benchmark]
    public uint Pclmul128() => CrcCalculator.Compute(CrcType.Crc24A, _data, Length * 8, SimdWidth.V128);

    [Benchmark]
    public uint Vpclmul256() => CrcCalculator.Compute(CrcType.Crc24A, _data, Length * 8, SimdWidth.V256);

    [Benchmark]
    public uint Auto() => CrcCalculator.Compute(CrcType.Crc24A, _data, Length * 8);

    private sealed class Config : ManualConfig
    {
        // Bytes per ns = GB/s.
        public Config() => AddColumn(StatisticColumn.Median, new ThroughputColumn("GB/s", _ => Length));
    }
}
