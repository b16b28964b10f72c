using System.Runtime.InteropServices;
using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Turbo;
using AccelSdk.Bbdev.TestVectors;
using AccelSdk.Bbdev.Tests.TestVectors;

namespace AccelSdk.Bbdev.Tests.Fec.Turbo;

/// <summary>
/// The DPDK turbo vectors against the span-level engine, for the scalar reference and every vector width (the bbdev
/// conformance suite runs them again through the driver with test-bbdev's rules): encoder outputs bit-exact, decoder
/// hard outputs exact within test-bbdev's default of 6 iterations, soft outputs within its tolerance.
/// </summary>
public sealed class TurboKernelConformanceTests
{
    public static TheoryData<string> EncoderVectors() => Filter("turbo_enc_");

    public static TheoryData<string> DecoderVectors() => Filter("turbo_dec_");

    [Theory]
    [MemberData(nameof(EncoderVectors))]
    public void EncoderVector_IsBitExact(string name)
    {
        BbdevTestVector vector = BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf(name));
        TurboVectorParameters p = vector.Turbo!;
        var flags = (TurboEncFlags)vector.OpFlags;
        byte[] input = vector.ToArray(BbdevVectorDataKind.Input);
        byte[] expected = vector.ToArray(BbdevVectorDataKind.Output);
        bool tb = p.CodeBlockMode == 0;
        foreach (SimdWidth width in TestWidths.All)
        {
            TurboCodeBlockEngine engine = TurboCodeBlockEngine.Create(width);
            byte[] actual = new byte[expected.Length];
            int inOffset = 0;
            int outOffset = 0;
            for (int r = tb ? p.R ?? 0 : 0; inOffset < input.Length; r++)
            {
                int k = tb ? (r < (p.CNeg ?? 0) ? p.KNeg ?? 0 : p.KPos ?? 0) : p.K ?? 0;
                int ncb = tb ? (r < (p.CNeg ?? 0) ? p.NcbNeg ?? 0 : p.NcbPos ?? 0) : p.Ncb ?? 0;
                int e = (int)(tb ? (r < (p.Cab ?? 0) ? p.Ea ?? 0 : p.Eb ?? 0) : p.E ?? 0);
                CrcType? crc = (flags & TurboEncFlags.Crc24AAttach) != 0 ? CrcType.Crc24A
                    : (flags & TurboEncFlags.Crc24BAttach) != 0 ? CrcType.Crc24B
                    : null;
                var block = new TurboBlockParameters
                {
                    K = k,
                    E = e,
                    Ncb = ncb,
                    RvIndex = p.RvIndex ?? 0,
                    RvIndexBypass = (flags & TurboEncFlags.RvIndexBypass) != 0,
                    RateMatch = (flags & TurboEncFlags.RateMatch) != 0,
                };
                outOffset += engine.Encode(block, input.AsSpan(inOffset), crc, actual.AsSpan(outOffset));
                inOffset += TurboCodeBlockEngine.EncoderInputBytes(k, crc);
            }

            Assert.Equal(expected.Length, outOffset);
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{name} on {width}: differs at byte {expected.AsSpan().CommonPrefixLength(actual)}");
        }
    }

    [Theory]
    [MemberData(nameof(DecoderVectors))]
    public void DecoderVector_HardOutputIsExact(string name)
    {
        BbdevTestVector vector = BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf(name));
        TurboVectorParameters p = vector.Turbo!;
        var flags = (TurboDecFlags)vector.OpFlags;
        sbyte[] input = MemoryMarshal.Cast<byte, sbyte>(vector.ToArray(BbdevVectorDataKind.Input)).ToArray();
        byte[] expected = vector.ToArray(BbdevVectorDataKind.Output);
        sbyte[] expectedSoft = MemoryMarshal.Cast<byte, sbyte>(vector.ToArray(BbdevVectorDataKind.SoftOutput)).ToArray();
        bool tb = p.CodeBlockMode == 0;
        int c = tb ? p.C ?? 1 : 1;
        foreach (SimdWidth width in TestWidths.All)
        {
            TurboCodeBlockEngine engine = TurboCodeBlockEngine.Create(width);
            byte[] hard = new byte[expected.Length];
            sbyte[] soft = new sbyte[expectedSoft.Length];
            int inOffset = 0;
            int hardOffset = 0;
            int softOffset = 0;
            for (int r = tb ? p.R ?? 0 : 0; inOffset < input.Length; r++)
            {
                int k = tb ? (r < (p.CNeg ?? 0) ? p.KNeg ?? 0 : p.KPos ?? 0) : p.K ?? 0;
                bool drop = tb && c > 1 && (flags & TurboDecFlags.DecTbCrc24BKeep) == 0;
                CrcType crc = (tb && c > 1) || (flags & TurboDecFlags.CrcType24B) != 0 ? CrcType.Crc24B : CrcType.Crc24A;
                var settings = new TurboDecodeSettings
                {
                    IterMax = 6,
                    IterMin = p.IterMin ?? 0,
                    EarlyTermination = TurboEarlyTermination.Crc,
                    Crc = crc,
                    InputFormat = (flags & TurboDecFlags.SubblockDeinterleave) != 0 ? TurboInputFormat.CircularBuffer : TurboInputFormat.Streams,
                    InputPositiveIsOne = (flags & TurboDecFlags.PosLlr1BitIn) != 0,
                    SoftOutputPositiveIsOne = (flags & TurboDecFlags.PosLlr1BitSoftOut) != 0,
                };
                int inLength = TurboDecoder.InputLength(k);
                Span<sbyte> softSpan = expectedSoft.Length == 0 ? default : soft.AsSpan(softOffset, TurboDecoder.SoftOutputLength(k));
                TurboCodeBlockResult result = engine.Decode(k, input.AsSpan(inOffset, inLength), settings, drop, hard.AsSpan(hardOffset), softSpan);
                Assert.True(result.CrcPassed, $"{name} on {width}: block {r} fails its CRC after {result.Iterations} iterations");
                inOffset += inLength;
                hardOffset += result.HardOutputBits / 8;
                softOffset += result.SoftOutputLength;
            }

            Assert.Equal(expected.Length, hardOffset);
            Assert.True(expected.AsSpan().SequenceEqual(hard), $"{name} on {width}: hard output differs at byte {expected.AsSpan().CommonPrefixLength(hard)}");
            if (expectedSoft.Length > 0)
            {
                int errors = 0;
                for (int i = 0; i < soft.Length; i++)
                {
                    errors += Math.Abs(soft[i] - expectedSoft[i]) > 32 ? 1 : 0;
                }

                Assert.True(errors <= soft.Length / 8 || errors <= 1, $"{name} on {width}: {errors} of {soft.Length} soft outputs beyond tolerance");
                Assert.True(errors == 0, $"{name} on {width}: {errors} soft outputs differ by more than 32 (within test-bbdev's tolerance, but these vectors are saturated)");
            }
        }
    }

    private static TheoryData<string> Filter(string prefix)
    {
        var data = new TheoryData<string>();
        foreach (string name in ConformanceVectorFiles.Names())
        {
            if (name == ConformanceVectorFiles.Missing || name.StartsWith(prefix, StringComparison.Ordinal))
            {
                data.Add(name);
            }
        }

        return data;
    }
}
