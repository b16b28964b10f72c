namespace AccelSdk.Cli.Tests;

/// <summary><c>baseband_gpu</c> through the tool: listed with its accelerator, test-bbdev per burst size, gpu-compare.</summary>
public sealed class BasebandGpuCliTests
{
    [Fact]
    public void Devices_NamesTheAcceleratorOfBasebandGpu()
    {
        (int code, string output, string error) = CliRunner.Run("devices", "--vdev", "baseband_gpu0,accelerator=cpu");

        Assert.Equal(0, code);
        Assert.Equal(string.Empty, error);
        Assert.Contains("baseband_gpu: kernels run on ", output, StringComparison.Ordinal);
        Assert.Single(output.Split('\n'), l => l.Contains("| baseband_gpu0 ", StringComparison.Ordinal) && l.Contains("bbdev", StringComparison.Ordinal));
    }

    [Fact]
    public void TestBbdev_BurstSizes_RunEveryCasePerBurstOnTheCpuAccelerator()
    {
        string vector = Path.Combine(RepositoryRoot(), "conformance", "ldpc_dec_bg2_z16_f0_e320_rv0_q2.data");
        (int code, string output, string error) = CliRunner.Run(
            "test-bbdev", "-v", vector, "-c", "validation,latency", "-n", "4", "--burst-sizes", "1,4", "--device", "baseband_gpu,accelerator=cpu");

        Assert.True(code == 0, output + error);
        Assert.Contains("validation b=1", output, StringComparison.Ordinal);
        Assert.Contains("latency b=4", output, StringComparison.Ordinal);
        Assert.Contains("whole burst (first enqueue to last dequeue)", output, StringComparison.Ordinal);
        Assert.Contains("4 passed, 0 failed, 0 skipped", output, StringComparison.Ordinal);
    }

    [Fact]
    public void TestBbdev_BurstSizeOutOfRange_IsAOneLineError()
    {
        (int code, _, string error) = CliRunner.Run("test-bbdev", "-v", "x.data", "--burst-sizes", "1,5000");

        Assert.Equal(2, code);
        Assert.Contains("--burst-sizes: '5000' is not a burst size in [1, 4096]", error, StringComparison.Ordinal);
    }

    [Fact]
    public void GpuCompare_SmallRun_FindsNoDifference()
    {
        (int code, string output, string error) = CliRunner.Run("gpu-compare", "--blocks", "40", "--seed", "3", "--max-zc", "24", "--device", "baseband_gpu,accelerator=cpu");

        Assert.True(code == 0, output + error);
        Assert.Contains(": 0 mismatching ops;", output, StringComparison.Ordinal);
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
