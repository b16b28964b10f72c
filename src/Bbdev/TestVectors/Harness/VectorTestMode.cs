namespace AccelSdk.Bbdev.TestVectors.Harness;

/// <summary>How ops built from a vector are set up, following test-bbdev's test cases.</summary>
public enum VectorTestMode
{
    /// <summary>The vector's flags as they are (early termination as in the vector); outputs validated.</summary>
    Validation,

    /// <summary>LDPC early termination off, so that every op runs iter_max iterations (throughput, latency, offload).</summary>
    Performance,

    /// <summary>Early termination on; input LLRs regenerated from the vector's signs through an AWGN channel.</summary>
    Bler,
}
