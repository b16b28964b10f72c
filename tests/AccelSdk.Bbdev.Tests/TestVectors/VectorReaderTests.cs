using AccelSdk.Bbdev.TestVectors;

namespace AccelSdk.Bbdev.Tests.TestVectors;

/// <summary>The lexical rules, value syntax, defaults and checks of the vector format (bbdev.md §4).</summary>
public sealed class VectorReaderTests
{
    private const string Name = "t.data";

    // Three lines each, so the first entry after them is on line 4.
    private const string LdpcDecHead = "op_type =\nRTE_BBDEV_OP_LDPC_DEC\n\n";

    private const string LdpcEncHead = "op_type =\nRTE_BBDEV_OP_LDPC_ENC\n\n";

    private static BbdevTestVector Parse(string text) => BbdevTestVectorReader.Parse(text, Name);

    private static BbdevVectorFormatException ParseFails(string text) =>
        Assert.Throws<BbdevVectorFormatException>(() => BbdevTestVectorReader.Parse(text, Name));

    private static byte[] Input(string words) =>
        Parse(LdpcDecHead + "input0 =\n" + words + "\n").ToArray(BbdevVectorDataKind.Input);

    [Theory]
    [InlineData("0x7F817F81", new byte[] { 0x81, 0x7F, 0x81, 0x7F })]
    [InlineData("0x52", new byte[] { 0x52 })]
    [InlineData("0x7017", new byte[] { 0x17, 0x70 })]
    [InlineData("0xCBFA5D", new byte[] { 0x5D, 0xFA, 0xCB })]
    [InlineData("0x00c9", new byte[] { 0xC9, 0x00 })]
    [InlineData("0x8C4DEB9F, 0x52", new byte[] { 0x9F, 0xEB, 0x4D, 0x8C, 0x52 })]
    [InlineData("0x1A6D0FA6, 0x7017", new byte[] { 0xA6, 0x0F, 0x6D, 0x1A, 0x17, 0x70 })]
    [InlineData("0x00000001,0x00000002", new byte[] { 1, 0, 0, 0, 2, 0, 0, 0 })]
    public void DataWords_AreLittleEndianWithAShortLastWord(string words, byte[] expected)
    {
        Assert.Equal(expected, Input(words));
    }

    [Fact]
    public void DataWords_OddDigitCount_CountsTheLeadingBlankLikeDpdk()
    {
        // DPDK: bytes += (strlen(token) - 2) / 2, and a token after ", " starts with the blank.
        BbdevTestVector spaced = Parse(LdpcDecHead + "input0 =\n0xAABBCCDD, 0x123\n");
        BbdevTestVector tight = Parse(LdpcDecHead + "input0 =\n0xAABBCCDD,0x123\n");

        Assert.Equal(new byte[] { 0xDD, 0xCC, 0xBB, 0xAA, 0x23, 0x01 }, spaced.ToArray(BbdevVectorDataKind.Input));
        Assert.Equal(new byte[] { 0xDD, 0xCC, 0xBB, 0xAA, 0x23 }, tight.ToArray(BbdevVectorDataKind.Input));
        Assert.Contains(spaced.Warnings, w => w.StartsWith(Name + ":5: data word '0x123'", StringComparison.Ordinal));
    }

    [Fact]
    public void DataWords_ShortWordBeforeTheLast_KeepsTheWordImageAndWarns()
    {
        BbdevTestVector v = Parse(LdpcDecHead + "input0 =\n0x52, 0x11223344\n");

        // Image 52 00 00 00 44 33 22 11 cut to 1 + 4 bytes.
        Assert.Equal(new byte[] { 0x52, 0x00, 0x00, 0x00, 0x44 }, v.ToArray(BbdevVectorDataKind.Input));
        Assert.Contains(v.Warnings, w => w.Contains("short data word", StringComparison.Ordinal));
    }

    [Fact]
    public void DataWords_EmptyTokensBetweenCommasAreSkipped()
    {
        Assert.Equal(new byte[] { 1, 0, 0, 0, 2, 0, 0, 0 }, Input("0x00000001,, 0x00000002,"));
    }

