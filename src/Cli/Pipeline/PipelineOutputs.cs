namespace AccelSdk.Cli.Pipeline;

/// <summary>Where <c>accel pipeline</c> writes its results besides the console (each null when not asked for).</summary>
internal sealed record PipelineOutputs(string? Json, string? BlerPlot, string? ThroughputPlot);
