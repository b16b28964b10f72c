using System.Runtime.Intrinsics;
using AccelSdk.Bbdev.Fec.Turbo;

namespace AccelSdk.Bbdev.Tests.Fec.Turbo;

/// <summary>
/// The decoder's (de)interleaver gathers as row moves: the QPP's contention-free property makes every block size
/// expressible that way, and each width's permute kernel equals the element-by-element gather.
/// </summary>
public sealed class TurboRowPermutationTests
{
    [Fact]
    public void EveryBlockSize_HasRowForms_AndEveryWidthMatchesTheFlatGather()
    {
        var random = new Random(8);
        for (int index = 0; index < TurboInterleaver.BlockSizeCount; index++)
        {
            int k = TurboInterleaver.BlockSize(index);
            TurboCodeTables tables = TurboCodeTables.Get(k);
            Assert.NotNull(tables.InterleaveRows);
            Assert.NotNull(tables.DeinterleaveRows);

            // Every element but the zero row holds a random value; the zero row stays zero as the decoder keeps it.
            int lanes = TurboCodeTables.Lanes;
            short[] source = new short[tables.ZeroIndex + lanes];
            for (int i = 0; i < tables.ZeroIndex; i++)
            {
                source[i] = (short)random.Next(short.MinValue, short.MaxValue + 1);
            }

            Check(k, "interleave", source, tables.DecoderInterleave, tables.InterleaveRows!);
            Check(k, "deinterleave", source, tables.DecoderDeinterleave, tables.DeinterleaveRows!);
        }
    }

    private static void Check(int k, string direction, short[] source, ushort[] map, TurboRowPermutation rows)
    {
        int size = rows.Rows * TurboCodeTables.Lanes;
        short[] expected = new short[size];
        for (int i = 0; i < size; i++)
        {
            expected[i] = source[map[i]];
        }

        short[] actual = new short[size];
        if (Int16Lanes128.GatherRows(ref actual[0], ref source[0], rows))
        {
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"K {k} {direction} V128");
        }

        Array.Clear(actual);
        if (Int16Lanes256.GatherRows(ref actual[0], ref source[0], rows))
        {
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"K {k} {direction} V256");
        }

        // The 512-bit kernel always runs (a portable shuffle without AVX-512BW); small K keeps the emulation cheap.
        if (k <= 1024 || Vector512.IsHardwareAccelerated)
        {
            Array.Clear(actual);
            Assert.True(Int16Lanes512.GatherRows(ref actual[0], ref source[0], rows));
            Assert.True(expected.AsSpan().SequenceEqual(actual), $"K {k} {direction} V512");
        }
    }
}
