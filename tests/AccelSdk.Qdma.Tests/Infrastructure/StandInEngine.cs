using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Ldpc;
using AccelSdk.Qdma.Model;

namespace AccelSdk.Qdma.Tests.Infrastructure;

/// <summary>
/// A deterministic stand-in for the LDPC kernels, for tests of the queues, the driver and the model's job pipeline
/// that must not depend on the FEC math: the "code" repeats the K′ information bits (CRC attached for real) cyclically
/// over E positions, and the "decoder" sums the LLRs of each information bit (plus the HARQ input), takes signs,
/// and checks the CRC for real. Lengths and statuses follow <see cref="LdpcCodeBlockEngine"/>'s contract.
/// </summary>
internal sealed class StandInEngine : ILdpcCodeBlockEngine
{
    public int EncodeCalls;
    public int DecodeCalls;

    public static ILdpcCodeBlockEngine Create(AccelSdk.Bbdev.Fec.SimdWidth simd) => new StandInEngine();

    /// <summary>The bits the stand-in transmits for an information block: the K′ bits with the CRC appended.</summary>
    public static byte[] CodeBlock(ReadOnlySpan<byte> input, int kPrime, CrcType? attach)
    {
        var block = new byte[(kPrime + 7) / 8];
        int dataBits = kPrime - (attach is { } crc ? CrcCalculator.Length(crc) : 0);
        for (int i = 0; i < dataBits; i++)
        {
            SetBit(block, i, GetBit(input, i));
        }

        if (attach is { } type)
        {
            CrcCalculator.AttachReference(type, block, dataBits);
        }

        return block;
    }

    /// <summary>The stand-in's rate-matched output: bit i = code bit (i mod K′).</summary>
    public static byte[] Transmit(ReadOnlySpan<byte> input, int kPrime, CrcType? attach, int e)
    {
        byte[] block = CodeBlock(input, kPrime, attach);
        var output = new byte[(e + 7) / 8];
        for (int i = 0; i < e; i++)
        {
            SetBit(output, i, GetBit(block, i % kPrime));
        }

        return output;
    }

    /// <summary>Noiseless LLRs of bits (positive = 0, as bbdev).</summary>
    public static sbyte[] Llrs(ReadOnlySpan<byte> bits, int count, sbyte magnitude = 16)
    {
        var llrs = new sbyte[count];
        for (int i = 0; i < count; i++)
        {
            llrs[i] = GetBit(bits, i) ? (sbyte)-magnitude : magnitude;
        }

        return llrs;
    }

    public int Encode(in LdpcBlockParameters p, ReadOnlySpan<byte> input, CrcType? attach, Span<byte> output)
    {
        Interlocked.Increment(ref EncodeCalls);
        byte[] coded = Transmit(input, p.KPrime, attach, p.E);
        coded.CopyTo(output);
        return coded.Length;
    }

    public LdpcCodeBlockResult Decode(in LdpcBlockParameters p, ReadOnlySpan<sbyte> llrs, in LdpcDecodeSettings settings,
        Span<byte> hardOutput, ReadOnlySpan<sbyte> harqIn, Span<sbyte> harqOut)
    {
        Interlocked.Increment(ref DecodeCalls);
        int kPrime = p.KPrime;
        var soft = new int[kPrime];
        for (int i = 0; i < p.E; i++)
        {
            soft[i % kPrime] += llrs[i];
        }

        bool combineIn = !harqIn.IsEmpty;
        if (combineIn)
        {
            for (int j = 0; j < Math.Min(kPrime, harqIn.Length); j++)
            {
                soft[j] += harqIn[j];
            }
        }

        var block = new byte[(kPrime + 7) / 8];
        bool syndromeOk = true;
        for (int j = 0; j < kPrime; j++)
        {
            syndromeOk &= soft[j] != 0;
            SetBit(block, j, soft[j] < 0);
        }

        bool? crcOk = settings.CrcCheck is { } crc ? CrcCalculator.CheckReference(crc, block, kPrime) : null;
        int hardBits = settings.DecodeBypass ? 0 : kPrime - (settings.DropCrc24B ? 24 : 0);
        int hardBytes = (hardBits + 7) / 8;
        hardOutput[..hardBytes].Clear();
        for (int j = 0; j < hardBits; j++)
        {
            SetBit(hardOutput, j, GetBit(block, j));
        }

        int harqLength = 0;
        if (!harqOut.IsEmpty)
        {
            int inLength = combineIn ? Math.Min(harqIn.Length, p.CompactLength) : 0;
            harqLength = Math.Min(p.CompactLength, Math.Max(p.E, inLength));
            for (int i = 0; i < harqLength; i++)
            {
                int value = (i < inLength ? harqIn[i] : 0) + (i < p.E ? llrs[i] : 0);
                harqOut[i] = (sbyte)Math.Clamp(value, -127, 127);
            }
        }

        int iterations = settings.EarlyTermination && syndromeOk ? 1 : settings.IterMax;
        return new LdpcCodeBlockResult(iterations, syndromeOk, crcOk, hardBits, harqLength);
    }

    public static bool GetBit(ReadOnlySpan<byte> data, int bit) => ((data[bit >> 3] >> (7 - (bit & 7))) & 1) != 0;

    public static void SetBit(Span<byte> data, int bit, bool value)
    {
        byte mask = (byte)(0x80 >> (bit & 7));
        data[bit >> 3] = value ? (byte)(data[bit >> 3] | mask) : (byte)(data[bit >> 3] & ~mask);
    }
}
