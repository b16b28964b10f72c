using System.Diagnostics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace AccelSdk.Dma.Tests.Engine;

/// <summary>
/// Re-runs the kernel checks in child processes with instruction sets switched off (.NET 10's
/// <c>DOTNET_EnableAVX512</c>, <c>DOTNET_EnableAVX2</c>, <c>DOTNET_EnableHWIntrinsic</c>), so the paths chosen on other
/// CPUs are exercised here. Each child first asserts that the switch took effect.
/// </summary>
public sealed class KernelIsaTests
{
    private const string ModeVariable = "ACCELSDK_DMA_ISA_CHILD";

    [Fact]
    public async Task Kernels_WithInstructionSetsSwitchedOff_MatchTheReference()
    {
        if (!OperatingSystem.IsLinux() && !OperatingSystem.IsWindows() && !OperatingSystem.IsMacOS())
        {
            Assert.Skip("Child processes are not supported on this platform.");
        }

        (string Variable, string Mode)[] runs = [("DOTNET_EnableAVX512", "noavx512"), ("DOTNET_EnableAVX2", "noavx2"), ("DOTNET_EnableHWIntrinsic", "nohw")];
        Task<(int Code, string Output)>[] children = runs.Select(r => RunChild(r.Variable, r.Mode)).ToArray();
        (int Code, string Output)[] results = await Task.WhenAll(children);
        for (int i = 0; i < runs.Length; i++)
        {
            Assert.True(results[i].Code == 0, $"child with {runs[i].Variable}=0 failed ({results[i].Code}):\n{results[i].Output}");
            Assert.Contains("Total: 1, Errors: 0, Failed: 0, Skipped: 0", results[i].Output, StringComparison.Ordinal);
        }
    }

    /// <summary>In a child: check the switch took effect, then run every kernel check. In the parent's run: just the checks.</summary>
    [Fact]
    public void KernelChecks_UnderThisProcessInstructionSets()
    {
        switch (Environment.GetEnvironmentVariable(ModeVariable))
        {
            case "noavx512":
                Assert.False(Avx512F.IsSupported, "DOTNET_EnableAVX512=0 did not switch AVX-512 off");
                Assert.False(Vector512.IsHardwareAccelerated);
                break;
            case "noavx2":
                Assert.False(Avx2.IsSupported, "DOTNET_EnableAVX2=0 did not switch AVX2 off");
                Assert.False(Vector256.IsHardwareAccelerated);
                break;
            case "nohw":
                Assert.False(Sse2.IsSupported, "DOTNET_EnableHWIntrinsic=0 did not switch intrinsics off");
                Assert.False(Vector128.IsHardwareAccelerated);
                break;
        }

        KernelTests.RunAllChecks();
    }

    private static async Task<(int Code, string Output)> RunChild(string variable, string mode)
    {
        string assembly = typeof(KernelIsaTests).Assembly.Location;
        string apphost = Path.ChangeExtension(assembly, null);
        var start = new ProcessStartInfo
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (File.Exists(apphost))
        {
            start.FileName = apphost;
        }
        else
        {
            start.FileName = "dotnet";
            start.ArgumentList.Add("exec");
            start.ArgumentList.Add(assembly);
        }

        start.ArgumentList.Add("-method");
        start.ArgumentList.Add($"{typeof(KernelIsaTests).FullName}.{nameof(KernelChecks_UnderThisProcessInstructionSets)}");
        start.Environment[variable] = "0";
        start.Environment[ModeVariable] = mode;
        using Process process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync();
        Task<string> error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await error);
    }
}
