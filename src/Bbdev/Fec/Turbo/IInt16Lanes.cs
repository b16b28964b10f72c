namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>
/// The int16 lane operations the vector turbo decoder is written with, once, and instantiated per width
/// (<see cref="Int16Lanes128"/>, <see cref="Int16Lanes256"/>, <see cref="Int16Lanes512"/>). Additions wrap around as
/// int16 does, like the scalar reference's casts; the JIT inlines these static members into the generic kernel.
/// </summary>
/// <typeparam name="TVec">The vector of int16.</typeparam>
internal interface IInt16Lanes<TVec>
    where TVec : struct
{
    /// <summary>Lanes per vector: 8, 16 or 32.</summary>
    static abstract int Count { get; }

    /// <summary>Unaligned load of <see cref="Count"/> lanes.</summary>
    static abstract TVec Load(ref short source);

    /// <summary>Unaligned store of <see cref="Count"/> lanes.</summary>
    static abstract void Store(TVec value, ref short destination);

    /// <summary>All lanes <paramref name="value"/>.</summary>
    static abstract TVec Broadcast(short value);

    /// <summary>Wrapping lane add.</summary>
    static abstract TVec Add(TVec left, TVec right);

    /// <summary>Wrapping lane subtract.</summary>
    static abstract TVec Subtract(TVec left, TVec right);

    /// <summary>Signed lane maximum.</summary>
    static abstract TVec Max(TVec left, TVec right);

    /// <summary>Signed lane minimum.</summary>
    static abstract TVec Min(TVec left, TVec right);

    /// <summary>Low 16 bits of the lane product.</summary>
    static abstract TVec MultiplyLow(TVec left, TVec right);

    /// <summary>Arithmetic right shift of every lane by <paramref name="count"/>.</summary>
    static abstract TVec ShiftRightArithmetic(TVec value, int count);

    /// <summary>
    /// Runs <paramref name="plan"/>: destination row r (32 lanes from <paramref name="destination"/>) = source row
    /// SourceRow[r] with its lanes permuted, using this width's byte or word permutes; false (nothing written) when the
    /// CPU lacks them, and the caller gathers element by element.
    /// </summary>
    static abstract bool GatherRows(ref short destination, ref short source, TurboRowPermutation plan);
}