    [Fact]
    public void Continuation_JoinsLinesWhileTheTextEndsWithCommaOrEquals()
    {
        BbdevTestVector v = Parse("""
            # comment
            / also a comment
            op_type = RTE_BBDEV_OP_LDPC_DEC
            input0 =
              0x00000001, 0x00000002,

              0x00000003
            output0 = 0x04030201
            e=
            44
            op_flags = RTE_BBDEV_LDPC_ITERATION_STOP_ENABLE,
            RTE_BBDEV_LDPC_CRC_TYPE_24B_CHECK
            expected_status = OK
            """);

        Assert.Equal(12, v.GetTotalLength(BbdevVectorDataKind.Input));
        Assert.Equal(new byte[] { 1, 2, 3, 4 }, v.ToArray(BbdevVectorDataKind.Output));
        Assert.Equal(44u, v.Ldpc!.E);
        Assert.Equal(LdpcDecFlags.IterationStopEnable | LdpcDecFlags.Crc24BCheck, v.LdpcDecFlags);
    }

    [Fact]
    public void CrLfLineEnds_AreAccepted()
    {
        BbdevTestVector v = Parse("op_type =\r\nRTE_BBDEV_OP_LDPC_ENC\r\n\r\ninput0 =\r\n0x52\r\noutput0 =\r\n0x7017\r\ne =\r\n44\r\ncode_block_mode =\r\n1\r\n");

        Assert.Equal(new byte[] { 0x52 }, v.ToArray(BbdevVectorDataKind.Input));
        Assert.Equal(44u, v.Ldpc!.E);
    }

    [Fact]
    public void ByteOrderMark_IsNotPartOfTheFirstLine()
    {
        BbdevTestVector v = Parse("\uFEFF# header\nop_type = RTE_BBDEV_OP_NONE\n");

        Assert.Equal(BbdevOpType.None, v.OpType);
    }

    [Theory]
    [InlineData("44", 44u)]
    [InlineData("0x2C", 44u)]
    [InlineData("0X2c", 44u)]
    [InlineData("054", 44u)]
    [InlineData("  44", 44u)]
    [InlineData("+44", 44u)]
    [InlineData("0", 0u)]
    [InlineData("4294967295", uint.MaxValue)]
    public void Scalars_UseCStrtoulSyntax(string text, uint expected)
    {
        BbdevTestVector v = Parse(LdpcDecHead + "e = " + text + "\n");

        Assert.Equal(expected, v.Ldpc!.E);
    }

    [Theory]
    [InlineData("ifft_shift = -2", -2)]
    [InlineData("ifft_shift = 127", 127)]
    [InlineData("ifft_shift = -128", -128)]
    [InlineData("ifft_shift = 254", -2)]
    public void SignedFields_AcceptNegativeAndDpdkWrappedValues(string entry, int expected)
    {
        BbdevTestVector v = Parse("op_type = RTE_BBDEV_OP_FFT\n" + entry + "\n");

        Assert.Equal((sbyte)expected, v.Fft!.IfftShift);
        Assert.Equal(expected == 127 || entry.Contains('-', StringComparison.Ordinal), !v.Warnings.Any(w => w.Contains("stored in a signed", StringComparison.Ordinal)));
    }

    [Fact]
    public void FftListKeys_TakeTwelveValues_AndWindowIndexPacksLowNibbleFirst()
    {
        BbdevTestVector v = Parse("""
            op_type = RTE_BBDEV_OP_FFT
            window_index = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
            cs_theta_0 = 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 65535
            cs_theta_d = 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x80000000
            time_offset = -1, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, -128
            fft_window_width = 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0
            freq_resample_mode = 2
            out_depadded_size = 36
            power_shift = 3
            fp16_exponent_adjust = 1
            dewin_input0 = 0x01020304
            power_output0 = 0x0A0B
            """);

        FftVectorParameters p = v.Fft!;
        Assert.Equal(Enumerable.Range(1, 12).Select(i => (byte)i), p.WindowIndex!);
        Assert.Equal(new byte[] { 0x21, 0x43, 0x65, 0x87, 0xA9, 0xCB }, p.GetPackedWindowIndex());
        Assert.Equal((ushort)65535, p.CsTheta0![11]);
        Assert.Equal(0x80000000u, p.CsThetaD![11]);
        Assert.Equal((sbyte)-128, p.TimeOffset![11]);
        Assert.Equal(5u, p.FftWindowWidth![0]);
        Assert.Equal((sbyte)2, p.FreqResampleMode);
        Assert.Equal(4, v.GetTotalLength(BbdevVectorDataKind.DewinInput));
        Assert.Equal(new byte[] { 0x0B, 0x0A }, v.ToArray(BbdevVectorDataKind.PowerOutput));
    }

