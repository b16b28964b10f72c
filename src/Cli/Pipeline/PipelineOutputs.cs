namespace AccelSdk.Cli.Pipeline;

/// <summary>Where <c>accel pipeline</c> writes its results besides the console (each null when not asked for).</summary>
internal sealed record PipelineOutputs(string? Json, string? BlerPlot, string? ThroughputPlot)
{
    /// <summary>Slots run before the measured runs and not reported (JIT warm-up).</summary>
    public int WarmupSlots { get; init; }

    /// <summary>Runs of every point; each point reports its median run.</summary>
    public int Repetitions { get; init; } = 1;
}
