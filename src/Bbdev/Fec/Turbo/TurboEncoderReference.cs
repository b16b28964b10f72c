namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>
/// The turbo encoder of TS 36.212 5.1.3.2 written for reading, one bit per byte: two 8-state recursive systematic
/// convolutional (RSC) encoders with transfer function [1, g1(D)/g0(D)], g0 = 1 + D² + D³ (feedback),
/// g1 = 1 + D + D³ (parity), the second fed through the QPP interleaver, each terminated by three tail steps.
/// </summary>
internal static class TurboEncoderReference
{
    /// <summary>
    /// Encodes K bits c (one per byte, 0 or 1) into d = d0 ‖ d1 ‖ d2, each D = K + 4 bits (one per byte):
    /// d0_k = x_k, d1_k = z_k, d2_k = z′_k for k &lt; K, and the twelve tail bits of 5.1.3.2.2:
    /// d0 = x_K, z_K+1, x′_K, z′_K+1; d1 = z_K, x_K+2, z′_K, x′_K+2; d2 = x_K+1, z_K+2, x′_K+1, z′_K+2.
    /// </summary>
    public static void Encode(ReadOnlySpan<byte> c, Span<byte> d)
    {
        int k = c.Length;
        int length = k + 4;
        Span<byte> d0 = d.Slice(0, length);
        Span<byte> d1 = d.Slice(length, length);
        Span<byte> d2 = d.Slice(2 * length, length);
        int[] pi = new int[k];
        TurboInterleaver.GetPermutation(k, pi);
        byte[] interleaved = new byte[k];
        for (int i = 0; i < k; i++)
        {
            interleaved[i] = c[pi[i]];
        }

        Span<byte> tail1 = stackalloc byte[6];
        Span<byte> tail2 = stackalloc byte[6];
        Constituent(c, d1, tail1);
        Constituent(interleaved, d2, tail2);
        for (int i = 0; i < k; i++)
        {
            d0[i] = (byte)(c[i] & 1);
        }

        // tail = x_K, z_K, x_K+1, z_K+1, x_K+2, z_K+2 (and the primed ones of the second encoder).
        d0[k] = tail1[0];
        d1[k] = tail1[1];
        d2[k] = tail1[2];
        d0[k + 1] = tail1[3];
        d1[k + 1] = tail1[4];
        d2[k + 1] = tail1[5];
        d0[k + 2] = tail2[0];
        d1[k + 2] = tail2[1];
        d2[k + 2] = tail2[2];
        d0[k + 3] = tail2[3];
        d1[k + 3] = tail2[4];
        d2[k + 3] = tail2[5];
    }

    /// <summary>
    /// One RSC encoder over <paramref name="input"/> from the zero state: parity z_k into <paramref name="parity"/>,
    /// then three termination steps whose input is the feedback (so the register fills with zeros), written as
    /// (x, z) pairs into <paramref name="tail"/>.
    /// </summary>
    private static void Constituent(ReadOnlySpan<byte> input, Span<byte> parity, Span<byte> tail)
    {
        // Register D1 (newest), D2, D3.
        int r1 = 0;
        int r2 = 0;
        int r3 = 0;
        for (int i = 0; i < input.Length; i++)
        {
            int a = (input[i] & 1) ^ r2 ^ r3;
            parity[i] = (byte)(a ^ r1 ^ r3);
            r3 = r2;
            r2 = r1;
            r1 = a;
        }

        for (int j = 0; j < 3; j++)
        {
            int x = r2 ^ r3;
            tail[2 * j] = (byte)x;
            tail[(2 * j) + 1] = (byte)(r1 ^ r3);
            r3 = r2;
            r2 = r1;
            r1 = 0;
        }
    }
}
