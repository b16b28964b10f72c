namespace AccelSdk.Cli.Tests;

public sealed class TestBbdevBlerSweepTests
{
    [Fact]
    public void BlerSweep_GivesOnePointPerSnrAndIterationLimit_AndPlotsThem()
    {
        PlotFonts.SkipWhenMissing();
        string vector = Path.Combine(RepositoryRoot(), "conformance", "ldpc_dec_bg2_z52_f16_e2800_rv1_q2_crc16.data");
        string svg = Path.Combine(Path.GetTempPath(), $"accel-bler-{Guid.NewGuid():N}.svg");
        try
        {
            (int code, string output, string error) = CliRunner.Run("test-bbdev", "-c", "bler", "-v", vector, "-n", "8", "-b", "8",
                "--snr-range", "-3:-1:1", "--bler-iterations", "2,6", "--plot", svg);
            Assert.True(code == 0, error);
            string[] points = output.Split('\n').Where(l => l.StartsWith("PASS", StringComparison.Ordinal) && l.Contains("bler", StringComparison.Ordinal)).ToArray();
            Assert.Equal(6, points.Length);
            Assert.Contains(points, p => p.Contains("SNR -3.00 dB", StringComparison.Ordinal) && p.Contains(" 2 - Tp", StringComparison.Ordinal));
            Assert.Contains(points, p => p.Contains("SNR -1.00 dB", StringComparison.Ordinal) && p.Contains(" 6 - Tp", StringComparison.Ordinal));
            string text = File.ReadAllText(svg);
            Assert.Contains("<svg", text, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(svg);
        }
    }

    [Theory]
    [InlineData("-c validation --plot x.svg", "--plot x.svg needs the bler test case")]
    [InlineData("-c bler --snr-range 1:0:1", "--snr-range 1:0:1 is out of range")]
    [InlineData("-c bler --bler-iterations 0", "--bler-iterations 0 is out of range: allowed a comma-separated list of integers in [1, 100].")]
    [InlineData("-c bler --plot x.gif", "--plot x.gif has an unsupported extension")]
    public void BadSweepOptions_AreOneLineErrors(string arguments, string expected)
    {
        string vector = Path.Combine(RepositoryRoot(), "conformance", "ldpc_dec_bg2_z52_f16_e2800_rv1_q2_crc16.data");
        (int code, _, string error) = CliRunner.Run(["test-bbdev", "-v", vector, .. arguments.Split(' ')]);
        Assert.Equal(2, code);
        string line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AccelSdk.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("The repository root (the folder holding AccelSdk.sln) was not found above the test binaries.");
    }
}
