using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace AccelSdk.Bench.Fec;

/// <summary>A column that turns the median time per operation into a rate: work units per operation / median.</summary>
/// <param name="header">Column header, e.g. "Gbit/s".</param>
/// <param name="workPerOperation">Units of work (bits or bytes, already scaled) one operation of a case does.</param>
internal sealed class ThroughputColumn(string header, Func<BenchmarkCase, double> workPerOperation) : IColumn
{
    public string Id => nameof(ThroughputColumn) + header;

    public string ColumnName => header + " (median)";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => $"{header} from the median time per operation";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase)
    {
        BenchmarkReport? report = summary[benchmarkCase];
        double? medianNs = report?.ResultStatistics?.Median;
        return medianNs is > 0 ? (workPerOperation(benchmarkCase) / medianNs.Value).ToString("F3", System.Globalization.CultureInfo.InvariantCulture) : "-";
    }

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