    [Fact]
    public void MldtsVector_Parses()
    {
        BbdevTestVector v = Parse("""
            op_type = RTE_BBDEV_OP_MLDTS
            qhy_input0 = 0x01020304
            r_input0 = 0x05060708, 0x09
            output0 = 0x0A0B0C0D
            layers = 2
            layer1 = 4
            layer2 = 6
            crep = 1
            rrep = 2
            rbs = 273
            op_flags = RTE_BBDEV_MLDTS_REP
            expected_status = OK
            """);

        Assert.Equal(MldtsFlags.Rep, v.MldtsFlags);
        Assert.Equal(new MldtsVectorParameters { Layers = 2, Layer1 = 4, Layer2 = 6, Crep = 1, Rrep = 2, Rbs = 273 }, v.Mldts);
        Assert.Equal(5, v.GetTotalLength(BbdevVectorDataKind.RInput));
        Assert.Equal(4, v.GetTotalLength(BbdevVectorDataKind.QhyInput));
    }

    [Fact]
    public void Segments_NumberedInOrder_BecomeSeparateSegments()
    {
        BbdevTestVector v = Parse(LdpcDecHead + "input0 =\n0x01\ninput1 =\n0x0302\ninput2 = 0x06050403\n");

        Assert.Equal(3, v.GetSegmentCount(BbdevVectorDataKind.Input));
        Assert.Equal(new byte[] { 2, 3 }, v.GetBytes(BbdevVectorDataKind.Input, 1).ToArray());
        Assert.Equal(new byte[] { 1, 2, 3, 3, 4, 5, 6 }, v.ToArray(BbdevVectorDataKind.Input));
        Assert.Equal(7, v.GetTotalLength(BbdevVectorDataKind.Input));
    }

    [Fact]
    public void ExpectedStatus_TokensCombine()
    {
        Assert.Equal(BbdevOpStatus.SyndromeError, Parse(LdpcDecHead + "expected_status = SYN\n").ExpectedStatus);
        Assert.Equal(BbdevOpStatus.SyndromeError | BbdevOpStatus.CrcError, Parse(LdpcDecHead + "expected_status = SYNCRC\n").ExpectedStatus);
        Assert.Equal(BbdevOpStatus.DriverError | BbdevOpStatus.DataError | BbdevOpStatus.CrcError, Parse(LdpcDecHead + "expected_status = DMA, FCW, CRC\n").ExpectedStatus);
        Assert.Equal(BbdevOpStatus.None, Parse(LdpcDecHead + "expected_status = OK\n").ExpectedStatus);
    }

    [Fact]
    public void LdpcEncoderWithoutCodeBlockMode_UsesCodeBlockModeAndWarns()
    {
        // DPDK's own parser would put this vector in transport-block mode (bbdev.md §4.6); we do not copy that bug.
        BbdevTestVector v = Parse(LdpcEncHead + "input0 = 0x01\noutput0 = 0x02\ne = 8\n");

        Assert.Equal((byte)1, v.Ldpc!.CodeBlockMode);
        Assert.Contains(v.Warnings, w => w.StartsWith(Name + ":1: code_block_mode was not specified", StringComparison.Ordinal));
    }

    [Fact]
    public void TransportBlockModeWithoutC_DefaultsCToOne()
    {
        BbdevTestVector v = Parse(LdpcDecHead + "code_block_mode = 0\nea = 100\neb = 102\ncab = 1\nr = 0\n");

        Assert.Equal((byte)1, v.Ldpc!.C);
        Assert.Contains(v.Warnings, w => w.Contains("c was not specified in transport-block mode", StringComparison.Ordinal));
    }

