using System.Runtime.InteropServices;
using AccelSdk.Dma.Engine;
using FsCheck;
using FsCheck.Fluent;

namespace AccelSdk.Dma.Tests.Engine;

/// <summary>
/// Every copy and fill width (and the streaming copy) writes exactly what the scalar reference writes, for every
/// length up to several vector blocks, at every alignment of source and destination, and never a byte outside.
/// </summary>
public sealed unsafe class KernelTests
{
    private const int Guard = 80;

    /// <summary>The widths as numbers (the enum is internal): 1 scalar, 128, 256, 512.</summary>
    public static TheoryData<int> Widths() => new() { (int)KernelWidth.Scalar, (int)KernelWidth.V128, (int)KernelWidth.V256, (int)KernelWidth.V512 };

    [Theory]
    [MemberData(nameof(Widths))]
    public void Copy_EveryShortLengthAndAlignment_MatchesTheReference(int bits)
    {
        var width = (KernelWidth)bits;
        var rng = new Random(1);
        for (int length = 0; length <= 600; length++)
        {
            for (int misalign = 0; misalign < 4; misalign++)
            {
                CheckCopy(rng, length, misalign * 7, misalign * 13, (s, d, n) => CopyKernel.Copy(s, d, n, width));
            }
        }
    }

    [Fact]
    public void CopyStream_EveryLengthAroundItsThresholds_MatchesTheReference()
    {
        var rng = new Random(2);
        for (int length = 0; length <= 1100; length += length < 300 ? 1 : 7)
        {
            CheckCopy(rng, length, length % 32, (length * 3) % 32, CopyKernel.CopyStream256);
        }
    }

    [Theory]
    [MemberData(nameof(Widths))]
    public void Fill_EveryShortLengthAndAlignment_MatchesTheReference(int bits)
    {
        var width = (KernelWidth)bits;
        var rng = new Random(3);
        for (int length = 0; length <= 600; length++)
        {
            for (int misalign = 0; misalign < 4; misalign++)
            {
                CheckFill(rng, length, misalign * 11, (d, n, p) => FillKernel.Fill(d, n, p, width));
            }
        }
    }

    [Fact]
    public void Fill_Reference_IsThePatternInMemoryOrder()
    {
        const ulong pattern = 0xfedcba9876543210;
        byte[] bytes = new byte[19];
        fixed (byte* p = bytes)
        {
            FillKernel.FillScalar(p, (nuint)bytes.Length, pattern);
        }

        Assert.Equal(new byte[] { 0x10, 0x32, 0x54, 0x76, 0x98, 0xba, 0xdc, 0xfe, 0x10, 0x32, 0x54, 0x76, 0x98, 0xba, 0xdc, 0xfe, 0x10, 0x32, 0x54 }, bytes);
    }

    [Fact]
    public void CopyAndFill_RandomLongBlocks_MatchTheReference_AtEveryWidth()
    {
        Gen<(int Length, int SourceOffset, int DestinationOffset, int Width, ulong Pattern)> cases =
            from length in Gen.Choose(0, 70_000)
            from so in Gen.Choose(0, 63)
            from d in Gen.Choose(0, 63)
            from w in Gen.Choose(0, 4)
            from p in ArbMap.Default.GeneratorFor<ulong>()
            select (length, so, d, w, p);
        Prop.ForAll(cases.ToArbitrary(), c =>
        {
            var rng = new Random(c.Length ^ c.SourceOffset);
            KernelWidth width = c.Width switch { 0 => KernelWidth.Scalar, 1 => KernelWidth.V128, 2 => KernelWidth.V256, 3 => KernelWidth.V512, _ => KernelWidth.Auto };
            CheckCopy(rng, c.Length, c.SourceOffset, c.DestinationOffset, (s, dd, n) => CopyKernel.Copy(s, dd, n, width));
            CheckCopy(rng, c.Length, c.SourceOffset, c.DestinationOffset, CopyKernel.CopyStream256);
            CheckFill(rng, c.Length, c.DestinationOffset, (dd, n, p) => FillKernel.Fill(dd, n, p, width), c.Pattern);
        }).Check(Config.QuickThrowOnFailure.WithMaxTest(60));
    }

