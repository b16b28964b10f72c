namespace AccelSdk.Crypto.Drivers.Software;

/// <summary>The processing plan of a session, in the order its transforms run.</summary>
internal enum SessionKind
{
    /// <summary>Cipher only.</summary>
    Cipher,

    /// <summary>Auth only.</summary>
    Auth,

    /// <summary>Cipher, then auth over the cipher's output (encrypt-then-MAC, or decrypt-then-verify).</summary>
    CipherThenAuth,

    /// <summary>Auth, then cipher (MAC-then-encrypt with a possibly encrypted digest, or verify-then-decrypt).</summary>
    AuthThenCipher,

    /// <summary>AEAD.</summary>
    Aead,
}
