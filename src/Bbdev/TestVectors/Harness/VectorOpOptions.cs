namespace AccelSdk.Bbdev.TestVectors.Harness;

/// <summary>Options for building ops from a vector.</summary>
public sealed record VectorOpOptions
{
    /// <summary>Decoder iteration limit for every decoder op (test-bbdev's <c>-t</c>, default 6).</summary>
    public int IterMax { get; init; } = 6;

    /// <summary>The test mode.</summary>
    public VectorTestMode Mode { get; init; } = VectorTestMode.Validation;

    /// <summary>SNR in dB for <see cref="VectorTestMode.Bler"/>.</summary>
    public double SnrDb { get; init; }

    /// <summary>Seed of the AWGN generator for <see cref="VectorTestMode.Bler"/>.</summary>
    public int Seed { get; init; } = 1;
}
