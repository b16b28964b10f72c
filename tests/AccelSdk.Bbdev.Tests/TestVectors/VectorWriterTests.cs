using AccelSdk.Bbdev.TestVectors;
using FsCheck;
using FsCheck.Fluent;

namespace AccelSdk.Bbdev.Tests.TestVectors;

/// <summary>The writer's layout, and read(write(v)) == v for generated vectors of every op type.</summary>
public sealed class VectorWriterTests
{
    [Fact]
    public void Write_LdpcEncoder_MatchesDpdkLayout()
    {
        BbdevTestVector vector = new BbdevTestVectorBuilder(BbdevOpType.LdpcEnc)
        {
            Ldpc = new LdpcVectorParameters { Basegraph = 2, ZC = 7, NCb = 350, QM = 2, NFiller = 30, E = 44, RvIndex = 0 },
        }
            .SetOpFlags(LdpcEncFlags.RateMatch)
            .AddSegment(BbdevVectorDataKind.Input, [0x9F, 0xEB, 0x4D, 0x8C, 0x52])
            .AddSegment(BbdevVectorDataKind.Output, [0xA6, 0x0F, 0x6D, 0x1A, 0x17, 0x70])
            .Build();

        string text = BbdevTestVectorWriter.WriteToString(vector);

        Assert.Equal(
            """
            # DPDK test-bbdev vector written by AccelSdk

            op_type =
            RTE_BBDEV_OP_LDPC_ENC

            input0 =
            0x8C4DEB9F, 0x52

            output0 =
            0x1A6D0FA6, 0x7017

            basegraph =
            2

            z_c =
            7

            n_cb =
            350

            q_m =
            2

            n_filler =
            30

            e =
            44

            rv_index =
            0

            code_block_mode =
            1

            op_flags =
            RTE_BBDEV_LDPC_RATE_MATCH

            expected_status =
            OK

            """,
            text);
    }

    [Theory]
    [InlineData(1, "0x01")]
    [InlineData(2, "0x0201")]
    [InlineData(3, "0x030201")]
    [InlineData(4, "0x04030201")]
    [InlineData(5, "0x04030201, 0x05")]
    [InlineData(7, "0x04030201, 0x070605")]
    [InlineData(8, "0x04030201, 0x08070605")]
    public void Write_ShortLastWord_HasTwoDigitsPerByte(int length, string words)
    {
        byte[] data = Enumerable.Range(1, length).Select(i => (byte)i).ToArray();
        BbdevTestVector vector = new BbdevTestVectorBuilder(BbdevOpType.LdpcDec).AddSegment(BbdevVectorDataKind.Input, data).Build();

        string text = BbdevTestVectorWriter.WriteToString(vector);

        Assert.Contains("input0 =\n" + words + "\n", text, StringComparison.Ordinal);
        Assert.Equal(data, BbdevTestVectorReader.Parse(text).ToArray(BbdevVectorDataKind.Input));
    }

    [Fact]
    public void Write_PutsEightWordsPerLine()
    {
        BbdevTestVector vector = new BbdevTestVectorBuilder(BbdevOpType.LdpcDec).AddSegment(BbdevVectorDataKind.Input, new byte[17 * 4 + 1]).Build();

        string text = BbdevTestVectorWriter.WriteToString(vector);
        string[] dataLines = text.Split('\n').SkipWhile(l => l != "input0 =").Skip(1).TakeWhile(l => l.Length > 0).ToArray();

        Assert.Equal(3, dataLines.Length);
        Assert.Equal(8, dataLines[0].Split(", ").Length);
        Assert.EndsWith(",", dataLines[0], StringComparison.Ordinal);
        Assert.Equal("0x00000000, 0x00", dataLines[2]);
    }

    [Fact]
    public void Write_EmptySegmentAndNoneVector_RoundTrip()
    {
        BbdevTestVector empty = new BbdevTestVectorBuilder(BbdevOpType.LdpcDec).AddSegment(BbdevVectorDataKind.Input, []).Build();
        BbdevTestVector none = new BbdevTestVectorBuilder(BbdevOpType.None).Build();

        Assert.Equal(empty, BbdevTestVectorReader.Parse(BbdevTestVectorWriter.WriteToString(empty)));
        Assert.Equal("# DPDK test-bbdev vector written by AccelSdk\n\nop_type =\nRTE_BBDEV_OP_NONE\n", BbdevTestVectorWriter.WriteToString(none));
        Assert.Equal(none, BbdevTestVectorReader.Parse(BbdevTestVectorWriter.WriteToString(none)));
    }

