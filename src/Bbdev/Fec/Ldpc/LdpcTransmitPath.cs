using System.Runtime.InteropServices;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.Fec.Simd;

namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>
/// The vector transmit chain behind <see cref="LdpcEncoder"/> and <see cref="LdpcRateMatcher"/>, on the calling
/// thread's <see cref="LdpcWorkspace"/>; arguments are validated by the callers.
/// </summary>
internal static class LdpcTransmitPath
{
    /// <summary>CRC attach (optional), encoding of the parity the selection needs, selection, interleaving, packing.</summary>
    public static void EncodeAndMatch<T>(in LdpcBlockParameters parameters, ReadOnlySpan<byte> input, Span<byte> output, CrcType? crc)
        where T : struct, IByteLanes<T>
    {
        LdpcWorkspace workspace = LdpcWorkspace.Current;
        int kPrime = parameters.KPrime;
        LoadInput(workspace, input, kPrime, crc);
        LdpcEncoderPlan plan = LdpcEncoderPlan.Get(parameters.Code);
        LdpcEncoderKernel.Encode<T>(plan, kPrime, workspace, ExtensionRowsNeeded(parameters, plan.Rows));
        SelectFromCodeword<T>(parameters, workspace, output);
    }

    /// <summary>The full circular buffer d, packed, fillers 0.</summary>
    public static void Encode<T>(in LdpcBlockParameters parameters, ReadOnlySpan<byte> input, Span<byte> codeword)
        where T : struct, IByteLanes<T>
    {
        LdpcWorkspace workspace = LdpcWorkspace.Current;
        int kPrime = parameters.KPrime;
        int zc = parameters.Zc;
        LoadInput(workspace, input, kPrime, null);
        LdpcEncoderPlan plan = LdpcEncoderPlan.Get(parameters.Code);
        LdpcEncoderKernel.Encode<T>(plan, kPrime, workspace, LdpcEncoderKernel.AllRows);

        // d = c[2·Zc, K′) ++ F zeros ++ parity; the codeword buffer holds c without the fillers.
        Span<byte> bytes = workspace.Bytes;
        ReadOnlySpan<byte> c = workspace.Codeword;
        int fillerStart = parameters.FillerStart;
        int fillers = parameters.FillerBits;
        int parityLength = parameters.N - (fillerStart + fillers);
        c.Slice(2 * zc, fillerStart).CopyTo(bytes);
        bytes.Slice(fillerStart, fillers).Clear();
        c.Slice(kPrime, parityLength).CopyTo(bytes[(fillerStart + fillers)..]);
        BitPacking.PackMasks<T>(ref MemoryMarshal.GetArrayDataReference(workspace.Bytes), parameters.N, codeword);
    }

    /// <summary>Selection, interleaving and packing of a packed circular buffer d.</summary>
    public static void Match<T>(in LdpcBlockParameters parameters, ReadOnlySpan<byte> codeword, Span<byte> output)
        where T : struct, IByteLanes<T>
    {
        LdpcWorkspace workspace = LdpcWorkspace.Current;
        int ncb = parameters.NcbEffective;
        int fillerStart = parameters.FillerStart;
        int fillerEnd = fillerStart + parameters.FillerBits;
        BitPacking.UnpackToMasks<T>(codeword, ncb, ref MemoryMarshal.GetArrayDataReference(workspace.Bytes));

        // The compact buffer sits where the encoder leaves it: in the codeword buffer from 2·Zc on.
        Span<byte> compact = workspace.Codeword.AsSpan(2 * parameters.Zc);
        ReadOnlySpan<byte> d = workspace.Bytes;
        d[..fillerStart].CopyTo(compact);
        d[fillerEnd..ncb].CopyTo(compact[fillerStart..]);
        SelectFromCodeword<T>(parameters, workspace, output);
    }

    /// <summary>
    /// A bitmask of the extension rows (bit r for row r ≥ 4) whose parity column holds at least one compact position
    /// that the E selected bits reach; the others need not be encoded.
    /// </summary>
    public static ulong ExtensionRowsNeeded(in LdpcBlockParameters parameters, int rows)
    {
        int compactLength = parameters.CompactLength;
        int zc = parameters.Zc;
        int start = parameters.K0Compact;
        long end = (long)start + parameters.E;
        if (end - start >= compactLength)
        {
            return LdpcEncoderKernel.AllRows;
        }

        ulong mask = 0;
        int parityStart = parameters.FillerStart;
        for (int r = 4; r < rows; r++)
        {
            long from = parityStart + ((long)r * zc);
            long to = Math.Min(from + zc, compactLength);
            bool covered = from < to && (Overlaps(from, to, start, Math.Min(end, compactLength)) || Overlaps(from, to, 0, end - compactLength));
            if (covered)
            {
                mask |= 1UL << r;
            }
        }

        return mask;
    }

    // Extends the compact buffer cyclically and runs the vector selection/interleaving/packing.
    private static void SelectFromCodeword<T>(in LdpcBlockParameters parameters, LdpcWorkspace workspace, Span<byte> output)
        where T : struct, IByteLanes<T>
    {
        int compactLength = parameters.CompactLength;
        ref byte compact = ref MemoryMarshal.GetArrayDataReference(workspace.Codeword);
        compact = ref System.Runtime.CompilerServices.Unsafe.Add(ref compact, 2 * parameters.Zc);
        LdpcRateMatchKernel.Extend(ref compact, compactLength);
        int qm = parameters.InterleaverBypass ? 1 : parameters.Qm;
        LdpcRateMatchKernel.SelectInterleavePack<T>(ref compact, compactLength, parameters.K0Compact, parameters.E, qm, output);
    }

    // Copies the input bits into the zero-padded packed buffer and attaches the CRC after them when asked.
    private static void LoadInput(LdpcWorkspace workspace, ReadOnlySpan<byte> input, int kPrime, CrcType? crc)
    {
        Span<byte> packed = workspace.Packed;
        int inputBits = kPrime - (crc is { } t ? CrcCalculator.Length(t) : 0);
        int inputBytes = (inputBits + 7) >> 3;
        input[..inputBytes].CopyTo(packed);
        packed[inputBytes..(((kPrime + 7) >> 3) + LdpcWorkspace.Slack)].Clear();
        if (crc is { } type)
        {
            CrcCalculator.Attach(type, packed, inputBits);
        }
    }

    private static bool Overlaps(long from, long to, long start, long end) => from < end && start < to;
}
