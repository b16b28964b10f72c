using System.Runtime.InteropServices;
using AccelSdk.Core.Buffers;
using AccelSdk.Uacce.Memory;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AccelSdk.Uacce.Tests.Memory;

/// <summary>Address translation: identity under SVA, a registered-region table without an IOMMU.</summary>
public sealed unsafe class UacceAddressSpaceTests : IDisposable
{
    private readonly byte* _memory = (byte*)NativeMemory.AlignedAlloc(1 << 20, 4096);

    public void Dispose() => NativeMemory.AlignedFree(_memory);

    [Fact]
    public void Sva_TranslatesEveryAddressToItself_WithoutRegistration()
    {
        var space = Sva();
        nint anywhere = unchecked((nint)0x7f00_1234_5678);

        Assert.True(space.TryTranslate(anywhere, 4096, out ulong iova));
        Assert.Equal((ulong)anywhere, iova);
        Assert.Equal((ulong)anywhere, space.Translate(anywhere, 1));
        Assert.True(space.IsIdentity);
    }

    [Fact]
    public void Sva_RegistrationKeepsTheProcessAddress()
    {
        var space = Sva();
        using UacceMemoryRegion region = space.Register((nint)_memory, 8192);

        Assert.Equal((ulong)_memory, region.Iova);
        Assert.Throws<ArgumentException>(() => space.Register((nint)_memory + 65536, 4096, 0x1000));
    }

    [Fact]
    public void NoIommu_TranslatesRegisteredMemoryToAssignedBusAddresses()
    {
        var space = ModelNoIommu();
        nint address = (nint)_memory + 100;
        using UacceMemoryRegion region = space.Register(address, 5000);

        Assert.True(region.Iova >= UacceAddressSpace.ModelBusBase);
        Assert.Equal(100UL, region.Iova & 4095);
        Assert.True(space.TryTranslate(address + 10, 4990, out ulong iova));
        Assert.Equal(region.Iova + 10, iova);
        Assert.False(space.IsIdentity);
    }

