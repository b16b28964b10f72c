using System.Runtime.InteropServices;
using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Ldpc;
using AccelSdk.Bbdev.TestVectors.Harness;

namespace AccelSdk.Bbdev.TestVectors.Generation;

/// <summary>
/// Makes LDPC test vectors in DPDK's format from the SDK's scalar reference: an encoder vector (random information
/// bits → rate-matched bits) and its decoder twin (LLRs of those bits, noiseless or through AWGN → the decoded bits,
/// with the status and iteration count the reference decoder produces at <see cref="LdpcVectorSpec.IterMax"/>).
/// </summary>
/// <remarks>
/// Decoder expectations come from the readable scalar reference, which every SIMD width and every driver must match
/// bit for bit; noiseless vectors must decode, so they also check the reference itself against the encoder.
/// </remarks>
public static class LdpcVectorGenerator
{
    /// <summary>Generates the encoder vector (null when the spec has an explicit k0, which encoders lack) and the decoder twin.</summary>
    /// <exception cref="ArgumentException">The spec is invalid (the message names the field).</exception>
    /// <exception cref="InvalidOperationException">A noiseless decode failed: the reference chain is broken.</exception>
    public static (BbdevTestVector? Encoder, BbdevTestVector Decoder) Generate(LdpcVectorSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Validate(spec);
        var random = new Random(spec.Seed);
        LdpcCodeBlockEngine engine = LdpcCodeBlockEngine.Create(SimdWidth.Scalar);
        int blocks = spec.CodeBlocks;
        LdpcBlockParameters first = Parameters(spec, 0);
        int crcBits = spec.Crc is { } crc ? CrcCalculator.Length(crc) : 0;
        int infoBits = first.KPrime - crcBits;
        int inBytes = (infoBits + 7) >> 3;

        var input = new byte[inBytes * blocks];
        var encoded = new List<byte[]>();
        for (int r = 0; r < blocks; r++)
        {
            Span<byte> info = input.AsSpan(r * inBytes, inBytes);
            random.NextBytes(info);
            ClearTail(info, infoBits);
            LdpcBlockParameters p = Parameters(spec, r);
            var output = new byte[LdpcCodeBlockEngine.EncodedBytes(p)];
            engine.Encode(p, info, spec.Crc, output);
            encoded.Add(output);
        }

        BbdevTestVector? encoder = spec.K0 == 0 ? BuildEncoder(spec, input, encoded) : null;
        BbdevTestVector decoder = BuildDecoder(spec, engine, input, encoded, random);
        return (encoder, decoder);
    }

