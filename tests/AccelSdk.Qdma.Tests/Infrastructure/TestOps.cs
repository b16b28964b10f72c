using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Core.Buffers;

namespace AccelSdk.Qdma.Tests.Infrastructure;

/// <summary>
/// Small LDPC ops for driver tests: base graph 2, Zc = 16 (K = 160), F = 8 (K′ = 152 bits, 19 bytes), Ncb = N = 800,
/// Qm = 2; with CRC24B attached the encoder input is 128 bits (16 bytes).
/// </summary>
internal static class TestOps
{
    public const int BaseGraph = 2;
    public const int Zc = 16;
    public const int Filler = 8;
    public const int KPrime = (10 * Zc) - Filler;
    public const int Ncb = 50 * Zc;
    public const int Qm = 2;
    public const int InputBytes = (KPrime - 24) / 8;

    public static byte[] Payload(int seed, int bytes = InputBytes)
    {
        var data = new byte[bytes];
        new Random(seed).NextBytes(data);
        return data;
    }

    public static DataBuffer Filled(BufferPool pool, ReadOnlySpan<byte> data)
    {
        DataBuffer buffer = pool.Rent() ?? throw new InvalidOperationException("pool exhausted");
        data.CopyTo(buffer.Append(data.Length));
        return buffer;
    }

    /// <summary>A chain of segments of at most <paramref name="segmentBytes"/> data each holding <paramref name="data"/>.</summary>
    public static DataBuffer Chained(BufferPool pool, ReadOnlySpan<byte> data, int segmentBytes)
    {
        DataBuffer? head = null;
        for (int offset = 0; offset < data.Length; offset += segmentBytes)
        {
            DataBuffer segment = Filled(pool, data.Slice(offset, Math.Min(segmentBytes, data.Length - offset)));
            if (head is null)
            {
                head = segment;
            }
            else
            {
                head.Chain(segment);
            }
        }

        return head ?? throw new ArgumentException("no data");
    }

    public static LdpcEncOp Enc(BufferPool pool, byte[] input, int e = 200, LdpcEncFlags flags = LdpcEncFlags.RateMatch | LdpcEncFlags.Crc24BAttach, ulong tag = 0)
    {
        var op = new LdpcEncOp
        {
            OpFlags = flags,
            BaseGraph = BaseGraph,
            Zc = Zc,
            NFiller = Filler,
            NCb = Ncb,
            Qm = Qm,
            RvIndex = 0,
            CodeBlockMode = CodeBlockMode.CodeBlock,
            CbParams = new LdpcCbParams(e),
            OpaqueData = tag,
        };
        op.Input.Set(Filled(pool, input), 0, input.Length);
        op.Output.Set(pool.Rent());
        return op;
    }

    public static LdpcDecOp Dec(BufferPool pool, sbyte[] llrs, LdpcDecFlags flags = LdpcDecFlags.Crc24BCheck | LdpcDecFlags.IterationStopEnable, ulong tag = 0)
    {
        var op = new LdpcDecOp
        {
            OpFlags = flags,
            BaseGraph = BaseGraph,
            Zc = Zc,
            NFiller = Filler,
            NCb = Ncb,
            Qm = Qm,
            RvIndex = 0,
            IterMax = 8,
            CodeBlockMode = CodeBlockMode.CodeBlock,
            CbParams = new LdpcCbParams(llrs.Length),
            OpaqueData = tag,
        };
        op.Input.Set(Filled(pool, (byte[])(Array)llrs), 0, llrs.Length);
        op.HardOutput.Set(pool.Rent());
        return op;
    }

    /// <summary>The stand-in's LLRs for <paramref name="input"/> with CRC24B over <paramref name="e"/> positions.</summary>
    public static sbyte[] LlrsFor(byte[] input, int e = 200) =>
        StandInEngine.Llrs(StandInEngine.Transmit(input, KPrime, CrcType.Crc24B, e), e);

    public static byte[] Produced(BbdevOpData data)
    {
        var bytes = new byte[data.Length];
        int skip = data.Offset;
        int written = 0;
        for (DataBuffer? segment = data.Data; segment is not null && written < bytes.Length; segment = segment.Next)
        {
            ReadOnlySpan<byte> span = segment.Data;
            if (skip >= span.Length)
            {
                skip -= span.Length;
                continue;
            }

            span = span[skip..];
            skip = 0;
            int take = Math.Min(span.Length, bytes.Length - written);
            span[..take].CopyTo(bytes.AsSpan(written));
            written += take;
        }

        Assert.Equal(bytes.Length, written);
        return bytes;
    }
}
