using AccelSdk.Bbdev.TestVectors;

namespace AccelSdk.Bbdev.Tests.TestVectors;

/// <summary>
/// Every DPDK vector file parses, round-trips through the writer, and carries the values that the reference's
/// inventory (bbdev.md §5) lists for it.
/// </summary>
public sealed class ConformanceVectorTests
{
    public static TheoryData<string> Files() => ConformanceVectorFiles.Names();

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryFile_Parses(string name)
    {
        BbdevTestVector vector = BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf(name));

        string expectedPrefix = name.Split('_')[0] switch
        {
            "ldpc" => name.StartsWith("ldpc_dec", StringComparison.Ordinal) ? "RTE_BBDEV_OP_LDPC_DEC" : "RTE_BBDEV_OP_LDPC_ENC",
            "turbo" => name.StartsWith("turbo_dec", StringComparison.Ordinal) ? "RTE_BBDEV_OP_TURBO_DEC" : "RTE_BBDEV_OP_TURBO_ENC",
            "fft" => "RTE_BBDEV_OP_FFT",
            _ => "RTE_BBDEV_OP_NONE",
        };
        Assert.Equal(expectedPrefix, BbdevDpdkNames.GetOpTypeName(vector.OpType));
        Assert.Equal(ConformanceVectorFiles.PathOf(name), vector.FilePath);
        if (vector.OpType != BbdevOpType.None && vector.OpType != BbdevOpType.LdpcDec)
        {
            Assert.True(vector.GetTotalLength(BbdevVectorDataKind.Input) > 0, "input bytes");
        }
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryFile_RoundTripsThroughTheWriter(string name)
    {
        BbdevTestVector original = BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf(name));

        string written = BbdevTestVectorWriter.WriteToString(original);
        BbdevTestVector reread = BbdevTestVectorReader.Parse(written, name + " (rewritten)");