    /// <summary>
    /// Generates a HARQ chain like DPDK's <c>ldpc_dec_HARQ_1_*</c>: one code block transmitted with the given
    /// redundancy versions through AWGN at <see cref="LdpcVectorSpec.SnrDb"/>, each retransmission combined with the
    /// previous HARQ output (zero-padded to 64 bytes, as those vectors carry it).
    /// </summary>
    public static IReadOnlyList<BbdevTestVector> GenerateHarqChain(LdpcVectorSpec spec, IReadOnlyList<int> redundancyVersions)
    {
        ArgumentNullException.ThrowIfNull(spec);
        ArgumentNullException.ThrowIfNull(redundancyVersions);
        Validate(spec);
        if (spec.CodeBlocks != 1 || spec.SnrDb is null)
        {
            throw new ArgumentException("A HARQ chain needs one code block and an SNR.", nameof(spec));
        }

        var random = new Random(spec.Seed);
        LdpcCodeBlockEngine engine = LdpcCodeBlockEngine.Create(SimdWidth.Scalar);
        LdpcBlockParameters p0 = Parameters(spec, 0);
        int infoBits = p0.KPrime;
        var info = new byte[(infoBits + 7) >> 3];
        random.NextBytes(info);
        ClearTail(info, infoBits);

        var vectors = new List<BbdevTestVector>();
        sbyte[] harq = [];
        for (int t = 0; t < redundancyVersions.Count; t++)
        {
            LdpcBlockParameters p = p0 with { RvIndex = redundancyVersions[t] };
            var coded = new byte[LdpcCodeBlockEngine.EncodedBytes(p)];
            engine.Encode(p, info, null, coded);
            sbyte[] llrs = Llrs(coded, p.E, p.Qm, spec.SnrDb, random);
            var hard = new byte[info.Length];
            var harqOut = new sbyte[p.CompactLength];
            var settings = new LdpcDecodeSettings { IterMax = spec.IterMax, EarlyTermination = true };
            LdpcCodeBlockResult result = engine.Decode(p, InDeviceFormat(llrs), settings, hard, InDeviceFormat(harq), harqOut);
            sbyte[] harqInVectorFormat = InVectorFormat(harqOut.AsSpan(0, result.HarqLength));
            LdpcDecFlags flags = LdpcDecFlags.IterationStopEnable | LdpcDecFlags.HqCombineOutEnable | (t > 0 ? LdpcDecFlags.HqCombineInEnable : 0);
            BbdevOpStatus status = result.SyndromePassed ? BbdevOpStatus.None : BbdevOpStatus.SyndromeError;
            var builder = new BbdevTestVectorBuilder(BbdevOpType.LdpcDec)
            {
                Ldpc = Common(spec, p.RvIndex) with { E = (uint)p.E, ExpectedIterCount = (byte)Math.Max(1, result.Iterations) },
                ExpectedStatus = status,
            }
            .SetOpFlags(flags)
            .AddSegment(BbdevVectorDataKind.Input, MemoryMarshal.AsBytes(llrs.AsSpan()))
            .AddSegment(BbdevVectorDataKind.Output, info)
            .AddSegment(BbdevVectorDataKind.HarqOutput, MemoryMarshal.AsBytes(harqInVectorFormat.AsSpan()));
            if (t > 0)
            {
                var padded = new byte[(harq.Length + 63) / 64 * 64];
                MemoryMarshal.AsBytes(harq.AsSpan()).CopyTo(padded);
                builder.AddSegment(BbdevVectorDataKind.HarqInput, padded);
            }

            vectors.Add(builder.Build());
            harq = harqInVectorFormat;
        }

        return vectors;
    }

    private static BbdevTestVector BuildEncoder(LdpcVectorSpec spec, byte[] input, List<byte[]> encoded)
    {
        LdpcEncFlags flags = LdpcEncFlags.RateMatch
            | (spec.InterleaverBypass ? LdpcEncFlags.InterleaverBypass : 0)
            | spec.Crc switch
            {
                CrcType.Crc24A => LdpcEncFlags.Crc24AAttach,
                CrcType.Crc24B => LdpcEncFlags.Crc24BAttach,
                CrcType.Crc16 => LdpcEncFlags.Crc16Attach,
                _ => LdpcEncFlags.None,
            };
        var builder = new BbdevTestVectorBuilder(BbdevOpType.LdpcEnc) { Ldpc = Common(spec, spec.RvIndex) with { K0 = null } }
            .SetOpFlags(flags)
            .AddSegment(BbdevVectorDataKind.Input, input)
            .AddSegment(BbdevVectorDataKind.Output, encoded.SelectMany(b => b).ToArray());
        return builder.Build();
    }

