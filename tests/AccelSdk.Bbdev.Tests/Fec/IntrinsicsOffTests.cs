using System.Diagnostics;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Ldpc;
using AccelSdk.Bbdev.Fec.Turbo;
using AccelSdk.Bbdev.Tests.Fec.Ldpc;
using AccelSdk.Bbdev.Tests.Fec.Turbo;

namespace AccelSdk.Bbdev.Tests.Fec;

/// <summary>
/// Re-runs the FEC kernels of every width in child processes with hardware intrinsics switched off
/// (DOTNET_EnableAVX512=0, DOTNET_EnableAVX2=0, DOTNET_EnableHWIntrinsic=0), so the portable fallbacks beside each
/// intrinsic (emulated wide carry-less multiplies, the table CRC, software PDEP, the scalar de-interleaver) are
/// exercised and must give the reference's bits.
/// </summary>
public sealed class IntrinsicsOffTests
{
    [Theory]
    [InlineData("DOTNET_EnableAVX512")]
    [InlineData("DOTNET_EnableAVX2")]
    [InlineData("DOTNET_EnableHWIntrinsic")]
    public async Task Kernels_WithIntrinsicsOff_EqualTheReference(string switchName)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(IntrinsicsOffTests).Assembly.Location);
        start.ArgumentList.Add("-class");
        start.ArgumentList.Add(typeof(IntrinsicsOffChild).FullName!);
        start.Environment[switchName] = "0";
        start.Environment[IntrinsicsOffChild.Variable] = switchName;
        using Process child = Process.Start(start)!;
        CancellationToken cancel = TestContext.Current.CancellationToken;
        Task<string> error = child.StandardError.ReadToEndAsync(cancel);
        string output = await child.StandardOutput.ReadToEndAsync(cancel);
        await child.WaitForExitAsync(cancel);
        string all = output + await error;
        Assert.True(child.ExitCode == 0, $"child with {switchName}=0 failed:\n{all}");
        Assert.Contains("Total: 3, Errors: 0, Failed: 0, Skipped: 0", all, StringComparison.Ordinal);
    }
}

/// <summary>The checks the child processes of <see cref="IntrinsicsOffTests"/> run; skipped in a normal run.</summary>
public sealed class IntrinsicsOffChild
{
    internal const string Variable = "ACCELSDK_INTRINSICS_OFF";

    private static string Switch()
    {
        string? name = Environment.GetEnvironmentVariable(Variable);
        if (name is null)
        {
            Assert.Skip($"Runs only in the child processes of {nameof(IntrinsicsOffTests)}.");
        }

        return name!;
    }

    [Fact]
    public void IntendedIsSupportedFlagsAreOff()
    {
        switch (Switch())
        {
            case "DOTNET_EnableAVX512":
                Assert.False(Avx512F.IsSupported || Avx512BW.IsSupported || Pclmulqdq.V512.IsSupported || Vector512.IsHardwareAccelerated);
                break;
            case "DOTNET_EnableAVX2":
                // VPCLMULQDQ on 256 bits needs only AVX, so it stays; AVX2's shuffles, BMI2's PDEP and Vector256 go.
                Assert.False(Avx2.IsSupported || Bmi2.X64.IsSupported || Vector256.IsHardwareAccelerated);
                break;
            default:
                Assert.False(Sse2.IsSupported || Ssse3.IsSupported || Pclmulqdq.IsSupported || Bmi2.X64.IsSupported || Vector128.IsHardwareAccelerated);
                break;
        }
    }

    [Fact]
    public void EveryWidthEqualsTheReference()
    {
        _ = Switch();
        var random = new Random(2024);
        byte[] data = new byte[700];
        random.NextBytes(data);
        for (int bits = 0; bits <= data.Length * 8; bits += 37)
        {
            foreach (CrcType type in Enum.GetValues<CrcType>())
            {
                uint expected = CrcCalculator.ComputeReference(type, data, bits);
                Assert.All(TestWidths.All, w => Assert.Equal(expected, CrcCalculator.Compute(type, data, bits, w)));
            }
        }

        for (int seed = 0; seed < 12; seed++)
        {
            LdpcBlockParameters p = LdpcTestCases.Random(seed, maxZc: 104);
            byte[] input = LdpcTestCases.RandomBits(random, p.KPrime);
            byte[] expected = new byte[(p.E + 7) / 8];
            CrcType? crc = p.KPrime > 16 ? CrcType.Crc16 : null;
            LdpcRateMatcher.EncodeAndMatch(p, input, expected, crc, SimdWidth.Scalar);
            sbyte[] llrs = new sbyte[p.E];
            random.NextBytes((byte[])(Array)llrs);
            sbyte[] harq = new sbyte[random.Next(p.CompactLength)];
            random.NextBytes((byte[])(Array)harq);
            sbyte[] combined = new sbyte[p.CompactLength];
            int length = LdpcRateRecovery.Recover(p, llrs, harq, combined, SimdWidth.Scalar);
            foreach (SimdWidth width in TestWidths.All)
            {
                byte[] actual = new byte[expected.Length];
                LdpcRateMatcher.EncodeAndMatch(p, input, actual, crc, width);
                Assert.Equal(expected, actual);
                sbyte[] recovered = new sbyte[p.CompactLength];
                Assert.Equal(length, LdpcRateRecovery.Recover(p, llrs, harq, recovered, width));
                Assert.Equal(combined, recovered);
            }
        }
    }

    [Fact]
    public void TurboDecodersOfEveryWidthEqualTheReference()
    {
        _ = Switch();
        int seed = 0;
        foreach (int k in (int[])[40, 264, 1056, 2112])
        {
            var block = new TurboBlockParameters { K = k, E = (3 * k) + 12, RateMatch = true };
            foreach (SimdWidth width in TestWidths.Vector)
            {
                TurboDecoder decoder = TurboDecoder.Create(width);
                var c = new TurboDecoderTests.DecodeCase(block, seed++, 0.5, 4, 3, 0, TurboEarlyTermination.Crc, true, seed % 2 == 0, seed % 3 == 0, seed % 4 == 0, 0);
                TurboDecoderTests.SameAsScalar(decoder, c);
            }
        }
    }
}
