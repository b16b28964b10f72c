namespace AccelSdk.Bbdev.Fec.Simd;

/// <summary>
/// The byte-vector operations the FEC kernels are written against, implemented once per width
/// (<see cref="ByteLanes128"/>, <see cref="ByteLanes256"/>, <see cref="ByteLanes512"/>) so that each kernel is one
/// generic method whose instantiations are the V128, V256 and V512 paths.
/// </summary>
/// <remarks>
/// Each implementation wraps one <c>Vector128/256/512&lt;byte&gt;</c>; the JIT keeps the wrapper in a register.
/// Where the portable API lacks an operation (byte shuffles) an x86 intrinsic is used when supported, with a
/// portable fallback beside it, so every width computes the same result on any CPU.
/// </remarks>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
internal interface IByteLanes<TSelf>
    where TSelf : struct, IByteLanes<TSelf>
{
    /// <summary>Bytes per vector: 16, 32 or 64.</summary>
    static abstract int Count { get; }

    /// <summary>All bytes zero.</summary>
    static abstract TSelf Zero { get; }

    /// <summary>Every byte equal to <paramref name="value"/>.</summary>
    static abstract TSelf Broadcast(byte value);

    /// <summary>Loads <see cref="Count"/> bytes at <paramref name="source"/> + <paramref name="offset"/> (no alignment needed).</summary>
    static abstract TSelf Load(ref byte source, nuint offset);

    /// <summary>Stores <see cref="Count"/> bytes at <paramref name="destination"/> + <paramref name="offset"/>.</summary>
    static abstract void Store(TSelf value, ref byte destination, nuint offset);

    /// <summary>Bitwise XOR.</summary>
    static abstract TSelf Xor(TSelf left, TSelf right);

    /// <summary>Bitwise OR.</summary>
    static abstract TSelf Or(TSelf left, TSelf right);

    /// <summary>Per-byte two's-complement addition saturated to [−128, 127].</summary>
    static abstract TSelf AddSaturate(TSelf left, TSelf right);

    /// <summary>Per-byte clamp of signed values to [−127, 127] (the LLR range; −128 becomes −127).</summary>
    static abstract TSelf ClampLlr(TSelf value);

    /// <summary>
    /// Expands <see cref="Count"/> bits packed MSB-first at <paramref name="packed"/> (Count/8 bytes) into one byte
    /// per bit: 0xFF for a 1, 0x00 for a 0.
    /// </summary>
    static abstract TSelf ExpandBits(ref byte packed);

    /// <summary>Bit i of the result is the top bit of byte i (i &lt; Count).</summary>
    static abstract ulong MoveMask(TSelf value);

    /// <summary>Reverses the bit order inside every byte (LSB-first packing to MSB-first and back).</summary>
    static abstract TSelf ReverseBitsInBytes(TSelf value);

    /// <summary>
    /// Byte shuffle inside each 16-byte block (x86 PSHUFB semantics): result byte j of a block is byte
    /// <c>indices[j] &amp; 15</c> of the same block of <paramref name="value"/>, or 0 when <c>indices[j]</c> has its top bit set.
    /// </summary>
    static abstract TSelf ShuffleInBlocks(TSelf value, TSelf indices);
}