    private static BbdevTestVector BuildDecoder(LdpcVectorSpec spec, LdpcCodeBlockEngine engine, byte[] input, List<byte[]> encoded, Random random)
    {
        LdpcDecFlags flags = LdpcDecFlags.IterationStopEnable
            | (spec.InterleaverBypass ? LdpcDecFlags.DeinterleaverBypass : 0)
            | (spec.DropCrc ? LdpcDecFlags.Crc24BDrop : 0)
            | spec.Crc switch
            {
                CrcType.Crc24A => LdpcDecFlags.Crc24ACheck,
                CrcType.Crc24B => LdpcDecFlags.Crc24BCheck,
                CrcType.Crc16 => LdpcDecFlags.Crc16Check,
                _ => LdpcDecFlags.None,
            };
        var settings = new LdpcDecodeSettings
        {
            IterMax = spec.IterMax,
            EarlyTermination = true,
            CrcCheck = spec.Crc,
            DropCrc24B = spec.DropCrc,
        };

        var llrs = new List<byte>();
        var hardAll = new List<byte>();
        BbdevOpStatus status = BbdevOpStatus.None;
        int iterations = 0;
        for (int r = 0; r < spec.CodeBlocks; r++)
        {
            LdpcBlockParameters p = Parameters(spec, r);
            sbyte[] blockLlrs = Llrs(encoded[r], p.E, p.Qm, spec.SnrDb, random);
            llrs.AddRange(MemoryMarshal.AsBytes(blockLlrs.AsSpan()).ToArray());
            int outBits = p.KPrime - (spec.DropCrc ? 24 : 0);
            var hard = new byte[(outBits + 7) >> 3];
            LdpcCodeBlockResult result = engine.Decode(p, InDeviceFormat(blockLlrs), settings, hard, default, default);
            iterations = Math.Max(iterations, result.Iterations);
            status |= result.SyndromePassed ? 0 : BbdevOpStatus.SyndromeError;
            status |= result.CrcPassed == false ? BbdevOpStatus.CrcError : 0;
            if (spec.SnrDb is null && (!result.SyndromePassed || result.CrcPassed == false))
            {
                throw new InvalidOperationException(
                    $"The noiseless decode of {spec.Describe()} code block {r} does not succeed within {spec.IterMax} iterations: too few bits are transmitted (raise E, or use rv 0 or 3, which start at the systematic bits).");
            }

            // Expected hard output: what the reference returns when its parity check passes (with noise that may even
            // be another codeword, which a CRC then flags); else what was sent (test-bbdev skips it on SYNDROME).
            byte[] sent = ExpectedHard(input, r, p, spec);
            if (spec.SnrDb is null && !sent.AsSpan().SequenceEqual(hard))
            {
                throw new InvalidOperationException($"The noiseless decode of {spec.Describe()} code block {r} returned other bits than were sent.");
            }

            hardAll.AddRange(result.SyndromePassed ? hard : sent);
        }

        var builder = new BbdevTestVectorBuilder(BbdevOpType.LdpcDec)
        {
            Ldpc = Common(spec, spec.RvIndex) with { ExpectedIterCount = (byte)Math.Max(1, iterations) },
            ExpectedStatus = status,
        }
        .SetOpFlags(flags)
        .AddSegment(BbdevVectorDataKind.Input, llrs.ToArray())
        .AddSegment(BbdevVectorDataKind.Output, hardAll.ToArray());
        return builder.Build();
    }

    /// <summary>The bits a decoder must return for block r: the information bits plus the attached CRC, minus a dropped CRC.</summary>
    private static byte[] ExpectedHard(byte[] input, int r, LdpcBlockParameters p, LdpcVectorSpec spec)
    {
        int crcBits = spec.Crc is { } crc ? CrcCalculator.Length(crc) : 0;
        int infoBits = p.KPrime - crcBits;
        int inBytes = (infoBits + 7) >> 3;
        var block = new byte[(p.KPrime + 7) >> 3];
        input.AsSpan(r * inBytes, inBytes).CopyTo(block);
        if (spec.Crc is { } type)
        {
            CrcCalculator.AttachReference(type, block, infoBits);
        }

        int outBits = p.KPrime - (spec.DropCrc ? 24 : 0);
        var result = block.AsSpan(0, (outBits + 7) >> 3).ToArray();
        ClearTail(result, outBits);
        return result;
    }

    // Files hold S8.1 LLRs (the DPDK convention); expectations are what the software decoder returns for them in
    // its own format (LdpcDecoder.LlrDecimals), after the same shift the runner applies, and HARQ outputs go back to
    // S8.1 the way the runner compares them, so that the next transmission's HARQ input is exactly what a run feeds.
    private static sbyte[] InDeviceFormat(ReadOnlySpan<sbyte> vectorLlrs)
    {
        var device = new sbyte[vectorLlrs.Length];
        VectorLlrFormat.ToDevice(vectorLlrs, device, 8, LdpcDecoder.LlrDecimals);
        return device;
    }

