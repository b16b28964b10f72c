namespace AccelSdk.Bbdev.Fec.Turbo;

/// <summary>The scalar reference: every window one after the other, every step from the trellis definition.</summary>
internal sealed class TurboDecoderScalar : TurboDecoder
{
    public TurboDecoderScalar()
        : base(SimdWidth.Scalar)
    {
    }

    private protected override void RunMap(int decoder, int niiRead, int scale, bool writePosterior, Span<short> parityPosterior) =>
        MapScalar(decoder, niiRead, scale, writePosterior, parityPosterior);
}
