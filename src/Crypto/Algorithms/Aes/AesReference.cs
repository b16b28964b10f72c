namespace AccelSdk.Crypto.Algorithms.Aes;

/// <summary>
/// AES exactly as FIPS-197 describes it: a byte state in column order, SubBytes, ShiftRows, MixColumns and
/// AddRoundKey. The S-box is derived at start-up from its definition (inverse in GF(2^8) modulo
/// x^8 + x^4 + x^3 + x + 1, then the affine map with constant 0x63) rather than typed in.
/// </summary>
internal static class AesReference
{
    /// <summary>The AES S-box (FIPS-197 5.1.1).</summary>
    public static readonly byte[] SBox = BuildSBox();

    /// <summary>The inverse S-box (FIPS-197 5.3.2).</summary>
    public static readonly byte[] InverseSBox = BuildInverse(SBox);

    /// <summary>Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1 (FIPS-197 4.2).</summary>
    public static byte Multiply(byte a, byte b)
    {
        int product = 0;
        int x = a;
        for (int bit = 0; bit < 8; bit++)
        {
            if ((b & (1 << bit)) != 0)
            {
                product ^= x;
            }

            x <<= 1;
            if ((x & 0x100) != 0)
            {
                x ^= 0x11B;
            }
        }

        return (byte)product;
    }

    /// <summary>Encrypts one 16-byte block with the expanded key words (FIPS-197 5.1).</summary>
    public static void EncryptBlock(AesKey key, ReadOnlySpan<byte> input, Span<byte> output)
    {
        Span<byte> state = stackalloc byte[16];
        input[..16].CopyTo(state);
        AddRoundKey(state, key, 0);
        for (int round = 1; round < key.Rounds; round++)
        {
            SubBytes(state, SBox);
            ShiftRows(state);
            MixColumns(state);
            AddRoundKey(state, key, round);
        }

        SubBytes(state, SBox);
        ShiftRows(state);
        AddRoundKey(state, key, key.Rounds);
        state.CopyTo(output);
    }

    /// <summary>Decrypts one 16-byte block (FIPS-197 5.3, the straightforward inverse cipher).</summary>
    public static void DecryptBlock(AesKey key, ReadOnlySpan<byte> input, Span<byte> output)
    {
        Span<byte> state = stackalloc byte[16];
        input[..16].CopyTo(state);
        AddRoundKey(state, key, key.Rounds);
        for (int round = key.Rounds - 1; round >= 1; round--)
        {
            InverseShiftRows(state);
            SubBytes(state, InverseSBox);
            AddRoundKey(state, key, round);
            InverseMixColumns(state);
        }

        InverseShiftRows(state);
        SubBytes(state, InverseSBox);
        AddRoundKey(state, key, 0);
        state.CopyTo(output);
    }

    private static void AddRoundKey(Span<byte> state, AesKey key, int round)
    {
        // Word w[4·round + c] is column c, its most significant byte in row 0.
        for (int c = 0; c < 4; c++)
        {
            uint word = key.Words[(4 * round) + c];
            state[(4 * c) + 0] ^= (byte)(word >> 24);
            state[(4 * c) + 1] ^= (byte)(word >> 16);
            state[(4 * c) + 2] ^= (byte)(word >> 8);
            state[(4 * c) + 3] ^= (byte)word;
        }
    }

    private static void SubBytes(Span<byte> state, byte[] box)
    {
        for (int i = 0; i < 16; i++)
        {
            state[i] = box[state[i]];
        }
    }

    private static void ShiftRows(Span<byte> state)
    {
        // Row r (bytes r, r+4, r+8, r+12) rotates left by r columns.
        Span<byte> copy = stackalloc byte[16];
        state.CopyTo(copy);
        for (int r = 1; r < 4; r++)
        {
            for (int c = 0; c < 4; c++)
            {
                state[r + (4 * c)] = copy[r + (4 * ((c + r) & 3))];
            }
        }
    }

    private static void InverseShiftRows(Span<byte> state)
    {
        Span<byte> copy = stackalloc byte[16];
        state.CopyTo(copy);
        for (int r = 1; r < 4; r++)
        {
            for (int c = 0; c < 4; c++)
            {
                state[r + (4 * ((c + r) & 3))] = copy[r + (4 * c)];
            }
        }
    }

    private static void MixColumns(Span<byte> state)
    {
        for (int c = 0; c < 4; c++)
        {
            Span<byte> column = state.Slice(4 * c, 4);
            byte a0 = column[0], a1 = column[1], a2 = column[2], a3 = column[3];
            column[0] = (byte)(Multiply(a0, 2) ^ Multiply(a1, 3) ^ a2 ^ a3);
            column[1] = (byte)(a0 ^ Multiply(a1, 2) ^ Multiply(a2, 3) ^ a3);
            column[2] = (byte)(a0 ^ a1 ^ Multiply(a2, 2) ^ Multiply(a3, 3));
            column[3] = (byte)(Multiply(a0, 3) ^ a1 ^ a2 ^ Multiply(a3, 2));
        }
    }

    private static void InverseMixColumns(Span<byte> state)
    {
        for (int c = 0; c < 4; c++)
        {
            Span<byte> column = state.Slice(4 * c, 4);
            byte a0 = column[0], a1 = column[1], a2 = column[2], a3 = column[3];
            column[0] = (byte)(Multiply(a0, 14) ^ Multiply(a1, 11) ^ Multiply(a2, 13) ^ Multiply(a3, 9));
            column[1] = (byte)(Multiply(a0, 9) ^ Multiply(a1, 14) ^ Multiply(a2, 11) ^ Multiply(a3, 13));
            column[2] = (byte)(Multiply(a0, 13) ^ Multiply(a1, 9) ^ Multiply(a2, 14) ^ Multiply(a3, 11));
            column[3] = (byte)(Multiply(a0, 11) ^ Multiply(a1, 13) ^ Multiply(a2, 9) ^ Multiply(a3, 14));
        }
    }

    private static byte[] BuildSBox()
    {
        var box = new byte[256];
        for (int x = 0; x < 256; x++)
        {
            byte inverse = 0;
            if (x != 0)
            {
                // x^254 = x^-1 in GF(2^8).
                byte power = (byte)x;
                byte result = 1;
                for (int e = 254; e > 0; e >>= 1)
                {
                    if ((e & 1) != 0)
                    {
                        result = Multiply(result, power);
                    }

                    power = Multiply(power, power);
                }

                inverse = result;
            }

            int b = inverse;
            int affine = b ^ Rotl8(b, 1) ^ Rotl8(b, 2) ^ Rotl8(b, 3) ^ Rotl8(b, 4) ^ 0x63;
            box[x] = (byte)affine;
        }

        return box;
    }

    private static int Rotl8(int value, int count) => ((value << count) | (value >> (8 - count))) & 0xFF;

    private static byte[] BuildInverse(byte[] box)
    {
        var inverse = new byte[256];
        for (int i = 0; i < 256; i++)
        {
            inverse[box[i]] = (byte)i;
        }

        return inverse;
    }
}