    private static sbyte[] InVectorFormat(ReadOnlySpan<sbyte> deviceLlrs)
    {
        var vector = new sbyte[deviceLlrs.Length];
        VectorLlrFormat.ToVector(deviceLlrs, vector, 8, LdpcDecoder.LlrDecimals);
        return vector;
    }

    private static sbyte[] Llrs(byte[] coded, int e, int qm, double? snrDb, Random random)
    {
        var clean = new sbyte[e];
        for (int i = 0; i < e; i++)
        {
            clean[i] = (coded[i >> 3] & (0x80 >> (i & 7))) != 0 ? (sbyte)-127 : (sbyte)127;
        }

        if (snrDb is not { } snr)
        {
            return clean;
        }

        var noisy = new sbyte[e];
        new AwgnLlrGenerator(snr, 8, 1, random.Next()).Generate(clean, qm, noisy);
        return noisy;
    }

    private static LdpcVectorParameters Common(LdpcVectorSpec spec, int rv)
    {
        bool tb = spec.CodeBlocks > 1;
        return new LdpcVectorParameters
        {
            Basegraph = (byte)spec.BaseGraph,
            ZC = (ushort)spec.Zc,
            NFiller = (ushort)spec.Filler,
            NCb = (ushort)(spec.Ncb == 0 ? (spec.BaseGraph == 1 ? 66 : 50) * spec.Zc : spec.Ncb),
            QM = (byte)spec.Qm,
            RvIndex = (byte)rv,
            K0 = spec.K0 == 0 ? null : (ushort)spec.K0,
            CodeBlockMode = (byte)(tb ? 0 : 1),
            E = tb ? null : (uint)spec.E,
            Ea = tb ? (uint)spec.E : null,
            Eb = tb ? (uint)(spec.Eb == 0 ? spec.E : spec.Eb) : null,
            C = tb ? (byte)spec.CodeBlocks : null,
            Cab = tb ? (byte)spec.Cab : null,
            R = tb ? (byte)0 : null,
        };
    }

    private static LdpcBlockParameters Parameters(LdpcVectorSpec spec, int r) => new()
    {
        BaseGraph = spec.BaseGraph,
        Zc = spec.Zc,
        FillerBits = spec.Filler,
        Ncb = spec.Ncb,
        Qm = spec.Qm,
        RvIndex = spec.RvIndex,
        K0Override = spec.K0,
        E = spec.CodeBlocks > 1 && r >= spec.Cab && spec.Eb != 0 ? spec.Eb : spec.E,
        InterleaverBypass = spec.InterleaverBypass,
    };

    private static void Validate(LdpcVectorSpec spec)
    {
        if (spec.CodeBlocks is < 1 or > 255)
        {
            throw new ArgumentException($"CodeBlocks = {spec.CodeBlocks} is invalid: allowed [1, 255].", nameof(spec));
        }

        if (spec.DropCrc && spec.Crc != CrcType.Crc24B)
        {
            throw new ArgumentException("DropCrc needs Crc = Crc24B.", nameof(spec));
        }

        if (spec.IterMax is < 1 or > LdpcDecoder.MaxIterationsLimit)
        {
            throw new ArgumentException($"IterMax = {spec.IterMax} is invalid: allowed [1, {LdpcDecoder.MaxIterationsLimit}].", nameof(spec));
        }

        for (int r = 0; r < spec.CodeBlocks; r++)
        {
            Parameters(spec, r).ThrowIfInvalid();
        }
    }

    private static void ClearTail(Span<byte> bytes, int bits)
    {
        int spare = (bytes.Length * 8) - bits;
        if (spare > 0)
        {
            bytes[^1] &= (byte)(0xFF << spare);
        }
    }
}