    /// <summary>Runs every kernel check in this process; the ISA tests re-run it with intrinsics switched off.</summary>
    internal static void RunAllChecks()
    {
        var rng = new Random(4);
        foreach (KernelWidth width in new[] { KernelWidth.Scalar, KernelWidth.V128, KernelWidth.V256, KernelWidth.V512, KernelWidth.Auto })
        {
            for (int length = 0; length <= 300; length++)
            {
                CheckCopy(rng, length, length % 5, length % 9, (s, d, n) => CopyKernel.Copy(s, d, n, width));
                CheckFill(rng, length, length % 7, (d, n, p) => FillKernel.Fill(d, n, p, width));
            }

            CheckCopy(rng, 70_001, 3, 5, (s, d, n) => CopyKernel.Copy(s, d, n, width));
            CheckFill(rng, 70_001, 5, (d, n, p) => FillKernel.Fill(d, n, p, width));
        }

        for (int length = 0; length <= 1100; length += 13)
        {
            CheckCopy(rng, length, 1, 2, CopyKernel.CopyStream256);
        }
    }

    private static void CheckCopy(Random rng, int length, int sourceOffset, int destinationOffset, CopyFn copy)
    {
        int size = length + (2 * Guard) + 64;
        byte* source = (byte*)NativeMemory.AlignedAlloc((nuint)size, 64);
        byte* actual = (byte*)NativeMemory.AlignedAlloc((nuint)size, 64);
        byte* expected = (byte*)NativeMemory.AlignedAlloc((nuint)size, 64);
        try
        {
            rng.NextBytes(new Span<byte>(source, size));
            new Span<byte>(actual, size).Fill(0xCC);
            new Span<byte>(expected, size).Fill(0xCC);
            CopyKernel.CopyScalar(source + Guard + sourceOffset, expected + Guard + destinationOffset, (nuint)length);
            copy(source + Guard + sourceOffset, actual + Guard + destinationOffset, (nuint)length);
            int diff = new Span<byte>(expected, size).CommonPrefixLength(new Span<byte>(actual, size));
            Assert.True(diff == size, $"copy of {length} bytes (source +{sourceOffset}, destination +{destinationOffset}) differs at byte {diff - Guard - destinationOffset} of the destination");
        }
        finally
        {
            NativeMemory.AlignedFree(source);
            NativeMemory.AlignedFree(actual);
            NativeMemory.AlignedFree(expected);
        }
    }

    private static void CheckFill(Random rng, int length, int destinationOffset, FillFn fill, ulong? fixedPattern = null)
    {
        int size = length + (2 * Guard) + 64;
        ulong pattern = fixedPattern ?? ((ulong)rng.NextInt64() ^ ((ulong)rng.Next() << 63));
        byte* actual = (byte*)NativeMemory.AlignedAlloc((nuint)size, 64);
        byte* expected = (byte*)NativeMemory.AlignedAlloc((nuint)size, 64);
        try
        {
            new Span<byte>(actual, size).Fill(0xCC);
            new Span<byte>(expected, size).Fill(0xCC);
            FillKernel.FillScalar(expected + Guard + destinationOffset, (nuint)length, pattern);
            fill(actual + Guard + destinationOffset, (nuint)length, pattern);
            int diff = new Span<byte>(expected, size).CommonPrefixLength(new Span<byte>(actual, size));
            Assert.True(diff == size, $"fill of {length} bytes (destination +{destinationOffset}, pattern 0x{pattern:X16}) differs at byte {diff - Guard - destinationOffset}");
        }
        finally
        {
            NativeMemory.AlignedFree(actual);
            NativeMemory.AlignedFree(expected);
        }
    }

    private delegate void CopyFn(byte* source, byte* destination, nuint length);

    private delegate void FillFn(byte* destination, nuint length, ulong pattern);
}
