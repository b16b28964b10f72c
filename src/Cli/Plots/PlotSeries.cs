namespace AccelSdk.Cli.Plots;

/// <summary>One curve of a plot: its legend label and its points.</summary>
internal sealed record PlotSeries(string Label, IReadOnlyList<double> X, IReadOnlyList<double> Y);
