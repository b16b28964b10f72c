using System.Diagnostics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using AccelSdk.Crypto.Tests.Conformance;
using AccelSdk.Crypto.Vectors;

namespace AccelSdk.Crypto.Tests.Algorithms;

/// <summary>
/// Re-runs every conformance vector through crypto_sw in child processes with hardware intrinsics switched off
/// (<c>DOTNET_EnableHWIntrinsic=0</c>, <c>DOTNET_EnableAVX2=0</c>, <c>DOTNET_EnableAVX512=0</c>), so that the
/// scalar and 128-bit fallbacks that this CPU would never pick are exercised through the whole API. The child first
/// asserts that the intended <c>IsSupported</c> flags really are false.
/// </summary>
public sealed class IntrinsicsOffTests
{
    private const string ModeVariable = "ACCELSDK_CRYPTO_CHILD_MODE";

    [Theory]
    [InlineData("nohw", "DOTNET_EnableHWIntrinsic")]
    [InlineData("noavx2", "DOTNET_EnableAVX2")]
    [InlineData("noavx512", "DOTNET_EnableAVX512")]
    public async Task AllVectorsPass_WithIntrinsicsDisabled(string mode, string variable)
    {
        ConformanceData.RequireVectors();
        string assembly = typeof(IntrinsicsOffTests).Assembly.Location;
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string arg in new[] { "exec", assembly, "-explicit", "only", "-method", $"{typeof(IntrinsicsOffTests).FullName}.{nameof(Child_RunsEveryVector)}", "-noLogo", "-noColor" })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[variable] = "0";
        start.Environment[ModeVariable] = mode;
        using Process child = Process.Start(start)!;
        CancellationToken token = TestContext.Current.CancellationToken;
        Task<string> stdout = child.StandardOutput.ReadToEndAsync(token);
        Task<string> stderr = child.StandardError.ReadToEndAsync(token);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(token);
        timeout.CancelAfter(TimeSpan.FromMinutes(2));
        await child.WaitForExitAsync(timeout.Token);
        string output = await stdout + await stderr;
        Assert.True(child.ExitCode == 0, $"child ({variable}=0) failed:\n{output}");
        Assert.Contains("Total: 1, Errors: 0, Failed: 0, Skipped: 0", output, StringComparison.Ordinal);
    }

    [Fact(Explicit = true)]
    public void Child_RunsEveryVector()
    {
        string mode = Environment.GetEnvironmentVariable(ModeVariable) ?? "";
        switch (mode)
        {
            case "nohw":
                Assert.False(System.Runtime.Intrinsics.X86.Aes.IsSupported);
                Assert.False(Pclmulqdq.IsSupported);
                Assert.False(Vector128.IsHardwareAccelerated);
                Assert.False(Vector256.IsHardwareAccelerated);
                break;
            case "noavx2":
                Assert.False(Avx2.IsSupported);
                Assert.False(Vector256.IsHardwareAccelerated);
                break;
            case "noavx512":
                Assert.False(Avx512F.IsSupported);
                Assert.False(Vector512.IsHardwareAccelerated);
                break;
            default:
                Assert.Fail($"{ModeVariable} is not set: this test only runs in a child process started by {nameof(AllVectorsPass_WithIntrinsicsDisabled)}.");
                break;
        }

        using var device = new TestDevice();
        using var runner = new CryptoVectorRunner(device.Device, 0, new CryptoVectorRunnerOptions { SegmentSize = mode == "nohw" ? 0 : 97 });
        var failures = ConformanceData.Files.SelectMany(runner.Run).Where(r => r.Outcome != CryptoVectorOutcome.Passed).Select(r => $"{r.Vector}: {r.Reason}").ToArray();
        Assert.Empty(failures);
    }
}