    [Fact]
    public void NoIommu_RefusesUnregisteredOrOverrunningBlocks()
    {
        var space = ModelNoIommu();
        nint address = (nint)_memory;
        using UacceMemoryRegion region = space.Register(address, 4096);

        Assert.False(space.TryTranslate(address + 4096, 1, out _));
        Assert.False(space.TryTranslate(address + 4000, 97, out _));
        Assert.False(space.TryTranslate(address - 1, 2, out _));
        Assert.True(space.TryTranslate(address + 4000, 96, out _));
        var ex = Assert.Throws<UacceException>(() => space.Translate(address + 8192, 64));
        Assert.Equal("model-0", ex.DeviceName);
        Assert.Contains($"memory [0x{address + 8192:X}, +64) is not registered", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UACCE device model-0", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void UnregisteredRegion_NoLongerTranslates()
    {
        var space = ModelNoIommu();
        UacceMemoryRegion region = space.Register((nint)_memory, 4096);
        region.Dispose();
        region.Dispose();

        Assert.False(region.IsRegistered);
        Assert.False(space.TryTranslate((nint)_memory, 1, out _));
        Assert.Empty(space.Regions);
    }

    [Fact]
    public void OverlappingAndEmptyRegistrations_AreRejected()
    {
        var space = ModelNoIommu();
        using UacceMemoryRegion region = space.Register((nint)_memory + 4096, 4096);

        var overlap = Assert.Throws<ArgumentException>(() => space.Register((nint)_memory + 8191, 10));
        Assert.Contains("overlaps the registered memory", overlap.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentOutOfRangeException>(() => space.Register((nint)_memory, 0));
        Assert.Throws<ArgumentException>(() => space.Register(0, 16));
        using UacceMemoryRegion adjacent = space.Register((nint)_memory, 4096);
        Assert.Equal(2, space.Regions.Count);
    }

    [Fact]
    public void KernelNoIommu_NeedsTheBusAddressFromTheKernel()
    {
        var space = new UacceAddressSpace("hisi_zip-0", UacceAddressMode.NoIommu, UacceAddressSpace.IovaPolicy.ExplicitOnly);

        var ex = Assert.Throws<NotSupportedException>(() => space.Register((nint)_memory, 4096));
        Assert.Contains("UACCE device hisi_zip-0 works without an IOMMU", ex.Message, StringComparison.Ordinal);
        using UacceMemoryRegion region = space.Register((nint)_memory, 65536, 0x8_0000_0000);
        Assert.Equal(0x8_0000_0000UL + 512, space.Translate((nint)_memory + 512, 16));
    }

    [Fact]
    public void DeviceSide_ResolvesOnlyRegisteredMemory_InBothModes()
    {
        var sva = Sva();
        Assert.False(sva.TryResolve((ulong)_memory, 16, out _));
        using (sva.Register((nint)_memory, 4096))
        {
            Assert.True(sva.TryResolve((ulong)_memory + 16, 16, out nint address));
            Assert.Equal((nint)_memory + 16, address);
            Assert.False(sva.TryResolve((ulong)_memory + 4090, 16, out _));
        }

        var noIommu = ModelNoIommu();
        using UacceMemoryRegion region = noIommu.Register((nint)_memory, 4096);
        Assert.False(noIommu.TryResolve((ulong)_memory, 16, out _));
        Assert.True(noIommu.TryResolve(region.Iova + 8, 8, out nint resolved));
        Assert.Equal((nint)_memory + 8, resolved);
    }

    [Property(MaxTest = 50)]
    public Property TranslateThenResolve_ReturnsTheOriginalAddress() =>
        Prop.ForAll(
            Gen.ListOf(Gen.Choose(1, 8)).Select(l => l.Take(12).ToArray()).ToArbitrary(),
            Gen.Choose(0, 1 << 12).ToArbitrary(),
            (int[] sizes, int seed) =>
            {
                // Regions of 1-8 pages laid out with gaps; every inner block translates and resolves back.
                var space = ModelNoIommu();
                var random = new Random(seed);
                long offset = 0;
                var regions = new List<UacceMemoryRegion>();
                foreach (int pages in sizes)
                {
                    long length = pages * 4096L;
                    if (offset + length > (1 << 20))
                    {
                        break;
                    }

                    regions.Add(space.Register((nint)_memory + (nint)offset, length));
                    offset += length + 4096;
                }

                foreach (UacceMemoryRegion region in regions)
                {
                    long start = random.NextInt64(region.Length);
                    long length = random.NextInt64(region.Length - start) + 1;
                    if (!space.TryTranslate(region.Address + (nint)start, length, out ulong iova)
                        || !space.TryResolve(iova, length, out nint back)
                        || back != region.Address + (nint)start)
                    {
                        return false;
                    }
                }

                return true;
            });

    [Fact]
    public void BufferPool_RegistersAsOneBlock_AndEverySegmentTranslates()
    {
        using BufferPool pool = BufferPool.Create(new BufferPoolOptions { Name = "uacce-test", Count = 8, RoomSize = 2048, CacheSize = 0 });
        var space = ModelNoIommu();
        using UacceMemoryRegion region = space.Register(pool.MemoryAddress, pool.MemoryBytes);
        var segments = new DataBuffer[8];

        Assert.Equal(8, pool.Rent(segments));
        foreach (DataBuffer segment in segments)
        {
            Assert.True(space.TryTranslate(segment.Address, segment.Capacity, out ulong iova));
            Assert.True(space.TryResolve(iova, segment.Capacity, out nint back));
            Assert.Equal(segment.Address, back);
        }

        foreach (DataBuffer segment in segments)
        {
            pool.Return(segment);
        }
    }

    private static UacceAddressSpace Sva() => new("model-0", UacceAddressMode.Sva, UacceAddressSpace.IovaPolicy.Identity);

    private static UacceAddressSpace ModelNoIommu() => new("model-0", UacceAddressMode.NoIommu, UacceAddressSpace.IovaPolicy.Assigned);
}
