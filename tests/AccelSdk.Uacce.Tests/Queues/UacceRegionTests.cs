using System.Runtime.InteropServices;
using AccelSdk.Uacce.Queues;

namespace AccelSdk.Uacce.Tests.Queues;

/// <summary>Register accessors: bounds, alignment, volatile round trips; ioctl encodings.</summary>
public sealed unsafe class UacceRegionTests : IDisposable
{
    private readonly byte* _memory = (byte*)NativeMemory.AlignedAlloc(64, 64);

    public void Dispose() => NativeMemory.AlignedFree(_memory);

    [Fact]
    public void Accessors_RoundTripInHostOrder()
    {
        var region = new UacceRegion(UacceRegionType.Mmio, _memory, 64, sink: null);

        region.WriteUInt32(4, 0x11223344);
        region.WriteUInt64(8, 0x0102030405060708);
        region.WriteDoorbell32(16, 5);
        region.WriteDoorbell64(56, ulong.MaxValue);

        Assert.Equal(0x11223344u, region.ReadUInt32(4));
        Assert.Equal(0x44, _memory[4]);
        Assert.Equal(0x0102030405060708UL, region.ReadUInt64(8));
        Assert.Equal(5u, region.ReadUInt32(16));
        Assert.Equal(ulong.MaxValue, region.ReadUInt64(56));
        Assert.Equal(64, region.AsSpan().Length);
    }

    [Theory]
    [InlineData(-4L)]
    [InlineData(64L)]
    [InlineData(62L)]
    [InlineData(2L)]
    [InlineData(long.MinValue)]
    public void OutOfRangeOrMisaligned32BitAccess_Throws(long offset)
    {
        var region = new UacceRegion(UacceRegionType.Mmio, _memory, 64, sink: null);

        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => region.WriteDoorbell32(offset, 1));
        Assert.Contains("A 32-bit access to the Mmio region must be at a multiple of 4 in [0, 60]", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Misaligned64BitAccess_Throws()
    {
        var region = new UacceRegion(UacceRegionType.Dus, _memory, 64, sink: null);

        Assert.Throws<ArgumentOutOfRangeException>(() => region.ReadUInt64(4));
        Assert.Throws<ArgumentOutOfRangeException>(() => region.ReadUInt64(64));
        Assert.Throws<ArgumentOutOfRangeException>(() => region.AsSpan(60, 8));
    }

    [Fact]
    public void UnmappedRegion_RefusesEveryAccess()
    {
        UacceRegion region = default;

        Assert.False(region.IsMapped);
        Assert.Throws<ArgumentOutOfRangeException>(() => region.ReadUInt32(0));
        Assert.Equal(0, region.AsSpan().Length);
    }

    [Fact]
    public void IoctlNumbers_MatchTheLinuxEncoding()
    {
        Assert.Equal(0x5700u, UacceIoctl.StartQueue);
        Assert.Equal(0x5701u, UacceIoctl.PutQueue);
        Assert.Equal(0x5700u, UacceIoctl.None('W', 0));
        Assert.Equal(0x5701u, UacceIoctl.None('W', 1));
        Assert.Equal(0xC004480Au, UacceIoctl.ReadWrite<QpContext>('H', 10));
        Assert.Equal(0xC010480Bu, UacceIoctl.ReadWrite<QpInfo>('H', 11));
        Assert.Equal(0x80085703u, UacceIoctl.Read<ulong>('W', 3));
        Assert.Equal(0x40045701u, UacceIoctl.Write<uint>('W', 1));
        Assert.Equal(16, UacceIoctl.ArgumentSize(0xC010480B));
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct QpContext
    {
        public ushort Id;
        public ushort QcType;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct QpInfo
    {
        public uint SqeSize;
        public ushort SqDepth;
        public ushort CqDepth;
        public ulong Reserved;
    }
}
