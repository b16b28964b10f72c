namespace AccelSdk.Cli.TestBbdev;

/// <summary>Min/avg/max of a series of durations in nanoseconds.</summary>
internal sealed class LatencyStats
{
    private double _sum;

    public int Count { get; private set; }

    public double Min { get; private set; } = double.MaxValue;

    public double Max { get; private set; }

    public double Average => Count == 0 ? 0 : _sum / Count;

    public double AverageMicroseconds => Average / 1000;

    public double MinMicroseconds => Count == 0 ? 0 : Min / 1000;

    public double MaxMicroseconds => Max / 1000;

    public void Add(double nanoseconds)
    {
        Count++;
        _sum += nanoseconds;
        Min = Math.Min(Min, nanoseconds);
        Max = Math.Max(Max, nanoseconds);
    }

    public Dictionary<string, double> ToMetrics() => new()
    {
        ["latency_avg_us"] = AverageMicroseconds,
        ["latency_min_us"] = MinMicroseconds,
        ["latency_max_us"] = MaxMicroseconds,
    };
}
