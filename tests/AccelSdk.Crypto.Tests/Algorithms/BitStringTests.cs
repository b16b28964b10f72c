using AccelSdk.Crypto.Algorithms.Bits;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AccelSdk.Crypto.Tests.Algorithms;

public sealed class BitStringTests
{
    [Fact]
    public void XorKeystream_MatchesABitByBitModel_ForEveryOffsetAndLength()
    {
        var random = new Random(7);
        for (int offset = 0; offset < 24; offset++)
        {
            for (int length = 0; length < 90; length++)
            {
                byte[] data = new byte[16];
                byte[] key = new byte[12];
                random.NextBytes(data);
                random.NextBytes(key);
                byte[] expected = (byte[])data.Clone();
                for (int i = 0; i < length; i++)
                {
                    int keyBit = (key[i >> 3] >> (7 - (i & 7))) & 1;
                    int at = offset + i;
                    expected[at >> 3] ^= (byte)(keyBit << (7 - (at & 7)));
                }

                BitString.XorKeystream(data, offset, length, key);
                Assert.True(expected.AsSpan().SequenceEqual(data), $"offset {offset}, length {length}");
            }
        }
    }

    [Property(MaxTest = 200)]
    public Property CopyBits_ExtractsTheRangeAndZeroesTheTail() =>
        Prop.ForAll(Arb.From(Gen.Choose(0, 40)), Arb.From(Gen.Choose(0, 100)), (offset, length) =>
        {
            var random = new Random(offset * 1000 + length);
            byte[] source = new byte[20];
            random.NextBytes(source);
            byte[] destination = new byte[(length + 7) / 8];
            BitString.CopyBits(source, offset, destination, length);
            for (int i = 0; i < destination.Length * 8; i++)
            {
                int bit = (destination[i >> 3] >> (7 - (i & 7))) & 1;
                int expected = i < length ? (source[(offset + i) >> 3] >> (7 - ((offset + i) & 7))) & 1 : 0;
                if (bit != expected)
                {
                    return false;
                }
            }

            return true;
        });

    [Fact]
    public void Xor_HandlesLengthsAcrossVectorWidths()
    {
        for (int length = 0; length < 80; length++)
        {
            byte[] a = Enumerable.Range(0, length).Select(i => (byte)(i * 7)).ToArray();
            byte[] b = Enumerable.Range(0, length).Select(i => (byte)(i * 13 + 1)).ToArray();
            byte[] expected = a.Zip(b, (x, y) => (byte)(x ^ y)).ToArray();
            BitString.Xor(a, b);
            Assert.Equal(expected, a);
        }
    }
}
