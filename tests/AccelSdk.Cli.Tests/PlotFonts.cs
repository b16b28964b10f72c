using AccelSdk.Cli.Plots;

namespace AccelSdk.Cli.Tests;

/// <summary>Plot tests need a font for the plots' text; a machine without one cannot run them.</summary>
internal static class PlotFonts
{
    public static void SkipWhenMissing()
    {
        if (!PlotWriter.CanDrawText)
        {
            Assert.Skip("No TrueType font installed (SkiaSharp finds none under /usr/share/fonts), so no plot can carry its labels; install one, e.g. the Debian package fonts-dejavu-core, to run the plot tests.");
        }
    }
}
