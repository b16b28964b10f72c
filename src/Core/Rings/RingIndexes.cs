using System.Runtime.InteropServices;

namespace AccelSdk.Core.Rings;

/// <summary>
/// The producer and consumer head/tail pairs of a ring, each pair on its own cache line with a full line of
/// padding on both sides, so that producers and consumers never write the same line (and the adjacent-line
/// prefetcher does not pair them either).
/// </summary>
[StructLayout(LayoutKind.Explicit, Size = 384)]
internal struct RingIndexes
{
    /// <summary>Next slot a producer will claim (free-running, masked on access).</summary>
    [FieldOffset(128)] public uint ProducerHead;

    /// <summary>Every slot before it has been written and is visible to consumers.</summary>
    [FieldOffset(132)] public uint ProducerTail;

    /// <summary>Next slot a consumer will claim.</summary>
    [FieldOffset(256)] public uint ConsumerHead;

    /// <summary>Every slot before it has been read and may be overwritten by producers.</summary>
    [FieldOffset(260)] public uint ConsumerTail;
}
