namespace AccelSdk.Core.Buffers;

/// <summary>Configuration of a <see cref="BufferPool"/>.</summary>
public sealed class BufferPoolOptions
{
    /// <summary>The largest segment room (1 GiB).</summary>
    public const int MaxRoomSize = 1 << 30;

    /// <summary>Name for diagnostics. Default "buffers".</summary>
    public string Name { get; set; } = "buffers";

    /// <summary>Number of segments, at least 1. Default 1024.</summary>
    public int Count { get; set; } = 1024;

    /// <summary>Bytes of data room per segment, in [1, <see cref="MaxRoomSize"/>]. Default 2048 (DPDK's default data room).</summary>
    public int RoomSize { get; set; } = 2048;

    /// <summary>Initial data offset of a fresh segment, in [0, <see cref="RoomSize"/>]. Default 0.</summary>
    public int Headroom { get; set; }

    /// <summary>
    /// Alignment of every data room in bytes: a power of two in [64, 4096] (64 = one cache line, 4096 = a page).
    /// Default 64.
    /// </summary>
    public int Alignment { get; set; } = 64;

    /// <summary>Segments each thread keeps locally (see <see cref="Pools.OpPoolOptions.CacheSize"/>). Default (null): min(32, Count/8).</summary>
    public int? CacheSize { get; set; }

    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Name, nameof(Name));
        ThrowHelper.ThrowIfOutOfRange(Count, 1, Pools.OpPoolOptions.MaxCount, nameof(Count));
        ThrowHelper.ThrowIfOutOfRange(RoomSize, 1, MaxRoomSize, nameof(RoomSize));
        ThrowHelper.ThrowIfOutOfRange(Headroom, 0, RoomSize, nameof(Headroom));
        if (Alignment < 64 || Alignment > 4096 || !int.IsPow2(Alignment))
        {
            throw new ArgumentOutOfRangeException(nameof(Alignment), Alignment,
                $"Alignment must be a power of two in [64, 4096]; got {Alignment}.");
        }

        if (CacheSize is int cache)
        {
            ThrowHelper.ThrowIfOutOfRange(cache, 0, Pools.OpPoolOptions.MaxCacheSizeFor(Count), nameof(CacheSize));
        }
    }
}