    [Fact]
    public void Write_AlwaysWritesCodeBlockModeAndExpectedStatus()
    {
        BbdevTestVector vector = new BbdevTestVectorBuilder(BbdevOpType.LdpcEnc)
            .AddSegment(BbdevVectorDataKind.Input, [1])
            .AddSegment(BbdevVectorDataKind.Output, [2])
            .Build();

        string text = BbdevTestVectorWriter.WriteToString(vector);

        Assert.Contains("code_block_mode =\n1\n", text, StringComparison.Ordinal);
        Assert.Contains("expected_status =\nOK\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("op_flags", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(BbdevOpStatus.SyndromeError | BbdevOpStatus.CrcError, "SYNCRC")]
    [InlineData(BbdevOpStatus.CrcError, "CRC")]
    [InlineData(BbdevOpStatus.DriverError | BbdevOpStatus.DataError | BbdevOpStatus.SyndromeError, "DMA, FCW, SYN")]
    public void Write_ExpectedStatusTokens(BbdevOpStatus status, string tokens)
    {
        BbdevTestVector vector = new BbdevTestVectorBuilder(BbdevOpType.LdpcDec) { ExpectedStatus = status }.Build();

        string text = BbdevTestVectorWriter.WriteToString(vector);

        Assert.Contains("expected_status =\n" + tokens + "\n", text, StringComparison.Ordinal);
        Assert.Equal(status, BbdevTestVectorReader.Parse(text).ExpectedStatus);
    }

    [Fact]
    public void WriteFile_ThenRead_GivesTheSameVector()
    {
        BbdevTestVector vector = new BbdevTestVectorBuilder(BbdevOpType.TurboEnc) { Turbo = new TurboVectorParameters { K = 40, E = 272, Ncb = 192 } }
            .SetOpFlags(TurboEncFlags.RateMatch)
            .AddSegment(BbdevVectorDataKind.Input, [1, 2, 3, 4, 5])
            .AddSegment(BbdevVectorDataKind.Output, [6, 7])
            .Build();
        string path = Path.Combine(Path.GetTempPath(), $"accelsdk-{Guid.NewGuid():N}.data");
        try
        {
            BbdevTestVectorWriter.WriteFile(vector, path);
            BbdevTestVector reread = BbdevTestVectorReader.Read(path);

            Assert.Equal(vector, reread);
            Assert.Equal(path, reread.FilePath);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void SixtyFourLargeSegments_RoundTrip()
    {
        var random = new Random(7);
        var builder = new BbdevTestVectorBuilder(BbdevOpType.LdpcDec);
        for (int i = 0; i < BbdevTestVector.MaxSegments; i++)
        {
            var segment = new byte[8448 + i];
            random.NextBytes(segment);
            builder.AddSegment(BbdevVectorDataKind.Input, segment);
        }

        BbdevTestVector vector = builder.Build();
        BbdevTestVector reread = BbdevTestVectorReader.Parse(BbdevTestVectorWriter.WriteToString(vector));

        Assert.Equal(vector, reread);
        Assert.Equal(BbdevTestVector.MaxSegments, reread.GetSegmentCount(BbdevVectorDataKind.Input));
    }

    [Fact]
    public void RandomLdpcVectors_RoundTrip()
    {
        Prop.ForAll(LdpcVectors().ToArbitrary(), RoundTrips).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void RandomVectorsOfEveryOpType_RoundTrip()
    {
        Prop.ForAll(AnyVectors().ToArbitrary(), RoundTrips).QuickCheckThrowOnFailure();
    }

    private static bool RoundTrips(BbdevTestVector vector)
    {
        string text = BbdevTestVectorWriter.WriteToString(vector);
        BbdevTestVector reread = BbdevTestVectorReader.Parse(text, "generated.data");
        return reread.Equals(vector)
            && reread.OpFlagTokens.SequenceEqual(vector.OpFlagTokens)
            && BbdevTestVectorWriter.WriteToString(reread) == text;
    }

    private static Gen<T?> OrNull<T>(Gen<T> gen)
        where T : struct =>
        Gen.Frequency((1, Gen.Constant<T?>(null)), (3, gen.Select(v => (T?)v)));

    private static Gen<byte> Bytes(int max = byte.MaxValue) => Gen.Choose(0, max).Select(v => (byte)v);

    private static Gen<ushort> UShorts() => Gen.Choose(0, ushort.MaxValue).Select(v => (ushort)v);

    private static Gen<uint> UInts() => Gen.Zip(Gen.Choose(0, ushort.MaxValue), Gen.Choose(0, ushort.MaxValue)).Select(t => ((uint)t.Item1 << 16) | (uint)t.Item2);

    private static Gen<byte[]> Data() => Gen.Choose(0, 37).SelectMany(n => Bytes().ArrayOf(n));

    /// <summary>LDPC encoder/decoder vectors with every parameter independently absent or random.</summary>
    private static Gen<BbdevTestVector> LdpcVectors() =>
        from isDecoder in Gen.Elements(true, false)
        from e in OrNull(UInts())
        from ea in OrNull(UInts())
        from eb in OrNull(UInts())
        from c in OrNull(Bytes())
        from cab in OrNull(Bytes())
        from r in OrNull(Bytes())
        from rv in OrNull(Bytes(3))
        from k0 in OrNull(UShorts())
        from ncb in OrNull(UShorts())
        from qm in OrNull(Gen.Elements<byte>(1, 2, 4, 6, 8))
        from bg in OrNull(Gen.Elements<byte>(1, 2))
        from zc in OrNull(UShorts())
        from filler in OrNull(UShorts())
        from iterations in OrNull(Bytes())
        from mode in Gen.Elements<byte>(0, 1)
        from flagBits in Gen.Choose(0, int.MaxValue)
        from status in Gen.Elements(BbdevOpStatus.None, BbdevOpStatus.SyndromeError, BbdevOpStatus.CrcError | BbdevOpStatus.SyndromeError, BbdevOpStatus.DataError)
        from segments in Gen.Zip(Data().ArrayOf(), Data().ArrayOf()).Select(t => (Inputs: t.Item1, Outputs: t.Item2))
        from harqIn in Data().ArrayOf()
        from harqOut in Data().ArrayOf()
        from softOut in Data().ArrayOf()
        select BuildLdpc(
            isDecoder,
            new LdpcVectorParameters
            {
                E = e, Ea = ea, Eb = eb, C = c, Cab = cab, R = r, RvIndex = rv, NCb = ncb, QM = qm, Basegraph = bg, ZC = zc,
                NFiller = filler, CodeBlockMode = mode,
                K0 = isDecoder ? k0 : null,
                ExpectedIterCount = isDecoder ? iterations : null,
            },
            (uint)flagBits,
            status,
            segments.Inputs,
            segments.Outputs,
            (harqIn, harqOut, softOut));

    private static BbdevTestVector BuildLdpc(
        bool isDecoder, LdpcVectorParameters parameters, uint flagBits, BbdevOpStatus status, byte[][] inputs, byte[][] outputs, (byte[][], byte[][], byte[][]) harq)
    {
        BbdevOpType type = isDecoder ? BbdevOpType.LdpcDec : BbdevOpType.LdpcEnc;
        var builder = new BbdevTestVectorBuilder(type)
        {
            Ldpc = parameters,
            OpFlags = flagBits & BbdevDpdkNames.GetVectorFileFlags(type),
            ExpectedStatus = isDecoder ? status : status & ~BbdevOpStatus.CrcError,
        };
        AddAll(builder, BbdevVectorDataKind.Input, inputs, required: !isDecoder);
        AddAll(builder, BbdevVectorDataKind.Output, outputs, required: !isDecoder);
        if (isDecoder)
        {
            var flags = (LdpcDecFlags)builder.OpFlags;
            AddAll(builder, BbdevVectorDataKind.HarqInput, harq.Item1, required: false);
            AddAll(builder, BbdevVectorDataKind.HarqOutput, harq.Item2, required: (flags & LdpcDecFlags.HqCombineOutEnable) != 0);
            AddAll(builder, BbdevVectorDataKind.SoftOutput, harq.Item3, required: (flags & LdpcDecFlags.SoftOutEnable) != 0);
        }

        return builder.Build();
    }

    /// <summary>Vectors of every op type, with each key the op type accepts absent or random within its field.</summary>
    private static Gen<BbdevTestVector> AnyVectors() =>
        from type in Gen.Elements(BbdevDpdkNames.OpTypes.ToArray())
        from values in Gen.Choose(0, int.MaxValue).ArrayOf(64)
        from present in Gen.Choose(0, 3).ArrayOf(64)
        from flagBits in Gen.Choose(0, int.MaxValue)
        from statusBits in Gen.Choose(0, 15)
        from data in Data().ArrayOf(3).ArrayOf(9)
        select BuildAny(type, values, present, (uint)flagBits, (BbdevOpStatus)statusBits, data);

    private static BbdevTestVector BuildAny(BbdevOpType type, int[] randoms, int[] present, uint flagBits, BbdevOpStatus status, byte[][][] data)
    {
        VectorSchema schema = VectorSchema.For(type);
        var builder = new BbdevTestVectorBuilder(type);
        object? parameters = schema.CreateParameters?.Invoke();
        int next = 0;
        foreach (IVectorField field in schema.Fields)
        {
            var values = new long[field.Count];
            (long min, long max) = VectorSchema.Range(field.Width);
            for (int i = 0; i < values.Length; i++)
            {
                values[i] = min + ((long)(uint)randoms[(next + i) % randoms.Length] * 7919 % (max - min + 1));
            }

            // code_block_mode must be 0 or 1 to mean something; the others are free within their field.
            if (field.Key == "code_block_mode")
            {
                values[0] &= 1;
            }

            if (present[next % present.Length] != 0 || field.Key == "code_block_mode")
            {
                parameters = field.Set(parameters!, values);
            }

            next++;
        }

        builder.Ldpc = parameters as LdpcVectorParameters;
        builder.Turbo = parameters as TurboVectorParameters;
        builder.Fft = parameters as FftVectorParameters;
        builder.Mldts = parameters as MldtsVectorParameters;

        uint flags = flagBits & BbdevDpdkNames.GetVectorFileFlags(type);
        if (type == BbdevOpType.TurboDec)
        {
            // Keep to what DPDK accepts: one LLR sign per direction, KEEP only with CRC24B.
            var f = (TurboDecFlags)flags;
            if ((f & TurboDecFlags.NegLlr1BitIn) != 0)
            {
                f &= ~TurboDecFlags.PosLlr1BitIn;
            }

            if ((f & TurboDecFlags.NegLlr1BitSoftOut) != 0)
            {
                f &= ~TurboDecFlags.PosLlr1BitSoftOut;
            }

            if ((f & TurboDecFlags.DecTbCrc24BKeep) != 0)
            {
                f |= TurboDecFlags.CrcType24B;
            }

            flags = (uint)f;
        }

        builder.OpFlags = flags;
        if (type == BbdevOpType.None)
        {
            status = BbdevOpStatus.None;
        }
        else if (type is not (BbdevOpType.LdpcDec or BbdevOpType.TurboDec) && (status & BbdevOpStatus.CrcError) != 0)
        {
            status |= BbdevOpStatus.SyndromeError;
        }

        builder.ExpectedStatus = status;
        foreach ((string _, BbdevVectorDataKind kind) in schema.DataKeys)
        {
            AddAll(builder, kind, data[(int)kind], required: true);
        }

        return builder.Build();
    }

    private static void AddAll(BbdevTestVectorBuilder builder, BbdevVectorDataKind kind, byte[][] segments, bool required)
    {
        foreach (byte[] segment in segments.Take(BbdevTestVector.MaxSegments))
        {
            builder.AddSegment(kind, segment);
        }

        if (required && segments.Length == 0)
        {
            builder.AddSegment(kind, [0x5A]);
        }
    }
}
