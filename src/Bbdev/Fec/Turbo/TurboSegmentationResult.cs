namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>The code block segmentation of one transport block (TS 36.212 5.1.2), in the standard's symbols.</summary>
/// <param name="B">Input bits: the transport block with its CRC24A.</param>
/// <param name="C">Number of code blocks.</param>
/// <param name="KPlus">K+, the larger code block size (a size of Table 5.1.3-3).</param>
/// <param name="KMinus">K−, the smaller code block size, or 0 when every block has size K+.</param>
/// <param name="CPlus">C+, number of code blocks of size K+.</param>
/// <param name="CMinus">C−, number of code blocks of size K−; they come first (r &lt; C−).</param>
/// <param name="FillerBits">F, filler bits (zeros, NULL on the air) at the start of code block 0.</param>
/// <param name="CrcLength">L, the per-code-block CRC24B length: 24 when C &gt; 1, else 0.</param>
public readonly record struct TurboSegmentationResult(int B, int C, int KPlus, int KMinus, int CPlus, int CMinus, int FillerBits, int CrcLength)
{
    /// <summary>K of code block <paramref name="r"/>: K− for r &lt; C−, else K+.</summary>
    public int KOf(int r) => r < CMinus ? KMinus : KPlus;
}