        Assert.Equal(original, reread);
        Assert.Equal(original.OpFlagTokens, reread.OpFlagTokens);
        Assert.Equal(written, BbdevTestVectorWriter.WriteToString(reread));
    }

    [Theory]
    [InlineData("ldpc_dec_v7813.data", 44, 5, 0, 0)]
    [InlineData("ldpc_dec_v8568.data", 6624, 82, 0, 0)]
    [InlineData("ldpc_dec_v9503.data", 36936, 470, 0, 0)]
    [InlineData("ldpc_dec_v2342_drop.data", 21592, 791, 0, 0)]
    [InlineData("ldpc_dec_HARQ_1_0.data", 4640, 483, 0, 4640)]
    [InlineData("ldpc_dec_HARQ_1_1.data", 4640, 483, 4672, 10440)]
    [InlineData("ldpc_enc_v7813.data", 5, 6, 0, 0)]
    [InlineData("ldpc_enc_v8568.data", 82, 828, 0, 0)]
    [InlineData("ldpc_enc_v9503.data", 470, 4617, 0, 0)]
    [InlineData("ldpc_enc_v2342.data", 791, 2699, 0, 0)]
    [InlineData("turbo_dec_c1_k40_r0_e17280_sbd_negllr.data", 192, 5, 0, 0)]
    [InlineData("turbo_dec_c1_k6144_r0_e10376_crc24b_sbd_negllr_high_snr.data", 18528, 768, 0, 0)]
    [InlineData("turbo_dec_c1_k6144_r0_e10376_crc24b_sbd_negllr_low_snr.data", 18528, 768, 0, 0)]
    [InlineData("turbo_dec_c1_k6144_r0_e34560_posllr.data", 18528, 768, 0, 0)]
    [InlineData("turbo_dec_c1_k6144_r0_e34560_sbd_negllr.data", 18528, 768, 0, 0)]
    [InlineData("turbo_dec_c2_k3136_r0_e4920_sbd_negllr_crc24b.data", 19008, 784, 0, 0)]
    [InlineData("turbo_enc_c1_k40_r0_e272_rm.data", 5, 34, 0, 0)]
    [InlineData("turbo_enc_c1_k40_r0_e1190_rm.data", 5, 149, 0, 0)]
    [InlineData("turbo_enc_c1_k40_r0_e1194_rm.data", 5, 150, 0, 0)]
    [InlineData("turbo_enc_c1_k6144_r0_e120_rm_rvidx.data", 768, 15, 0, 0)]
    [InlineData("turbo_enc_c1_k6144_r0_e18444.data", 768, 2306, 0, 0)]
    [InlineData("turbo_enc_c1_k6144_r0_e18448_crc24a.data", 765, 2306, 0, 0)]
    [InlineData("turbo_enc_c1_k6144_r0_e32256_crc24b_rm.data", 765, 4032, 0, 0)]
    [InlineData("fft_byp_28.data", 768, 768, 0, 0)]
    public void ByteCounts_MatchTheInventory(string name, int input, int output, int harqInput, int harqOutput)
    {
        BbdevTestVector vector = BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf(name));

        Assert.Equal(input, vector.GetTotalLength(BbdevVectorDataKind.Input));
        Assert.Equal(output, vector.GetTotalLength(BbdevVectorDataKind.Output));
        Assert.Equal(harqInput, vector.GetTotalLength(BbdevVectorDataKind.HarqInput));
        Assert.Equal(harqOutput, vector.GetTotalLength(BbdevVectorDataKind.HarqOutput));
        Assert.Equal(vector.GetTotalLength(BbdevVectorDataKind.Input) > 0 ? 1 : 0, vector.GetSegmentCount(BbdevVectorDataKind.Input));
    }

    [Fact]
    public void LdpcDecV9503_HasTheInventoryParameters()
    {
        BbdevTestVector v = BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf("ldpc_dec_v9503.data"));

        Assert.Equal(BbdevOpType.LdpcDec, v.OpType);
        LdpcVectorParameters p = v.Ldpc!;
        Assert.Equal((byte)2, p.Basegraph);
        Assert.Equal((ushort)384, p.ZC);
        Assert.Equal((ushort)56, p.NFiller);
        Assert.Equal((ushort)19200, p.NCb);
        Assert.Equal((byte)2, p.QM);
        Assert.Equal(36936u, p.E);
        Assert.Equal((byte)0, p.RvIndex);
        Assert.Equal((byte)3, p.ExpectedIterCount);
        Assert.Equal((byte)1, p.CodeBlockMode);
        Assert.Null(p.K0);
        Assert.Null(p.C);
        Assert.Equal(LdpcDecFlags.IterationStopEnable | LdpcDecFlags.Crc24BCheck | LdpcDecFlags.Crc24BDrop, v.LdpcDecFlags);
        Assert.Equal(
            ["RTE_BBDEV_LDPC_ITERATION_STOP_ENABLE", "RTE_BBDEV_LDPC_CRC_TYPE_24B_CHECK", "RTE_BBDEV_LDPC_CRC_TYPE_24B_DROP"],
            v.OpFlagTokens);
        Assert.Equal(BbdevOpStatus.None, v.ExpectedStatus);
        Assert.Equal(36936, v.GetLlrs(BbdevVectorDataKind.Input).Length);
        Assert.Empty(v.Warnings);

        // Noiseless vector: every LLR is ±127 (S8.1), first word 0x817F7F81 read little-endian.
        Assert.All(v.ToLlrArray(BbdevVectorDataKind.Input), llr => Assert.True(llr is 127 or -127));
        Assert.Null(v.Turbo);
        Assert.Null(v.LdpcEncFlags);
    }

    [Fact]
    public void LdpcEncV7813_OutputIsSixBytesWithAShortLastWord()
    {
        BbdevTestVector enc = BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf("ldpc_enc_v7813.data"));
        BbdevTestVector dec = BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf("ldpc_dec_v7813.data"));

        // input0 = 0x8C4DEB9F, 0x52; output0 = 0x1A6D0FA6, 0x7017.
        Assert.Equal(new byte[] { 0x9F, 0xEB, 0x4D, 0x8C, 0x52 }, enc.ToArray(BbdevVectorDataKind.Input));
        Assert.Equal(new byte[] { 0xA6, 0x0F, 0x6D, 0x1A, 0x17, 0x70 }, enc.ToArray(BbdevVectorDataKind.Output));
        Assert.Equal(LdpcEncFlags.RateMatch, enc.LdpcEncFlags);
        Assert.Equal(44u, enc.Ldpc!.E);
        Assert.Equal((ushort)7, enc.Ldpc.ZC);
        Assert.Equal((ushort)30, enc.Ldpc.NFiller);

        // Twin relation (bbdev.md §5.2): decoder hard output == encoder input; decoder LLR signs == encoder output bits.
        Assert.Equal(enc.ToArray(BbdevVectorDataKind.Input), dec.ToArray(BbdevVectorDataKind.Output));
        byte[] coded = enc.ToArray(BbdevVectorDataKind.Output);
        sbyte[] llrs = dec.ToLlrArray(BbdevVectorDataKind.Input);
        for (int i = 0; i < llrs.Length; i++)
        {
            int bit = (coded[i / 8] >> (7 - (i % 8))) & 1;
            Assert.Equal(bit == 0, llrs[i] > 0);
        }
    }

    [Fact]
    public void HarqVectors_CarryHarqBuffersAndStatus()
    {
        BbdevTestVector first = BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf("ldpc_dec_HARQ_1_0.data"));
        BbdevTestVector second = BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf("ldpc_dec_HARQ_1_1.data"));

        Assert.Equal(BbdevOpStatus.SyndromeError, first.ExpectedStatus);
        Assert.Equal((byte)20, first.Ldpc!.ExpectedIterCount);
        Assert.Equal(4640, first.GetTotalLength(BbdevVectorDataKind.HarqOutput));
        Assert.Equal(0, first.GetSegmentCount(BbdevVectorDataKind.HarqInput));

        Assert.Equal(4672, second.GetTotalLength(BbdevVectorDataKind.HarqInput));
        Assert.Equal(10440, second.GetTotalLength(BbdevVectorDataKind.HarqOutput));
        Assert.Equal((byte)2, second.Ldpc!.RvIndex);
        Assert.Equal((byte)4, second.Ldpc.ExpectedIterCount);
        Assert.Equal((ushort)176, second.Ldpc.ZC);
        Assert.Equal((byte)1, second.Ldpc.Basegraph);
        Assert.Equal(
            LdpcDecFlags.IterationStopEnable | LdpcDecFlags.HqCombineOutEnable | LdpcDecFlags.HqCombineInEnable,
            second.LdpcDecFlags);

        // The chain feeds each HARQ output, zero-padded to 64 bytes, into the next HARQ input (bbdev.md §3.6).
        sbyte[] previousOut = first.ToLlrArray(BbdevVectorDataKind.HarqOutput);
        sbyte[] nextIn = second.ToLlrArray(BbdevVectorDataKind.HarqInput);
        Assert.Equal(previousOut, nextIn[..previousOut.Length]);
        Assert.All(nextIn[previousOut.Length..], llr => Assert.Equal(0, llr));
    }

    [Fact]
    public void TurboDecoderTransportBlockVector_HasTbParameters()
    {
        BbdevTestVector v = BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf("turbo_dec_c2_k3136_r0_e4920_sbd_negllr_crc24b.data"));

        TurboVectorParameters p = v.Turbo!;
        Assert.Equal((byte)0, p.CodeBlockMode);
        Assert.Equal((byte)2, p.C);
        Assert.Equal((byte)1, p.Cab);
        Assert.Equal(4918u, p.Ea);
        Assert.Equal(4920u, p.Eb);
        Assert.Equal((byte)0, p.CNeg);
        Assert.Equal((ushort)3072, p.KNeg);
        Assert.Equal((ushort)3136, p.KPos);
        Assert.Equal((byte)0, p.R);
        Assert.Equal((byte)4, p.IterMin);
        Assert.Equal((byte)8, p.ExpectedIterCount);
        Assert.Equal((byte)15, p.ExtScale);
        Assert.Equal((byte)0, p.NumMaps);
        Assert.Equal(
            TurboDecFlags.SubblockDeinterleave | TurboDecFlags.NegLlr1BitIn | TurboDecFlags.CrcType24B | TurboDecFlags.DecTbCrc24BKeep,
            v.TurboDecFlags);
    }

    [Fact]
    public void TurboDecoderK40_HasSoftOutputAndRv1()
    {
        BbdevTestVector v = BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf("turbo_dec_c1_k40_r0_e17280_sbd_negllr.data"));

        Assert.Equal((byte)1, v.Turbo!.RvIndex);
        Assert.Equal((ushort)40, v.Turbo.K);
        Assert.Equal(17280u, v.Turbo.E);
        Assert.Equal(132, v.GetTotalLength(BbdevVectorDataKind.SoftOutput));
        Assert.Equal(
            TurboDecFlags.SoftOutput | TurboDecFlags.SubblockDeinterleave | TurboDecFlags.NegLlr1BitIn | TurboDecFlags.NegLlr1BitSoftOut,
            v.TurboDecFlags);
    }

    [Fact]
    public void TurboDecoderWithPositiveLlrs_KeepsItsSignConvention()
    {
        BbdevTestVector v = BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf("turbo_dec_c1_k6144_r0_e34560_posllr.data"));

        Assert.Equal(TurboDecFlags.PosLlr1BitIn, v.TurboDecFlags);
        Assert.Equal((byte)8, v.Turbo!.ExpectedIterCount);
        Assert.Equal((ushort)6144, v.Turbo.K);
    }

    [Fact]
    public void TurboEncoderWithoutOpFlags_HasNoFlagsAndWarns()
    {
        BbdevTestVector v = BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf("turbo_enc_c1_k6144_r0_e18444.data"));

        Assert.Equal(TurboEncFlags.None, v.TurboEncFlags);
        Assert.Empty(v.OpFlagTokens);
        Assert.Equal((ushort)18528, v.Turbo!.Ncb);
        Assert.Equal((ushort)6144, v.Turbo.K);
        Assert.Equal(18444u, v.Turbo.E);
        Assert.Contains(v.Warnings, w => w.Contains("op_flags was not specified", StringComparison.Ordinal));
    }

    [Fact]
    public void TurboEncoderRvIndexBypass_HasBothFlags()
    {
        BbdevTestVector v = BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf("turbo_enc_c1_k6144_r0_e120_rm_rvidx.data"));

        Assert.Equal(TurboEncFlags.RateMatch | TurboEncFlags.RvIndexBypass, v.TurboEncFlags);
        Assert.Equal((byte)1, v.Turbo!.RvIndex);
    }

    [Fact]
    public void FftBypass28_HasItsParameters()
    {
        BbdevTestVector v = BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf("fft_byp_28.data"));

        FftVectorParameters p = v.Fft!;
        Assert.Equal((ushort)24, p.InSequenceSize);
        Assert.Equal((ushort)0, p.InLeadingPadding);
        Assert.Equal((ushort)3, p.OutSequenceSize);
        Assert.Equal((ushort)0, p.OutLeadingDepadding);
        Assert.Equal(new byte[12], p.WindowIndex);
        Assert.Equal((ushort)255, p.CsBitmap);
        Assert.Equal((byte)3, p.NumAntennasLog2);
        Assert.Equal((byte)5, p.IfftLog2);
        Assert.Equal((byte)2, p.FftLog2);
        Assert.Equal((sbyte)0, p.CsTimeAdjustment);
        Assert.Equal((sbyte)2, p.IfftShift);
        Assert.Equal((sbyte)3, p.FftShift);
        Assert.Equal((ushort)4096, p.NcsReciprocal);
        Assert.Null(p.CsTheta0);
        Assert.Equal(FftFlags.CsAdjustment | FftFlags.Windowing | FftFlags.IdftBypass, v.FftFlags);
        Assert.Equal(new byte[6], p.GetPackedWindowIndex());
    }

    [Fact]
    public void NullVector_HasOnlyItsOpType()
    {
        BbdevTestVector v = BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf("bbdev_null.data"));

        Assert.Equal(BbdevOpType.None, v.OpType);
        Assert.Equal(0u, v.OpFlags);
        Assert.Null(v.Ldpc);
        Assert.Empty(v.Warnings);
        Assert.Equal(0, v.GetTotalLength(BbdevVectorDataKind.Input));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void EveryFile_CopiedThroughTheBuilder_IsEqual(string name)
    {
        BbdevTestVector original = BbdevTestVectorReader.Read(ConformanceVectorFiles.PathOf(name));

        BbdevTestVector copy = new BbdevTestVectorBuilder(original).Build();

        Assert.Equal(original, copy);
        Assert.Equal(original.GetHashCode(), copy.GetHashCode());
        Assert.Null(copy.FilePath);
    }

    [Fact]
    public void ReadDirectory_ReturnsOneResultPerFileInNameOrder()
    {
        string any = ConformanceVectorFiles.PathOf("bbdev_null.data");
        IReadOnlyList<BbdevTestVectorFileResult> results = BbdevTestVectorReader.ReadDirectory(Path.GetDirectoryName(any)!);

        Assert.Equal(Directory.GetFiles(Path.GetDirectoryName(any)!, "*.data").Length, results.Count);
        Assert.All(results, r => Assert.True(r.Succeeded, r.ToString()));
        Assert.Equal(results.Select(r => r.FilePath).Order(StringComparer.Ordinal), results.Select(r => r.FilePath));
    }
}
