using System.Diagnostics.CodeAnalysis;
using AccelSdk.Bbdev.Fec.Crc;

namespace AccelSdk.Bbdev.Fec.Ldpc;

/// <summary>The decoder's argument errors, kept out of <see cref="LdpcDecoder.Decode"/> so that its body stays small.</summary>
internal static class LdpcDecoderThrowHelper
{
    [DoesNotReturn]
    public static void FillerBits(LdpcCode code, int value, int max) => throw new ArgumentException(
        $"n_filler = {value} is invalid: allowed [0, {max}] for basegraph {code.Graph.Number}, z_c {code.Zc} (K = {code.K}).", "fillerBits");

    [DoesNotReturn]
    public static void CompactLength(LdpcCode code, int fillerBits, int value, int max) => throw new ArgumentException(
        $"compacted circular buffer length = {value} is invalid: allowed [0, {max}] (N − F) for basegraph {code.Graph.Number}, z_c {code.Zc}, n_filler {fillerBits}.",
        "compact");

    [DoesNotReturn]
    public static void HardOutput(int kPrime, int value, int needed) => throw new ArgumentException(
        $"hard output length = {value} bytes is too small: K′ = {kPrime} bits need at least {needed} bytes.", "hardOutput");

    [DoesNotReturn]
    public static void MaxIterations(int value) => throw new ArgumentException(
        $"iter_max = {value} is invalid: allowed [1, {LdpcDecoder.MaxIterationsLimit}].", "maxIterations");

    [DoesNotReturn]
    public static void EarlyStopCrc(CrcType value) => throw new ArgumentException(
        $"early-stop CRC = {value} is invalid: allowed Crc24A, Crc24B, Crc16 or null.", "earlyStopCrc");

    [DoesNotReturn]
    public static void EarlyStopCrcLength(CrcType value, int crcLength, int kPrime) => throw new ArgumentException(
        $"early-stop CRC {value} needs K′ > {crcLength}; K′ = {kPrime}.", "earlyStopCrc");
}
