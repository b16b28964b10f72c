using System.Text;
using AccelSdk.Bbdev.Fec;
using AccelSdk.Bbdev.Fec.Crc;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AccelSdk.Bbdev.Tests.Fec.Crc;

public sealed class CrcCalculatorTests
{
    public static TheoryData<SimdWidth> Widths => TestWidths.AllData;

    // Catalogued check values (CRC-24/LTE-A, CRC-24/LTE-B, CRC-16/XMODEM: zero init, MSB-first, no final XOR).
    [Theory]
    [InlineData(CrcType.Crc24A, 0xCDE703u)]
    [InlineData(CrcType.Crc24B, 0x23EF52u)]
    [InlineData(CrcType.Crc16, 0x31C3u)]
    public void Compute_OfCheckString_MatchesCatalogue(CrcType type, uint expected)
    {
        byte[] data = Encoding.ASCII.GetBytes("123456789");
        foreach (SimdWidth width in TestWidths.All)
        {
            Assert.Equal(expected, CrcCalculator.Compute(type, data, data.Length * 8, width));
        }

        Assert.Equal(expected, CrcCalculator.ComputeReference(type, data, data.Length * 8));
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Compute_EveryLengthUpTo4200Bits_EqualsReference(SimdWidth width)
    {
        var random = new Random(1234 + (int)width);
        byte[] data = new byte[(4200 / 8) + 1];
        random.NextBytes(data);
        foreach (CrcType type in Enum.GetValues<CrcType>())
        {
            for (int bits = 0; bits <= 4200; bits += bits < 1200 ? 1 : 7)
            {
                uint expected = CrcCalculator.ComputeReference(type, data, bits);
                Assert.Equal(expected, CrcCalculator.Compute(type, data, bits, width));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Compute_OneMegabyte_EqualsReference(SimdWidth width)
    {
        var random = new Random(99);
        byte[] data = new byte[(1 << 20) + 13];
        random.NextBytes(data);
        foreach (CrcType type in Enum.GetValues<CrcType>())
        {
            foreach (int bits in (int[])[1 << 23, (data.Length * 8) - 3])
            {
                Assert.Equal(CrcCalculator.ComputeReference(type, data, bits), CrcCalculator.Compute(type, data, bits, width));
            }
        }
    }

    [Property(MaxTest = 200)]
    public Property Compute_RandomInput_EqualsReferenceForEveryWidth() =>
        Prop.ForAll(
            Gen.Elements(Enum.GetValues<CrcType>()).ToArbitrary(),
            ArbMap.Default.ArbFor<byte[]>(),
            Gen.Choose(0, 7).ToArbitrary(),
            (type, data, cut) =>
            {
                int bits = Math.Max(0, (data.Length * 8) - cut);
                uint expected = CrcCalculator.ComputeReference(type, data, bits);
                return TestWidths.All.All(w => CrcCalculator.Compute(type, data, bits, w) == expected);
            });

    [Property(MaxTest = 100)]
    public Property AttachThenCheck_Passes_AndAnySingleBitFlipIsCaught() =>
        Prop.ForAll(
            Gen.Elements(Enum.GetValues<CrcType>()).ToArbitrary(),
            Gen.Choose(0, 2000).ToArbitrary(),
            Gen.Choose(0, int.MaxValue).ToArbitrary(),
            (type, bits, seed) =>
            {
                var random = new Random(seed);
                int crcLength = CrcCalculator.Length(type);
                byte[] data = new byte[((bits + crcLength) / 8) + 1];
                random.NextBytes(data);
                CrcCalculator.Attach(type, data, bits);
                int total = bits + crcLength;
                if (!CrcCalculator.Check(type, data, total) || !CrcCalculator.CheckReference(type, data, total))
                {
                    return false;
                }

                int flip = random.Next(total);
                data[flip >> 3] ^= (byte)(0x80 >> (flip & 7));
                return !CrcCalculator.Check(type, data, total) && !CrcCalculator.Check(type, data, total, SimdWidth.Scalar);
            });

    [Fact]
    public void Attach_WritesMsbFirstAndLeavesFollowingBits()
    {
        byte[] data = [0x31, 0x32, 0x33, 0x34, 0x35, 0x36, 0x37, 0x38, 0x39, 0, 0, 0, 0xFF];
        CrcCalculator.Attach(CrcType.Crc24A, data, 72);
        Assert.Equal([0xCD, 0xE7, 0x03, 0xFF], data[9..]);
    }

    [Fact]
    public void Attach_AtNonByteOffset_EqualsReference()
    {
        var random = new Random(5);
        for (int bits = 0; bits < 300; bits++)
        {
            byte[] a = new byte[50];
            random.NextBytes(a);
            byte[] b = (byte[])a.Clone();
            CrcCalculator.Attach(CrcType.Crc24B, a, bits);
            CrcCalculator.AttachReference(CrcType.Crc24B, b, bits);
            Assert.Equal(b, a);
        }
    }

    [Fact]
    public void InvalidLengths_AreRejectedWithFieldAndRange()
    {
        byte[] data = new byte[4];
        ArgumentOutOfRangeException e1 = Assert.Throws<ArgumentOutOfRangeException>(() => CrcCalculator.Compute(CrcType.Crc24A, data, 33));
        Assert.Contains("lengthBits = 33", e1.Message, StringComparison.Ordinal);
        Assert.Contains("[0, 32]", e1.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => CrcCalculator.Compute(CrcType.Crc24A, data, -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => CrcCalculator.Attach(CrcType.Crc24A, data, 9));
        ArgumentOutOfRangeException e2 = Assert.Throws<ArgumentOutOfRangeException>(() => CrcCalculator.Check(CrcType.Crc16, data, 15));
        Assert.Contains("at least 16", e2.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => CrcCalculator.Compute(CrcType.Crc24A, data, 8, (SimdWidth)3));
    }
}
