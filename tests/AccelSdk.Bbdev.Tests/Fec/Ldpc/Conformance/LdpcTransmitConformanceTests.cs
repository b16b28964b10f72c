using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Ldpc;

namespace AccelSdk.Bbdev.Tests.Fec.Ldpc.Conformance;

/// <summary>
/// The DPDK LDPC vectors against the transmit chain and rate recovery, for the scalar reference and every width:
/// encoder outputs bit-exact; HARQ outputs exact; noiseless decoder inputs recover to the twin codeword's signs.
/// </summary>
public sealed class LdpcTransmitConformanceTests
{
    public static TheoryData<string> EncoderVectors => MinimalVectorFile.Names("ldpc_enc_*.data");

    public static TheoryData<string> DecoderVectors => MinimalVectorFile.Names("ldpc_dec_*.data");

    [Theory]
    [MemberData(nameof(EncoderVectors))]
    public void EncoderVector_OutputIsBitExact(string name)
    {
        MinimalVectorFile vector = MinimalVectorFile.Load(name);
        Assert.Equal(1, vector.Int("code_block_mode", 1));
        Assert.True(vector.Flag("RATE_MATCH"), "every shipped LDPC encoder vector rate-matches");
        LdpcBlockParameters p = Parameters(vector);
        CrcType? crc = vector.Flag("CRC_24B_ATTACH") ? CrcType.Crc24B
            : vector.Flag("CRC_24A_ATTACH") ? CrcType.Crc24A
            : vector.Flag("CRC_16_ATTACH") ? CrcType.Crc16
            : null;
        byte[] input = vector.Bytes("input0");
        byte[] expected = vector.Bytes("output0");
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
        MinimalVectorFile vector = MinimalVectorFile.Load(name);
        LdpcBlockParameters p = Parameters(vector);
        sbyte[] llrs = (sbyte[])(Array)vector.Bytes("input0");
        sbyte[] harqInput = vector.Flag("HQ_COMBINE_IN_ENABLE") ? (sbyte[])(Array)vector.Bytes("harq_input0") : [];
        Assert.Equal(p.E, llrs.Length);
        foreach (SimdWidth width in TestWidths.All)
        {
            sbyte[] output = new sbyte[p.CompactLength];
            int length = LdpcRateRecovery.Recover(p, llrs, harqInput, output, width);
            if (vector.Flag("HQ_COMBINE_OUT_ENABLE"))
            {
                // test-bbdev compares min(produced - Zc, vector length) LLRs within a tolerance; we are exact.
                sbyte[] expected = (sbyte[])(Array)vector.Bytes("harq_output0");
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
    private static void AssertSignsMatchTwinCodeword(MinimalVectorFile vector, in LdpcBlockParameters p, sbyte[] output, int length, SimdWidth width)
    {
        byte[] hard = vector.Bytes("output0");
        byte[] information = new byte[(p.KPrime + 7) / 8];
        if (vector.Flag("CRC_TYPE_24B_DROP"))
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
            Assert.True(output[i] == (bit == 0 ? 127 : -127), $"{vector.Path}: width {width} position {i} holds {output[i]}, bit {bit}");
        }
    }

    private static LdpcBlockParameters Parameters(MinimalVectorFile vector) => new()
    {
        BaseGraph = vector.Int("basegraph"),
        Zc = vector.Int("z_c"),
        FillerBits = vector.Int("n_filler"),
        Ncb = vector.Int("n_cb"),
        Qm = vector.Int("q_m"),
        E = vector.Int("e"),
        RvIndex = vector.Int("rv_index"),
        K0Override = vector.Int("k0"),
        InterleaverBypass = vector.Flag("INTERLEAVER_BYPASS") || vector.Flag("DEINTERLEAVER_BYPASS"),
    };
}
