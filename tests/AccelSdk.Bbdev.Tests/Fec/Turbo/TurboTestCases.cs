using AccelSdk.Bbdev.Fec.Turbo;
using FsCheck;
using FsCheck.Fluent;

namespace AccelSdk.Bbdev.Tests.Fec.Turbo;

/// <summary>Random code blocks and inputs for the turbo tests.</summary>
internal static class TurboTestCases
{
    public static readonly int[] BlockSizes = [.. Enumerable.Range(0, TurboInterleaver.BlockSizeCount).Select(TurboInterleaver.BlockSize)];

    /// <summary>Any of the 188 sizes, any Ncb from K to Kw (or 0), any rv, with or without the rv bypass, E from 1 bit to about three buffers.</summary>
    public static Gen<TurboBlockParameters> AnyBlock() =>
        from k in Gen.Elements(BlockSizes)
        let kw = TurboBlockParameters.CircularBufferLength(k)
        from ncb in Gen.Frequency((1, Gen.Constant(0)), (2, Gen.Choose(k, kw)))
        from e in Gen.Frequency((1, Gen.Choose(1, 64)), (3, Gen.Choose(1, 3 * kw)))
        from rv in Gen.Choose(0, 3)
        from bypass in Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        select new TurboBlockParameters { K = k, E = e, Ncb = ncb, RvIndex = rv, RvIndexBypass = bypass, RateMatch = true };

    /// <summary>
    /// Blocks a noiseless decode must recover: Ncb of at least two thirds of Kw (so the systematic part and enough
    /// parity are in the buffer); with rv 0, E of at least 1.25·K (code rate at most 0.8, systematic bits first); with
    /// rv 1..3, E of at least Ncb, so that the systematic bits are sent too (a higher redundancy version alone at a high
    /// rate punctures most of them, which an iterative decoder cannot be expected to undo).
    /// </summary>
    public static Gen<TurboBlockParameters> DecodableBlock(int maxK = TurboInterleaver.MaxBlockSize) =>
        from k in Gen.Elements(BlockSizes.Where(size => size <= maxK).ToArray())
        let kw = TurboBlockParameters.CircularBufferLength(k)
        from ncb in Gen.Frequency((1, Gen.Constant(kw)), (2, Gen.Choose((2 * kw / 3) + 1, kw)))
        from rv in Gen.Choose(0, 3)
        from e in rv == 0 ? Gen.Choose((5 * k / 4) + 1, 3 * kw) : Gen.Choose(ncb, 3 * kw)
        select new TurboBlockParameters { K = k, E = e, Ncb = ncb == kw ? 0 : ncb, RvIndex = rv, RateMatch = true };

    /// <summary><paramref name="bits"/> random bits packed MSB-first (a whole number of bytes: K is a multiple of 8).</summary>
    public static byte[] RandomBits(Random random, int bits)
    {
        byte[] data = new byte[(bits + 7) / 8];
        random.NextBytes(data);
        return data;
    }

    /// <summary>Packed bits → one byte (0 or 1) per bit.</summary>
    public static byte[] Unpack(ReadOnlySpan<byte> packed, int bits)
    {
        byte[] result = new byte[bits];
        for (int i = 0; i < bits; i++)
        {
            result[i] = (byte)((packed[i >> 3] >> (7 - (i & 7))) & 1);
        }

        return result;
    }

    /// <summary>Noiseless LLRs of packed bits: +127 for 0, −127 for 1 (positive = 0, bbdev's NEG_LLR_1_BIT_IN).</summary>
    public static sbyte[] NoiselessLlrs(ReadOnlySpan<byte> packed, int bits)
    {
        sbyte[] llrs = new sbyte[bits];
        for (int i = 0; i < bits; i++)
        {
            llrs[i] = ((packed[i >> 3] >> (7 - (i & 7))) & 1) == 0 ? (sbyte)127 : (sbyte)-127;
        }

        return llrs;
    }

    /// <summary>
    /// LLRs of packed bits through BPSK and AWGN at <paramref name="ebN0Db"/> for code rate <paramref name="rate"/>,
    /// scaled by <paramref name="scale"/> and saturated (positive = 0).
    /// </summary>
    public static sbyte[] NoisyLlrs(Random random, ReadOnlySpan<byte> packed, int bits, double ebN0Db, double rate, double scale)
    {
        double sigma = Math.Sqrt(1.0 / (2 * rate * Math.Pow(10, ebN0Db / 10)));
        sbyte[] llrs = new sbyte[bits];
        for (int i = 0; i < bits; i++)
        {
            int bit = (packed[i >> 3] >> (7 - (i & 7))) & 1;
            double noise = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
            double y = (bit == 0 ? 1.0 : -1.0) + (sigma * noise);
            llrs[i] = (sbyte)Math.Clamp(Math.Round(y * 2 / (sigma * sigma) * scale), -127, 127);
        }

        return llrs;
    }
}
