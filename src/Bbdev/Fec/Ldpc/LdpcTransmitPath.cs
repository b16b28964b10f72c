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
        where T : struct, IWordLanes<T>
    {
        LdpcWorkspace workspace = LdpcWorkspace.Current;
        int kPrime = parameters.KPrime;
        LoadInput(workspace, input, parameters, crc);
        LdpcEncoderPlan plan = LdpcEncoderPlan.Get(parameters.Code);
        LdpcEncoderKernel.Encode<T>(plan, kPrime, workspace, ExtensionRowsNeeded(parameters, plan.Rows));
        Select(parameters, workspace, output);
    }

    /// <summary>The full circular buffer d, packed, fillers 0.</summary>
    public static void Encode<T>(in LdpcBlockParameters parameters, ReadOnlySpan<byte> input, Span<byte> codeword)
        where T : struct, IWordLanes<T>
    {
        LdpcWorkspace workspace = LdpcWorkspace.Current;
        LoadInput(workspace, input, parameters, null);
        LdpcEncoderPlan plan = LdpcEncoderPlan.Get(parameters.Code);
        LdpcEncoderKernel.Encode<T>(plan, parameters.KPrime, workspace, LdpcEncoderKernel.AllRows);

        // d = compact[0, K′ − 2·Zc) ++ F zeros ++ the parity that follows in the compact buffer.
        int n = parameters.N;
        int fillerStart = parameters.FillerStart;
        int fillers = parameters.FillerBits;
        Span<ulong> d = workspace.Circular;
        d[..((n >> 6) + 2)].Clear();
        ref ulong destination = ref MemoryMarshal.GetReference(d);
        ref ulong compact = ref MemoryMarshal.GetReference(workspace.Compact);
        PackedWords.CopyBits(ref destination, 0, ref compact, 0, fillerStart);
        PackedWords.CopyBits(ref destination, fillerStart + fillers, ref compact, fillerStart, n - fillerStart - fillers);
        PackedWords.ToBytes(d, n, codeword);
    }

    /// <summary>Selection, interleaving and packing of a packed circular buffer d.</summary>
    public static void Match(in LdpcBlockParameters parameters, ReadOnlySpan<byte> codeword, Span<byte> output)
    {
        LdpcWorkspace workspace = LdpcWorkspace.Current;
        int ncb = parameters.NcbEffective;
        int fillerStart = parameters.FillerStart;
        int fillerEnd = fillerStart + parameters.FillerBits;
        int compactLength = parameters.CompactLength;
        Span<ulong> d = workspace.Circular;
        int dWords = (ncb + 63) >> 6;
        PackedWords.FromBytes(codeword[..((ncb + 7) >> 3)], d);
        d.Slice(dWords, 2).Clear();
        workspace.Compact[..((compactLength >> 6) + 3)].Clear();
        ref ulong compact = ref MemoryMarshal.GetReference(workspace.Compact);
        ref ulong source = ref MemoryMarshal.GetReference(d);
        PackedWords.CopyBits(ref compact, 0, ref source, 0, fillerStart);
        PackedWords.CopyBits(ref compact, fillerStart, ref source, fillerEnd, ncb - fillerEnd);
        Select(parameters, workspace, output);
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

    // Extends the compact buffer cyclically and runs the selection/interleaving/packing.
    private static void Select(in LdpcBlockParameters parameters, LdpcWorkspace workspace, Span<byte> output)
    {
        int compactLength = parameters.CompactLength;
        LdpcRateMatchKernel.Extend(workspace.Compact, compactLength);
        int qm = parameters.InterleaverBypass ? 1 : parameters.Qm;
        LdpcRateMatchKernel.SelectInterleavePack(ref MemoryMarshal.GetReference(workspace.Compact), compactLength, parameters.K0Compact, parameters.E, qm, output);
    }

    // The K′ information bits as words, zero past K′ (and past K, where the systematic columns read): the input
    // bits, with the CRC attached after them when asked.
    private static void LoadInput(LdpcWorkspace workspace, ReadOnlySpan<byte> input, in LdpcBlockParameters parameters, CrcType? crc)
    {
        int kPrime = parameters.KPrime;
        int inputBits = kPrime - (crc is { } t ? CrcCalculator.Length(t) : 0);
        int bytes = (kPrime + 7) >> 3;
        Span<ulong> words = workspace.Input;
        if (crc is { } type)
        {
            Span<byte> packed = workspace.PackedBytes;
            int inputBytes = (inputBits + 7) >> 3;
            input[..inputBytes].CopyTo(packed);
            packed[inputBytes..bytes].Clear();
            CrcCalculator.Attach(type, packed, inputBits);
            PackedWords.FromBytes(packed[..bytes], words);
        }
        else
        {
            PackedWords.FromBytes(input[..bytes], words);
        }

        int last = kPrime >> 6;
        int used = kPrime & 63;
        words[last] = used == 0 ? 0 : words[last] & PackedWords.KeepFirst(used);
        words[(last + 1)..((parameters.K >> 6) + 3)].Clear();
    }

    private static bool Overlaps(long from, long to, long start, long end) => from < end && start < to;
}
