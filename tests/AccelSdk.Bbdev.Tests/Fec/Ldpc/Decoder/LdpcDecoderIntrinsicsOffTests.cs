using System.Diagnostics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Ldpc;

namespace AccelSdk.Bbdev.Tests.Fec.Ldpc.Decoder;

/// <summary>
/// Re-runs the decoder of every width in child processes with hardware intrinsics switched off
/// (DOTNET_EnableAVX512=0, DOTNET_EnableAVX2=0, DOTNET_EnableHWIntrinsic=0): the portable fallbacks beside each
/// intrinsic (byte shuffles, sign, blends) must give the scalar reference's results.
/// </summary>
public sealed class LdpcDecoderIntrinsicsOffTests
{
    [Theory]
    [InlineData("DOTNET_EnableAVX512")]
    [InlineData("DOTNET_EnableAVX2")]
    [InlineData("DOTNET_EnableHWIntrinsic")]
    public async Task Decoder_WithIntrinsicsOff_EqualsTheReference(string switchName)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(LdpcDecoderIntrinsicsOffTests).Assembly.Location);
        start.ArgumentList.Add("-class");
        start.ArgumentList.Add(typeof(LdpcDecoderIntrinsicsOffChild).FullName!);
        start.Environment[switchName] = "0";
        start.Environment[LdpcDecoderIntrinsicsOffChild.Variable] = switchName;
        using Process child = Process.Start(start)!;
        CancellationToken cancel = TestContext.Current.CancellationToken;
        Task<string> error = child.StandardError.ReadToEndAsync(cancel);
        string output = await child.StandardOutput.ReadToEndAsync(cancel);
        await child.WaitForExitAsync(cancel);
        string all = output + await error;
        Assert.True(child.ExitCode == 0, $"child with {switchName}=0 failed:\n{all}");
        Assert.Contains("Total: 2, Errors: 0, Failed: 0, Skipped: 0", all, StringComparison.Ordinal);
    }
}

/// <summary>The checks the child processes of <see cref="LdpcDecoderIntrinsicsOffTests"/> run; skipped in a normal run.</summary>
public sealed class LdpcDecoderIntrinsicsOffChild
{
    internal const string Variable = "ACCELSDK_DECODER_INTRINSICS_OFF";

    [Fact]
    public void IntendedIsSupportedFlagsAreOff()
    {
        switch (Switch())
        {
            case "DOTNET_EnableAVX512":
                Assert.False(Avx512F.IsSupported || Avx512BW.IsSupported || Vector512.IsHardwareAccelerated);
                break;
            case "DOTNET_EnableAVX2":
                Assert.False(Avx2.IsSupported || Vector256.IsHardwareAccelerated);
                break;
            default:
                Assert.False(Sse2.IsSupported || Ssse3.IsSupported || Sse41.IsSupported || Vector128.IsHardwareAccelerated);
                break;
        }
    }

    [Fact]
    public void EveryWidthEqualsTheReference()
    {
        _ = Switch();
        LdpcDecoder[] decoders = [.. new[] { SimdWidth.Auto, SimdWidth.V128, SimdWidth.V256, SimdWidth.V512 }.Select(w => LdpcDecoder.Create(w))];
        var random = new Random(77);
        for (int i = 0; i < 12; i++)
        {
            int bg = (i % 2) + 1;
            int zc = LiftingSizes.All[random.Next(25)];
            LdpcCode code = BaseGraph.Get(bg).Lift(zc);
            int fillers = random.Next(code.K - (2 * zc));
            var c = new DecoderCase(bg, zc, fillers, random.Next(code.N - fillers + 1), (LlrKind)(i % 4), random.Next(), random.Next(1, 4), i % 3 != 0, i % 4);
            foreach (LdpcDecoder decoder in decoders)
            {
                LdpcDecoderEquivalenceTests.SameAsScalar(decoder, c);
            }
        }
    }

    private static string Switch()
    {
        string? name = Environment.GetEnvironmentVariable(Variable);
        if (name is null)
        {
            Assert.Skip($"Runs only in the child processes of {nameof(LdpcDecoderIntrinsicsOffTests)}.");
        }

        return name!;
    }
}