    [Fact]
    public void TurboDecoderWithoutLlrSign_GetsNegativeLlrFlagsButKeepsItsTokens()
    {
        BbdevTestVector v = Parse("""
            op_type = RTE_BBDEV_OP_TURBO_DEC
            input0 = 0x01020304
            hard_output0 = 0x05
            soft_output0 = 0x06
            op_flags = RTE_BBDEV_TURBO_SOFT_OUTPUT, RTE_BBDEV_TURBO_SUBBLOCK_DEINTERLEAVE
            num_maps = 4
            """);

        Assert.Equal(
            TurboDecFlags.SoftOutput | TurboDecFlags.SubblockDeinterleave | TurboDecFlags.NegLlr1BitIn | TurboDecFlags.NegLlr1BitSoftOut,
            v.TurboDecFlags);
        Assert.Equal(["RTE_BBDEV_TURBO_SOFT_OUTPUT", "RTE_BBDEV_TURBO_SUBBLOCK_DEINTERLEAVE"], v.OpFlagTokens);
        Assert.Equal((byte)0, v.Turbo!.NumMaps);
        Assert.Contains(v.Warnings, w => w.StartsWith(Name + ":5: the input LLR sign convention", StringComparison.Ordinal));
        Assert.Contains(v.Warnings, w => w.Contains("num_maps = 4 is ignored", StringComparison.Ordinal));
    }

    [Fact]
    public void RepeatedScalarKey_LastValueWinsWithAWarning()
    {
        BbdevTestVector v = Parse(LdpcDecHead + "e = 10\ne = 12\n");

        Assert.Equal(12u, v.Ldpc!.E);
        Assert.Contains(v.Warnings, w => w == Name + ":5: 'e' given again (first on line 4); the later value is used");
    }

    [Fact]
    public void BlankOnlyLine_IsSkippedWithAWarning()
    {
        BbdevTestVector v = Parse(LdpcDecHead + "   \t\ne = 10\n");

        Assert.Equal(10u, v.Ldpc!.E);
        Assert.Contains(v.Warnings, w => w.StartsWith(Name + ":4: a line of only blanks", StringComparison.Ordinal));
    }

    [Fact]
    public void EmptySegment_IsZeroBytes_OnlyWithoutABlankBeforeTheWord()
    {
        BbdevTestVector empty = Parse(LdpcDecHead + "input0 =\n0x0\n");
        BbdevTestVector oneByte = Parse(LdpcDecHead + "input0 = 0x0\n");

        Assert.Equal(1, empty.GetSegmentCount(BbdevVectorDataKind.Input));
        Assert.Equal(0, empty.GetTotalLength(BbdevVectorDataKind.Input));
        Assert.Equal(new byte[] { 0 }, oneByte.ToArray(BbdevVectorDataKind.Input));
    }

    // ---- malformed input: one precise file:line error each ----

