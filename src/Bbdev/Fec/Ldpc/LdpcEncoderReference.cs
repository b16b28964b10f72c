namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// The readable LDPC encoder (TS 38.212 5.3.2): one byte per bit (0 or 1), a block at a time, following
/// <see cref="LdpcEncoderPlan"/>. The vector kernels must equal it bit for bit.
/// </summary>
internal static class LdpcEncoderReference
{
    /// <summary>
    /// Fills the parity part of a full codeword c (columns·Zc bits, one per byte) whose first K bits hold the K′
    /// information bits followed by F zero filler bits.
    /// </summary>
    public static void Encode(LdpcCode code, Span<byte> c)
    {
        LdpcEncoderPlan plan = LdpcEncoderPlan.Get(code);
        int zc = code.Zc;
        int kb = plan.Kb;
        // λ_r: the systematic part of core rows 0..3.
        byte[][] lambda = new byte[4][];
        for (int r = 0; r < 4; r++)
        {
            lambda[r] = new byte[zc];
            foreach ((int column, int shift) in plan.SystematicEntries[r])
            {
                AddShifted(lambda[r], c.Slice(column * zc, zc), shift);
            }
        }

        // P^s·x_Kb = λ_0 + λ_1 + λ_2 + λ_3.
        byte[] sum = new byte[zc];
        for (int z = 0; z < zc; z++)
        {
            sum[z] = (byte)(lambda[0][z] ^ lambda[1][z] ^ lambda[2][z] ^ lambda[3][z]);
        }

        UnshiftInto(c.Slice(kb * zc, zc), sum, plan.CoreShift);

        // The other core columns, one row at a time.
        foreach (LdpcEncoderPlan.CoreStep step in plan.Steps)
        {
            byte[] rhs = (byte[])lambda[step.Row].Clone();
            foreach ((int column, int shift) in step.Known)
            {
                AddShifted(rhs, c.Slice(column * zc, zc), shift);
            }

            UnshiftInto(c.Slice(step.Column * zc, zc), rhs, step.Shift);
        }

        // Extension rows: x_(Kb+r) = Σ of the row's other blocks.
        for (int r = 4; r < plan.Rows; r++)
        {
            Span<byte> parity = c.Slice((kb + r) * zc, zc);
            parity.Clear();
            foreach ((int column, int shift) in plan.ExtensionEntries[r])
            {
                AddShifted(parity, c.Slice(column * zc, zc), shift);
            }
        }
    }

    /// <summary>
    /// Encodes K′ = <paramref name="kPrime"/> packed information bits into the circular buffer d (N bits packed
    /// MSB-first, the 2·Zc punctured bits dropped, filler positions 0).
    /// </summary>
    public static void EncodePacked(LdpcCode code, int kPrime, ReadOnlySpan<byte> input, Span<byte> codeword)
    {
        byte[] c = EncodeToBits(code, kPrime, input);
        int zc = code.Zc;
        BitPacking.PackReference(c.AsSpan(2 * zc, code.N), codeword);
    }

    /// <summary>The full codeword c (columns·Zc bits, one per byte) of K′ packed information bits.</summary>
    public static byte[] EncodeToBits(LdpcCode code, int kPrime, ReadOnlySpan<byte> input)
    {
        byte[] c = new byte[code.VariableCount];
        BitPacking.UnpackReference(input, c.AsSpan(0, kPrime));
        Encode(code, c);
        return c;
    }

    // acc[z] ^= block[(z + shift) mod Zc]: the block times P^shift (check z of the row sees variable (z + shift) mod Zc).
    private static void AddShifted(Span<byte> acc, ReadOnlySpan<byte> block, int shift)
    {
        int zc = block.Length;
        for (int z = 0; z < zc; z++)
        {
            acc[z] ^= block[(z + shift) % zc];
        }
    }

    // x with P^shift·x = rhs: x[(z + shift) mod Zc] = rhs[z].
    private static void UnshiftInto(Span<byte> x, ReadOnlySpan<byte> rhs, int shift)
    {
        int zc = rhs.Length;
        for (int z = 0; z < zc; z++)
        {
            x[(z + shift) % zc] = rhs[z];
        }
    }
}
