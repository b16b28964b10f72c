namespace AccelSdk.Crypto.Vectors;

/// <summary>What a conformance vector exercises (the file's <c>xform</c> field).</summary>
public enum CryptoVectorKind
{
    /// <summary>A cipher transform alone.</summary>
    Cipher,

    /// <summary>An auth (hash/MAC) transform alone.</summary>
    Auth,

    /// <summary>An AEAD transform.</summary>
    Aead,

    /// <summary>A cipher and an auth transform chained.</summary>
    Chain,
}
