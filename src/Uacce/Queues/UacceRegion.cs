using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace AccelSdk.Uacce.Queues;

/// <summary>
/// One mapped region of a UACCE queue: a kernel mmap of the character device, or a device model's pinned native
/// memory. Valid until the queue is disposed.
/// </summary>
/// <remarks>
/// <para>Register accesses (<see cref="ReadUInt32"/>, <see cref="WriteUInt32"/>, ...) are single, naturally aligned,
/// volatile loads and stores in host byte order (little-endian on every host .NET supports for UACCE: x86-64 and
/// arm64). Offsets are checked against the region; a misaligned or out-of-range offset throws.</para>
/// <para>Ring a doorbell with <see cref="WriteDoorbell32"/>/<see cref="WriteDoorbell64"/>: it orders every earlier
/// store (descriptors written into the DUS region) before the doorbell store, and wakes a device model's engine.
/// A driver written against this type runs unchanged on a kernel device and on a model.</para>
/// </remarks>
public readonly unsafe struct UacceRegion
{
    // On x86 (TSO) a release store already orders earlier stores before it, for normal and device memory alike;
    // on arm64 a device-memory store needs a full barrier before it to order earlier normal-memory stores
    // (DPDK uses a store barrier for its io_wmb there; .NET's strongest portable barrier is a full DMB).
    private static readonly bool s_needsFullBarrier = RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.X86);

    private readonly byte* _base;
    private readonly IUacceDoorbellSink? _sink;

    internal UacceRegion(UacceRegionType type, byte* address, long length, IUacceDoorbellSink? sink)
    {
        Type = type;
        _base = address;
        Length = length;
        _sink = sink;
    }

    /// <summary>Which region this is.</summary>
    public UacceRegionType Type { get; }

    /// <summary>Address of the first byte in this process.</summary>
    public nint Address => (nint)_base;

    /// <summary>Length in bytes.</summary>
    public long Length { get; }

    /// <summary>Whether the region is mapped (a default instance is not).</summary>
    public bool IsMapped => _base != null;

    /// <summary>The whole region as a span (the region must be shorter than 2 GiB).</summary>
    public Span<byte> AsSpan() => AsSpan(0, checked((int)Length));

    /// <summary>A part of the region as a span.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The range is not inside the region.</exception>
    public Span<byte> AsSpan(long offset, int length)
    {
        if ((ulong)offset > (ulong)Length || (ulong)length > (ulong)(Length - offset))
        {
            ThrowRange(offset, length);
        }

        return new Span<byte>(_base + offset, length);
    }

    /// <summary>Volatile 32-bit load at <paramref name="offset"/> (a multiple of 4).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public uint ReadUInt32(long offset) => Volatile.Read(ref *(uint*)At(offset, sizeof(uint)));

    /// <summary>Volatile 64-bit load at <paramref name="offset"/> (a multiple of 8).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public ulong ReadUInt64(long offset) => Volatile.Read(ref *(ulong*)At(offset, sizeof(ulong)));

    /// <summary>Volatile 32-bit store at <paramref name="offset"/> (a multiple of 4); not a doorbell: no wake-up.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteUInt32(long offset, uint value) => Volatile.Write(ref *(uint*)At(offset, sizeof(uint)), value);

    /// <summary>Volatile 64-bit store at <paramref name="offset"/> (a multiple of 8); not a doorbell: no wake-up.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteUInt64(long offset, ulong value) => Volatile.Write(ref *(ulong*)At(offset, sizeof(ulong)), value);

    /// <summary>
    /// Rings a 32-bit doorbell: a barrier that publishes every earlier store to the device, then one volatile store
    /// of <paramref name="value"/> at <paramref name="offset"/> (a multiple of 4). On a device model it also wakes
    /// the engine that serves the queue.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteDoorbell32(long offset, uint value)
    {
        uint* target = (uint*)At(offset, sizeof(uint));
        if (s_needsFullBarrier)
        {
            Interlocked.MemoryBarrier();
        }

        Volatile.Write(ref *target, value);
        _sink?.OnDoorbell(offset, value);
    }

    /// <summary>
    /// Rings a 64-bit doorbell (one 64-bit store, as HiSilicon QM doorbells need): a barrier, then the store at
    /// <paramref name="offset"/> (a multiple of 8); on a device model it also wakes the engine.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void WriteDoorbell64(long offset, ulong value)
    {
        ulong* target = (ulong*)At(offset, sizeof(ulong));
        if (s_needsFullBarrier)
        {
            Interlocked.MemoryBarrier();
        }

        Volatile.Write(ref *target, value);
        _sink?.OnDoorbell(offset, value);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private byte* At(long offset, int size)
    {
        // Unsigned compares reject negative offsets and an unmapped (zero-length) region; the alignment test keeps
        // every access a single bus cycle.
        if ((ulong)offset >= (ulong)Length || (ulong)(Length - offset) < (ulong)size || (offset & (size - 1)) != 0)
        {
            ThrowAccess(offset, size);
        }

        return _base + offset;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowAccess(long offset, int size) =>
        throw new ArgumentOutOfRangeException(nameof(offset), offset,
            $"A {size * 8}-bit access to the {Type} region must be at a multiple of {size} in [0, {Length - size}]; got offset {offset}.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void ThrowRange(long offset, int length) =>
        throw new ArgumentOutOfRangeException(nameof(offset), offset,
            $"The range [{offset}, {offset + length}) is not inside the {Type} region of {Length} bytes.");
}
