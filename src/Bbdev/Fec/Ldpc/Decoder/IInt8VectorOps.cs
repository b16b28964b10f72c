namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// The int8 lane operations the SIMD decoder kernel is written with, once, and instantiated per width
/// (<see cref="Int8Vector128Ops"/>, <see cref="Int8Vector256Ops"/>, <see cref="Int8Vector512Ops"/>). The JIT
/// specialises the generic kernel for each struct and inlines these static members, as TensorPrimitives' operator
/// structs do. Every operation is defined on all lanes and gives the same value with or without the x86 intrinsic
/// it prefers.
/// </summary>
/// <typeparam name="TVec">The vector of signed bytes.</typeparam>
internal interface IInt8VectorOps<TVec>
    where TVec : struct
{
    /// <summary>Lanes per vector: 16, 32 or 64.</summary>
    static abstract int Count { get; }

    /// <summary>Unaligned load of <see cref="Count"/> bytes.</summary>
    static abstract TVec Load(ref sbyte source);

    /// <summary>Unaligned store of <see cref="Count"/> bytes.</summary>
    static abstract void Store(TVec value, ref sbyte destination);

    /// <summary>All lanes set to <paramref name="value"/>.</summary>
    static abstract TVec Broadcast(sbyte value);

    /// <summary>clamp(left − right, −127, 127) for inputs in [−127, 127].</summary>
    static abstract TVec SubtractClamp(TVec left, TVec right);

    /// <summary>clamp(left + right, −127, 127) for inputs in [−127, 127].</summary>
    static abstract TVec AddClamp(TVec left, TVec right);

    /// <summary>|value| for inputs in [−127, 127].</summary>
    static abstract TVec Abs(TVec value);

    /// <summary>Signed lane minimum.</summary>
    static abstract TVec Min(TVec left, TVec right);

    /// <summary>Signed lane maximum.</summary>
    static abstract TVec Max(TVec left, TVec right);

    /// <summary>−1 where left &gt; right (signed), else 0.</summary>
    static abstract TVec GreaterThan(TVec left, TVec right);

    /// <summary>−1 where the lanes are equal, else 0.</summary>
    static abstract TVec Equal(TVec left, TVec right);

    /// <summary>Per lane: mask lane (all ones or all zeros) ? ifTrue : ifFalse (a byte blend; masks are whole bytes).</summary>
    static abstract TVec Select(TVec mask, TVec ifTrue, TVec ifFalse);

    /// <summary>Bitwise XOR.</summary>
    static abstract TVec Xor(TVec left, TVec right);

    /// <summary>Bitwise AND.</summary>
    static abstract TVec And(TVec left, TVec right);

    /// <summary>left AND NOT right.</summary>
    static abstract TVec AndNot(TVec left, TVec right);

    /// <summary>Bitwise OR.</summary>
    static abstract TVec Or(TVec left, TVec right);

    /// <summary>max(left − right, 0) for inputs in [0, 127] (an unsigned saturating subtract).</summary>
    static abstract TVec SubtractFloorZero(TVec left, TVec right);

    /// <summary>Each byte shifted right by <paramref name="count"/> (0..7), zeros shifted in.</summary>
    static abstract TVec ShiftRightLogical(TVec value, int count);

    /// <summary>Bytewise sum modulo 256 (as unsigned bytes).</summary>
    static abstract TVec AddWrap(TVec left, TVec right);

    /// <summary>The 16-entry table replicated into every 128-bit lane, for <see cref="LookUp"/>.</summary>
    static abstract TVec LoadTable(ReadOnlySpan<sbyte> table16);

    /// <summary>Per lane: table[index] for indices 0..15 (a byte shuffle within each 128-bit lane).</summary>
    static abstract TVec LookUp(TVec table, TVec index);

    /// <summary>−magnitude where sign &lt; 0, else magnitude, for magnitudes in [0, 127].</summary>
    static abstract TVec ApplySign(TVec magnitude, TVec sign);

    /// <summary>Bit i = sign bit of lane i (the low <see cref="Count"/> bits).</summary>
    static abstract ulong SignBits(TVec value);

    /// <summary>Inverse of storing <see cref="SignBits"/> little-endian: lane i = −1 where bit i of the <see cref="Count"/>/8 bytes at <paramref name="source"/> is set.</summary>
    static abstract TVec LoadBitMask(ref byte source);
}
