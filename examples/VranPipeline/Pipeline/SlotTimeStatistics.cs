namespace VranPipeline.Pipeline;

/// <summary>The distribution of a cell's slot processing times against the slot duration.</summary>
public sealed record SlotTimeStatistics
{
    /// <summary>Slots measured.</summary>
    public int Count { get; init; }

    /// <summary>Median processing time in microseconds.</summary>
    public double MedianMicroseconds { get; init; }

    /// <summary>99th percentile (nearest rank) in microseconds.</summary>
    public double P99Microseconds { get; init; }

    /// <summary>Longest processing time in microseconds.</summary>
    public double MaxMicroseconds { get; init; }

    /// <summary>The slot duration held against, in microseconds.</summary>
    public double DeadlineMicroseconds { get; init; }

    /// <summary>Slots whose processing took longer than <see cref="DeadlineMicroseconds"/>.</summary>
    public int Missed { get; init; }

    /// <summary>Computes the statistics of <paramref name="microseconds"/>.</summary>
    public static SlotTimeStatistics From(ReadOnlySpan<double> microseconds, double deadlineMicroseconds)
    {
        if (microseconds.IsEmpty)
        {
            return new SlotTimeStatistics { DeadlineMicroseconds = deadlineMicroseconds };
        }

        double[] sorted = microseconds.ToArray();
        Array.Sort(sorted);
        int missed = 0;
        foreach (double t in sorted)
        {
            missed += t > deadlineMicroseconds ? 1 : 0;
        }

        return new SlotTimeStatistics
        {
            Count = sorted.Length,
            MedianMicroseconds = sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[(sorted.Length / 2) - 1] + sorted[sorted.Length / 2]) / 2,
            P99Microseconds = sorted[Math.Clamp((int)Math.Ceiling(0.99 * sorted.Length) - 1, 0, sorted.Length - 1)],
            MaxMicroseconds = sorted[^1],
            DeadlineMicroseconds = deadlineMicroseconds,
            Missed = missed,
        };
    }
}
