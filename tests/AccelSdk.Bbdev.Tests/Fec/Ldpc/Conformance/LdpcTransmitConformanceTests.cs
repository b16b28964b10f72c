using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Ldpc;
using AccelSdk.Bbdev.TestVectors;
using AccelSdk.Bbdev.Tests.TestVectors;

namespace AccelSdk.Bbdev.Tests.Fec.Ldpc.Conformance;

/// <summary>
/// The DPDK LDPC vectors against the transmit chain and rate recovery, for the scalar reference and every width:
/// encoder outputs bit-exact; HARQ outputs exact; noiseless decoder inputs recover to the twin codeword's signs.
/// </summary>
public sealed class LdpcTransmitConformanceTests
{
    public static TheoryData<string> EncoderVectors => Names("ldpc_enc_");

    public static TheoryData<string> DecoderVectors => Names("ldpc_dec_");

    [Theory]
    [MemberData(nameof(EncoderVectors))]
    public void EncoderVector_OutputIsBitExact(string name)
    {
        BbdevTestVector vector = BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf(name));
        Assert.Equal(1, vector.Ldpc!.CodeBlockMode);
        LdpcEncFlags flags = vector.LdpcEncFlags!.Value;
        Assert.True((flags & LdpcEncFlags.RateMatch) != 0, "every shipped LDPC encoder vector rate-matches");
        LdpcBlockParameters p = Parameters(vector, (flags & LdpcEncFlags.InterleaverBypass) != 0);
        CrcType? crc = (flags & LdpcEncFlags.Crc24BAttach) != 0 ? CrcType.Crc24B
            : (flags & LdpcEncFlags.Crc24AAttach) != 0 ? CrcType.Crc24A
            : (flags & LdpcEncFlags.Crc16Attach) != 0 ? CrcType.Crc16
            : null;
        byte[] input = vector.ToArray(BbdevVectorDataKind.Input);
        byte[] expected = vector.ToArray(BbdevVectorDataKind.Output);
        Assert.Equal((p.E + 7) / 8, expected.Length);
        foreach (SimdWidth width in TestWidths.All)
        {
            byte[] actual = new byte[expected.Length];
            LdpcRateMatcher.EncodeAndMatch(p, input, actual, crc, width);
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"{name}: width {width} differs at byte {expected.AsSpan().CommonPrefixLength(actual)}");
        }
    }

    [Theory]
    [MemberData(nameof(DecoderVectors))]
    public void DecoderVector_RateRecovery_MatchesHarqOutputOrTwinCodeword(string name)
    {
        BbdevTestVector vector = BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf(name));
        LdpcDecFlags flags = vector.LdpcDecFlags!.Value;
        LdpcBlockParameters p = Parameters(vector, (flags & LdpcDecFlags.DeinterleaverBypass) != 0);
        sbyte[] llrs = vector.ToLlrArray(BbdevVectorDataKind.Input);
        sbyte[] harqInput = (flags & LdpcDecFlags.HqCombineInEnable) != 0 ? vector.ToLlrArray(BbdevVectorDataKind.HarqInput) : [];
        Assert.Equal(p.E, llrs.Length);
        foreach (SimdWidth width in TestWidths.All)
        {
            sbyte[] output = new sbyte[p.CompactLength];
            int length = LdpcRateRecovery.Recover(p, llrs, harqInput, output, width);
            if ((flags & LdpcDecFlags.HqCombineOutEnable) != 0)
            {
                // test-bbdev compares min(produced - Zc, vector length) LLRs within a tolerance; we are exact.
                sbyte[] expected = vector.ToLlrArray(BbdevVectorDataKind.HarqOutput);
                Assert.Equal(expected.Length, length);
                Assert.True(expected.AsSpan().SequenceEqual(output.AsSpan(0, length)), $"{name}: width {width} HARQ output differs at {expected.AsSpan().CommonPrefixLength(output)}");
            }
            else
            {
                AssertSignsMatchTwinCodeword(vector, p, output, length, width);
            }
        }
    }

    // The noiseless v-series inputs are ±127 per transmitted bit: every recovered position must carry the sign of
    // the codeword that encodes the expected hard output (CRC24B re-attached when the vector drops it).
    private static void AssertSignsMatchTwinCodeword(BbdevTestVector vector, in LdpcBlockParameters p, sbyte[] output, int length, SimdWidth width)
    {
        byte[] hard = vector.ToArray(BbdevVectorDataKind.Output);
        byte[] information = new byte[(p.KPrime + 7) / 8];
        if ((vector.LdpcDecFlags!.Value & LdpcDecFlags.Crc24BDrop) != 0)
        {
            hard.AsSpan(0, (p.KPrime - 24 + 7) / 8).CopyTo(information);
            CrcCalculator.Attach(CrcType.Crc24B, information, p.KPrime - 24);
        }
        else
        {
            hard.AsSpan(0, information.Length).CopyTo(information);
        }

        byte[] d = new byte[(p.N + 7) / 8];
        LdpcEncoder.Encode(p, information, d);
        Assert.Equal(LdpcCircularBuffer.CombinedLength(p, 0), length);
        for (int i = 0; i < length; i++)
        {
            int bit = LdpcTestCases.Bit(d, LdpcCircularBuffer.CompactToCircular(p, i));
            Assert.True(output[i] == (bit == 0 ? 127 : -127), $"{vector.FilePath}: width {width} position {i} holds {output[i]}, bit {bit}");
        }
    }

    private static TheoryData<string> Names(string prefix)
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

    private static LdpcBlockParameters Parameters(BbdevTestVector vector, bool interleaverBypass)
    {
        LdpcVectorParameters v = vector.Ldpc!;
        return new LdpcBlockParameters
        {
            BaseGraph = v.Basegraph ?? 0,
            Zc = v.ZC ?? 0,
            FillerBits = v.NFiller ?? 0,
            Ncb = v.NCb ?? 0,
            Qm = v.QM ?? 0,
            E = (int)(v.E ?? 0),
            RvIndex = v.RvIndex ?? 0,
            K0Override = v.K0 ?? 0,
            InterleaverBypass = interleaverBypass,
        };
    }
}
