using System.Globalization;
using ScottPlot;

namespace AccelSdk.Cli.Plots;

/// <summary>
/// Writes the tool's curves as PNG or SVG with ScottPlot (rendered headless through SkiaSharp, whose Linux native
/// library comes with the ScottPlot package): BLER against SNR on a logarithmic axis, throughput against a parameter.
/// </summary>
internal static class PlotWriter
{
    private const int Width = 900;
    private const int Height = 640;

    private static readonly MarkerShape[] s_markers =
    [
        MarkerShape.FilledCircle, MarkerShape.FilledSquare, MarkerShape.FilledTriangleUp, MarkerShape.FilledDiamond,
        MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp, MarkerShape.OpenDiamond,
    ];

    /// <summary>
    /// Whether SkiaSharp found a font to draw text with. Its Linux library (SkiaSharp.NativeAssets.Linux.NoDependencies,
    /// which ScottPlot brings) does without fontconfig and scans the font directories itself; with no font there its
    /// default typeface is empty.
    /// </summary>
    public static bool CanDrawText => SkiaSharp.SKTypeface.Default.GlyphCount > 0;

    /// <summary>
    /// Checks, before any work is done, that <paramref name="path"/> names a PNG or SVG file and that text can be drawn:
    /// SkiaSharp's Linux library (which ScottPlot brings) needs no X server or fontconfig, but draws text with the
    /// machine's TrueType fonts, and a machine without any would get a plot without a single label.
    /// </summary>
    /// <exception cref="ArgumentException">The extension is neither .png nor .svg, or no font is installed.</exception>
    public static void ValidatePath(string option, string path)
    {
        string extension = Path.GetExtension(path).ToLowerInvariant();
        if (extension is not (".png" or ".svg"))
        {
            throw new ArgumentException($"{option} {path} has an unsupported extension: allowed .png or .svg.");
        }

        if (!CanDrawText)
        {
            throw new ArgumentException(
                $"{option} {path} cannot be drawn: no TrueType font is installed for the plot's text (SkiaSharp looks in /usr/share/fonts); install one, for example the Debian package fonts-dejavu-core.");
        }
    }

    /// <summary>
    /// BLER (log axis) against SNR in dB, one curve per series. Points with no block error cannot be drawn on a
    /// logarithmic axis and are left out (the legend counts them: "(n × BLER 0)").
    /// </summary>
    public static void WriteBler(string path, string title, IReadOnlyList<PlotSeries> series)
    {
        var plot = new Plot();
        double lowest = 0;
        int index = 0;
        foreach (PlotSeries s in series)
        {
            var xs = new List<double>();
            var ys = new List<double>();
            int zeros = 0;
            for (int i = 0; i < s.X.Count; i++)
            {
                if (s.Y[i] > 0)
                {
                    xs.Add(s.X[i]);
                    ys.Add(Math.Log10(s.Y[i]));
                    lowest = Math.Min(lowest, Math.Log10(s.Y[i]));
                }
                else
                {
                    zeros++;
                }
            }

            var scatter = plot.Add.Scatter(xs.ToArray(), ys.ToArray());
            Style(scatter, index++);
            scatter.LegendText = zeros == 0 ? s.Label : string.Create(CultureInfo.InvariantCulture, $"{s.Label} ({zeros} × BLER 0)");
        }

        var ticks = new ScottPlot.TickGenerators.NumericAutomatic
        {
            IntegerTicksOnly = true,
            MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
            LabelFormatter = Decade,
        };
        plot.Axes.Left.TickGenerator = ticks;
        plot.Axes.SetLimitsY(Math.Floor(lowest) - 0.2, 0.2);
        plot.XLabel("SNR Es/N0 (dB)");
        plot.YLabel("BLER");
        Finish(plot, path, title);
    }

    /// <summary>Throughput in Mbit/s against <paramref name="xLabel"/>, one curve per series.</summary>
    public static void WriteThroughput(string path, string title, string xLabel, IReadOnlyList<PlotSeries> series)
    {
        var plot = new Plot();
        int index = 0;
        foreach (PlotSeries s in series)
        {
            var scatter = plot.Add.Scatter(s.X.ToArray(), s.Y.ToArray());
            Style(scatter, index++);
            scatter.LegendText = s.Label;
        }

        plot.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericAutomatic { IntegerTicksOnly = true };
        plot.XLabel(xLabel);
        plot.YLabel("Throughput (Mbit/s)");
        plot.Axes.AutoScale();
        plot.Axes.SetLimitsY(0, plot.Axes.GetLimits().Top * 1.1);
        Finish(plot, path, title);
    }

    private static void Style(ScottPlot.Plottables.Scatter scatter, int index)
    {
        // Solid lines only: the SVG backend cannot draw dash patterns, so curves differ by colour and marker.
        scatter.LineWidth = 2;
        scatter.MarkerSize = 7;
        scatter.MarkerShape = s_markers[index % s_markers.Length];
    }

    private static void Finish(Plot plot, string path, string title)
    {
        plot.Title(title, size: 14);

        // Beside the data area, so that no curve hides under it.
        plot.ShowLegend(Edge.Bottom);
        string? directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (directory is not null)
        {
            Directory.CreateDirectory(directory);
        }

        if (Path.GetExtension(path).Equals(".svg", StringComparison.OrdinalIgnoreCase))
        {
            plot.SaveSvg(path, Width, Height);
        }
        else
        {
            plot.SavePng(path, Width, Height);
        }
    }

    /// <summary>A tick at log10(BLER) = k is labelled 10^k with a superscript exponent.</summary>
    private static string Decade(double exponent)
    {
        int k = (int)Math.Round(exponent);
        if (k == 0)
        {
            return "1";
        }

        const string Digits = "⁰¹²³⁴⁵⁶⁷⁸⁹";
        string digits = string.Concat(Math.Abs(k).ToString(CultureInfo.InvariantCulture).Select(d => Digits[d - '0']));
        return "10" + (k < 0 ? "⁻" : "") + digits;
    }
}
