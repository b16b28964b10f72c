namespace AccelSdk.Crypto.Vectors;

/// <summary>The verdict on one vector.</summary>
public enum CryptoVectorOutcome
{
    /// <summary>Every case gave the expected output and status.</summary>
    Passed,

    /// <summary>A case gave a wrong output or status (see <see cref="CryptoVectorResult.Reason"/>).</summary>
    Failed,

    /// <summary>The device does not support the vector's algorithm or sizes (not a failure, as in DPDK's tests).</summary>
    Unsupported,
}