    [Fact]
    public void UnknownKey_IsAnErrorAtItsLine()
    {
        BbdevVectorFormatException e = ParseFails(LdpcDecHead + "e = 4\nbogus =\n1\n");

        Assert.Equal(5, e.LineNumber);
        Assert.Equal(Name, e.FilePath);
        Assert.StartsWith(Name + ":5: unknown key 'bogus' for RTE_BBDEV_OP_LDPC_DEC", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LegacyIterMax_InDecoderVectors_IsIgnoredWithAWarning()
    {
        BbdevTestVector ldpc = Parse(LdpcDecHead + "iter_max = 20\ne = 8\n");
        BbdevTestVector turbo = Parse("op_type = RTE_BBDEV_OP_TURBO_DEC\ninput0 = 0x01\nhard_output0 = 0x01\niter_max = 8\n");

        Assert.Equal(8u, ldpc.Ldpc!.E);
        Assert.Contains(ldpc.Warnings, w => w.StartsWith(Name + ":4: iter_max is a legacy key", StringComparison.Ordinal));
        Assert.DoesNotContain("iter_max", BbdevTestVectorWriter.WriteToString(ldpc), StringComparison.Ordinal);
        Assert.Contains(turbo.Warnings, w => w.Contains("iter_max is a legacy key", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("op_type = RTE_BBDEV_OP_TURBO_DEC\ninput0 = 0x01\nhard_output0 = 0x01\niter_max = 16\n", "4-bit field")]
    [InlineData("op_type = RTE_BBDEV_OP_LDPC_DEC\niter_max = x\n", "expects a number")]
    [InlineData("op_type = RTE_BBDEV_OP_LDPC_ENC\niter_max = 8\n", "unknown key 'iter_max'")]
    public void LegacyIterMax_IsStillChecked(string text, string reason)
    {
        Assert.Contains(reason, ParseFails(text).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("k = 40")]
    [InlineData("hard_output0 = 0x01")]
    [InlineData("ncb = 10")]
    public void KeysOfOtherOpTypes_AreUnknownForLdpc(string entry)
    {
        BbdevVectorFormatException e = ParseFails(LdpcDecHead + entry + "\n");

        Assert.StartsWith(Name + ":4: unknown key", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadHexWord_IsAnErrorAtTheLineOfTheWord()
    {
        BbdevVectorFormatException e = ParseFails(LdpcDecHead + "input0 =\n0x00000001, 0x00000002,\n0x00000003, 0x12G45678\n");

        Assert.Equal(Name + ":6: malformed data word '0x12G45678' in 'input0'", e.Message);
    }

    [Theory]
    [InlineData("0x123456789", "does not fit in 32 bits")]
    [InlineData("0x0123456789", "does not fit in 32 bits")]
    [InlineData("0x0000000001", "counts as 5 bytes")]
    [InlineData("0x00000001,  0x00000002", "counts as 5 bytes")]
    [InlineData("-1", "does not fit in 32 bits")]
    [InlineData("5", "too short")]
    [InlineData("0x", "malformed data word")]
    [InlineData(",", "has no data words")]
    public void DataWordsDpdkWouldMisread_AreErrors(string words, string reason)
    {
        BbdevVectorFormatException e = ParseFails(LdpcDecHead + "input0 =\n" + words + "\n");

        Assert.Equal(5, e.LineNumber);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FlagOfAnotherOpType_IsAnError()
    {
        BbdevVectorFormatException e = ParseFails(LdpcDecHead + "op_flags =\nRTE_BBDEV_LDPC_ITERATION_STOP_ENABLE,\nRTE_BBDEV_LDPC_RATE_MATCH\n");

        Assert.Equal(
            Name + ":6: op_flags token 'RTE_BBDEV_LDPC_RATE_MATCH' is a RTE_BBDEV_OP_LDPC_ENC flag, not valid for RTE_BBDEV_OP_LDPC_DEC",
            e.Message);
    }

    [Theory]
    [InlineData("RTE_BBDEV_LDPC_FOO", "unknown op_flags token 'RTE_BBDEV_LDPC_FOO'")]
    [InlineData("rte_bbdev_ldpc_crc_type_24b_check", "unknown op_flags token")]
    [InlineData("RTE_BBDEV_LDPC_INTERNAL_HARQ_MEMORY_FILLERS", "capability that DPDK's vector format does not accept")]
    public void BadFlagTokens_AreErrors(string token, string reason)
    {
        BbdevVectorFormatException e = ParseFails(LdpcDecHead + "op_flags = " + token + "\n");

        Assert.Equal(4, e.LineNumber);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void FirstEntryNotOpType_IsAnError()
    {
        BbdevVectorFormatException e = ParseFails("# header\n\nbasegraph =\n2\nop_type = RTE_BBDEV_OP_LDPC_DEC\n");

        Assert.Equal(Name + ":3: the first entry must be 'op_type', not 'basegraph'", e.Message);
    }

    [Theory]
    [InlineData("op_type = RTE_BBDEV_OP_LDPC_DECODE", "unknown op_type 'RTE_BBDEV_OP_LDPC_DECODE'")]
    [InlineData("op_type = rte_bbdev_op_ldpc_dec", "unknown op_type")]
    public void UnknownOpType_IsAnError(string entry, string reason)
    {
        BbdevVectorFormatException e = ParseFails(entry + "\n");

        Assert.Equal(1, e.LineNumber);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EmptyFile_IsAnError()
    {
        BbdevVectorFormatException e = ParseFails("# nothing\n\n");

        Assert.Contains("first entry of a vector file must be 'op_type'", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SegmentIndexGap_IsAnErrorAtTheOutOfOrderKey()
    {
        BbdevVectorFormatException e = ParseFails(LdpcDecHead + "input0 =\n0x01\n\ninput2 =\n0x02\n");

        Assert.Equal(Name + ":7: 'input2' is out of order: input0 must be followed by input1", e.Message);
    }

    [Theory]
    [InlineData("input1 = 0x01", "segments start at input0")]
    [InlineData("input = 0x01", "followed by a segment index")]
    [InlineData("input0x = 0x01", "followed by a segment index")]
    public void BadSegmentKeys_AreErrors(string entry, string reason)
    {
        BbdevVectorFormatException e = ParseFails(LdpcDecHead + entry + "\n");

        Assert.Equal(4, e.LineNumber);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void MoreThan64Segments_IsAnError()
    {
        string text = LdpcDecHead + string.Concat(Enumerable.Range(0, 65).Select(i => $"input{i} = 0x01\n"));

        BbdevVectorFormatException e = ParseFails(text);

        Assert.Equal(4 + 64, e.LineNumber);
        Assert.Contains("at most 64", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CommentInsideAContinuedValue_IsAnErrorAtTheCommentLine()
    {
        BbdevVectorFormatException e = ParseFails(LdpcDecHead + "input0 =\n0x00000001,\n# a comment\n0x00000002\n");

        Assert.Equal(Name + ":6: malformed data word '# a comment' in 'input0'", e.Message);
    }

    [Fact]
    public void BlankLineAfterKeyEquals_EndsTheEntryWithoutAValue()
    {
        BbdevVectorFormatException e = ParseFails(LdpcDecHead + "e =\n\n44\n");

        Assert.Equal(Name + ":4: missing value for 'e'", e.Message);
    }

    [Fact]
    public void MissingEquals_IsAnError()
    {
        BbdevVectorFormatException e = ParseFails(LdpcDecHead + "basegraph 2\n");

        Assert.Equal(Name + ":4: expected 'key = value' but found 'basegraph 2' (no '=')", e.Message);
    }

    [Fact]
    public void SecondEqualsInAValue_IsAnError()
    {
        BbdevVectorFormatException e = ParseFails(LdpcDecHead + "e = 4 = 5\n");

        Assert.Equal(4, e.LineNumber);
        Assert.Contains("unexpected '='", e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("q_m = 256", "does not fit its 8-bit field, 0..255")]
    [InlineData("z_c = 65536", "does not fit its 16-bit field")]
    [InlineData("e = 4294967296", "does not fit its 32-bit field")]
    [InlineData("e = 99999999999999999999999", "does not fit its 32-bit field")]
    [InlineData("rv_index = -1", "does not fit its 8-bit field")]
    [InlineData("q_m = 2x", "expects a number")]
    [InlineData("q_m = 08", "expects a number")]
    [InlineData("q_m = 2 ,", "expects a number")]
    [InlineData("q_m = two", "expects a number")]
    public void BadScalars_AreErrors(string entry, string reason)
    {
        BbdevVectorFormatException e = ParseFails(LdpcDecHead + entry + "\n");

        Assert.Equal(4, e.LineNumber);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("iter_min = 16", "4-bit field, 0..15")]
    [InlineData("iter_min = 15", null)]
    public void TurboIterMin_IsAFourBitField(string entry, string? reason)
    {
        string text = "op_type = RTE_BBDEV_OP_TURBO_DEC\ninput0 = 0x01\nhard_output0 = 0x01\n" + entry + "\n";
        if (reason is null)
        {
            Assert.Equal((byte)15, Parse(text).Turbo!.IterMin);
        }
        else
        {
            Assert.Contains(reason, ParseFails(text).Reason, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("window_index = 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0", "exactly 12 values; found 11")]
    [InlineData("window_index = 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0", "exactly 12 values; found more")]
    [InlineData("window_index = 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 16", "4-bit field")]
    [InlineData("time_offset = 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -129", "signed 8-bit field")]
    public void BadFftLists_AreErrors(string entry, string reason)
    {
        BbdevVectorFormatException e = ParseFails("op_type = RTE_BBDEV_OP_FFT\n" + entry + "\n");

        Assert.Equal(2, e.LineNumber);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("expected_status = BAD", "unknown expected_status token 'BAD'")]
    [InlineData("expected_status = OK, SYN", "cannot be OK and an error")]
    [InlineData("expected_status =,", "has no token")]
    [InlineData("expected_status = , OK", "unknown expected_status token ''")]
    public void BadExpectedStatus_IsAnError(string entry, string reason)
    {
        BbdevVectorFormatException e = ParseFails(LdpcDecHead + entry + "\n");

        Assert.Equal(4, e.LineNumber);
        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void CrcStatusForAnEncoder_IsAnError()
    {
        BbdevVectorFormatException e = ParseFails(LdpcEncHead + "expected_status = CRC\n");

        Assert.Contains("only valid for decoders", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void OpTypeTwice_IsAnError()
    {
        BbdevVectorFormatException e = ParseFails(LdpcDecHead + "op_type = RTE_BBDEV_OP_LDPC_DEC\n");

        Assert.Equal(Name + ":4: op_type given again (first on line 1)", e.Message);
    }

    [Fact]
    public void NoneVectorWithAnotherKey_IsAnError()
    {
        BbdevVectorFormatException e = ParseFails("op_type = RTE_BBDEV_OP_NONE\nexpected_status = OK\n");

        Assert.Equal(2, e.LineNumber);
        Assert.Contains("RTE_BBDEV_OP_NONE vectors have no key other than op_type", e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void HarqOutputFlagWithoutHarqOutput_IsAnErrorAtTheFlagsLine()
    {
        BbdevVectorFormatException e = ParseFails(LdpcDecHead + "input0 = 0x01\noutput0 = 0x01\nop_flags =\nRTE_BBDEV_LDPC_HQ_COMBINE_OUT_ENABLE\n");

        Assert.Equal(Name + ":6: RTE_BBDEV_LDPC_HQ_COMBINE_OUT_ENABLE is set but there is no harq_output0", e.Message);
    }

    [Theory]
    [InlineData("hard_output0 = 0x01\nop_flags = RTE_BBDEV_TURBO_POS_LLR_1_BIT_IN, RTE_BBDEV_TURBO_NEG_LLR_1_BIT_IN", "both RTE_BBDEV_TURBO_POS_LLR_1_BIT_IN and")]
    [InlineData("hard_output0 = 0x01\nop_flags = RTE_BBDEV_TURBO_DEC_TB_CRC_24B_KEEP", "needs RTE_BBDEV_TURBO_CRC_TYPE_24B")]
    [InlineData("hard_output0 = 0x01\nop_flags = RTE_BBDEV_TURBO_SOFT_OUTPUT", "no soft_output0")]
    [InlineData("e = 10", "needs hard_output0")]
    [InlineData("hard_output0 = 0x01\nop_flags = RTE_BBDEV_TURBO_DEC_INTERRUPTS", "capability that DPDK's vector format does not accept")]
    public void TurboDecoderChecks_AreErrors(string entries, string reason)
    {
        BbdevVectorFormatException e = ParseFails("op_type = RTE_BBDEV_OP_TURBO_DEC\ninput0 = 0x01\n" + entries + "\n");

        Assert.Contains(reason, e.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void EncoderWithoutOutput_IsAnError()
    {
        BbdevVectorFormatException e = ParseFails(LdpcEncHead + "input0 = 0x01\n");

        Assert.Equal(Name + ":1: an LDPC encoder vector needs output0", e.Message);
    }

    [Fact]
    public void ReadDirectory_ReportsBadFilesAndGoesOn()
    {
        string dir = Directory.CreateTempSubdirectory("bbdev-vectors-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(dir, "a_good.data"), "op_type = RTE_BBDEV_OP_NONE\n");
            File.WriteAllText(Path.Combine(dir, "b_bad.data"), "op_type = RTE_BBDEV_OP_NONE\nfoo = 1\n");
            File.WriteAllText(Path.Combine(dir, "c_good.data"), "op_type = RTE_BBDEV_OP_NONE\n");
            File.WriteAllText(Path.Combine(dir, "ignored.txt"), "not a vector");

            IReadOnlyList<BbdevTestVectorFileResult> results = BbdevTestVectorReader.ReadDirectory(dir);

            Assert.Equal(["a_good.data", "b_bad.data", "c_good.data"], results.Select(r => Path.GetFileName(r.FilePath)));
            Assert.True(results[0].Succeeded);
            Assert.False(results[1].Succeeded);
            BbdevVectorFormatException error = Assert.IsType<BbdevVectorFormatException>(results[1].Error);
            Assert.Equal(Path.Combine(dir, "b_bad.data") + ":2: RTE_BBDEV_OP_NONE vectors have no key other than op_type; found 'foo'", error.Message);
            Assert.True(results[2].Succeeded);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
