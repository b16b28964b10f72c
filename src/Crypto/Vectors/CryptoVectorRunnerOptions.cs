namespace AccelSdk.Crypto.Vectors;

/// <summary>How <see cref="CryptoVectorRunner"/> exercises a vector.</summary>
public sealed class CryptoVectorRunnerOptions
{
    /// <summary>Run every case in place. Default true.</summary>
    public bool InPlace { get; set; } = true;

    /// <summary>Run every case out of place too. Default true.</summary>
    public bool OutOfPlace { get; set; } = true;

    /// <summary>Also check that a corrupted digest or tag gives <see cref="CryptoOpStatus.AuthFailed"/>. Default true.</summary>
    public bool NegativeCases { get; set; } = true;

    /// <summary>Segment size of the data buffers in bytes; 0 puts each buffer in one segment. Default 0.</summary>
    public int SegmentSize { get; set; }

    /// <summary>How long to wait for a device to complete a vector's ops. Default 10 s.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
