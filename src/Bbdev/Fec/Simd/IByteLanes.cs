namespace AccelSdk.Bbdev.Fec.Simd;

/// <summary>
/// The byte-vector operations of the LLR kernels, implemented once per width (<see cref="ByteLanes128"/>,
/// <see cref="ByteLanes256"/>, <see cref="ByteLanes512"/>) so that each kernel is one generic method whose
/// instantiations are the V128, V256 and V512 paths.
/// </summary>
/// <remarks>Each implementation wraps one <c>Vector128/256/512&lt;byte&gt;</c>; the JIT keeps the wrapper in a register.</remarks>
/// <typeparam name="TSelf">The implementing struct.</typeparam>
internal interface IByteLanes<TSelf>
    where TSelf : struct, IByteLanes<TSelf>
{
    /// <summary>Bytes per vector: 16, 32 or 64.</summary>
    static abstract int Count { get; }

    /// <summary>Loads <see cref="Count"/> bytes at <paramref name="source"/> + <paramref name="offset"/> (no alignment needed).</summary>
    static abstract TSelf Load(ref byte source, nuint offset);

    /// <summary>Stores <see cref="Count"/> bytes at <paramref name="destination"/> + <paramref name="offset"/>.</summary>
    static abstract void Store(TSelf value, ref byte destination, nuint offset);

    /// <summary>Per-byte two's-complement addition saturated to [−128, 127].</summary>
    static abstract TSelf AddSaturate(TSelf left, TSelf right);

    /// <summary>Per-byte clamp of signed values to [−127, 127] (the LLR range; −128 becomes −127).</summary>
    static abstract TSelf ClampLlr(TSelf value);
}
