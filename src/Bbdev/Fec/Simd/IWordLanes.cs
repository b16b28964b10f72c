using System.Runtime.Intrinsics;

namespace AccelSdk.Bbdev.Fec.Simd;

/// <summary>
/// The 64-bit-lane vector operations of the packed-bit kernels, implemented once per width
/// (<see cref="WordLanes128"/>, <see cref="WordLanes256"/>, <see cref="WordLanes512"/>): 2, 4 or 8 words of 64 bits.
/// </summary>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
internal interface IWordLanes<TSelf>
    where TSelf : struct, IWordLanes<TSelf>
{
    /// <summary>Words per vector: 2, 4 or 8.</summary>
    static abstract int Count { get; }

    /// <summary>All bits zero.</summary>
    static abstract TSelf Zero { get; }

    /// <summary>Loads <see cref="Count"/> words at <paramref name="source"/> + <paramref name="index"/> words.</summary>
    static abstract TSelf Load(ref ulong source, nuint index);

    /// <summary>Stores <see cref="Count"/> words at <paramref name="destination"/> + <paramref name="index"/> words.</summary>
    static abstract void Store(TSelf value, ref ulong destination, nuint index);

    /// <summary>Bitwise XOR.</summary>
    static abstract TSelf Xor(TSelf left, TSelf right);

    /// <summary>
    /// Per lane, the 64 bits starting s bits into <paramref name="high"/> and continuing into <paramref name="low"/>,
    /// MSB-first: (high &lt;&lt; s) | (low &gt;&gt; (64 − s)). <paramref name="left"/> holds s and <paramref name="right"/>
    /// 64 − s in lane 0 (s in 0..63; a count of 64 shifts everything out), precomputed so that no scalar work sits in
    /// the loop.
    /// </summary>
    static abstract TSelf Funnel(TSelf high, TSelf low, Vector128<ulong> left, Vector128<ulong> right);
}
