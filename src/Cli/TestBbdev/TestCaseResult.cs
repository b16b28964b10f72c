namespace AccelSdk.Cli.TestBbdev;

/// <summary>One test case on one vector: outcome, reason and measured figures.</summary>
internal sealed record TestCaseResult
{
    public required string Vector { get; init; }

    public required string OpType { get; init; }

    public required string TestCase { get; init; }

    public required TestOutcome Outcome { get; init; }

    /// <summary>Why it failed or was skipped, or a one-line summary when it passed.</summary>
    public required string Detail { get; init; }

    /// <summary>Measured figures by name (ops_per_second, mbps, latency_avg_us, ...).</summary>
    public IReadOnlyDictionary<string, double> Metrics { get; init; } = new Dictionary<string, double>();
}
