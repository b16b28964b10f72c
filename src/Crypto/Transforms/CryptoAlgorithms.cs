namespace AccelSdk.Crypto.Transforms;

/// <summary>
/// Algorithm names as DPDK spells them (<c>AES_CBC</c>, <c>SNOW3G_UIA2</c>, the enum names without their prefix),
/// both ways, and which algorithms count offsets and lengths in bits.
/// </summary>
public static class CryptoAlgorithms
{
    private static readonly Dictionary<CipherAlgorithm, string> s_cipher = new()
    {
        [CipherAlgorithm.Null] = "NULL",
        [CipherAlgorithm.AesCbc] = "AES_CBC",
        [CipherAlgorithm.AesCtr] = "AES_CTR",
        [CipherAlgorithm.AesEcb] = "AES_ECB",
        [CipherAlgorithm.Snow3GUea2] = "SNOW3G_UEA2",
        [CipherAlgorithm.ZucEea3] = "ZUC_EEA3",
        [CipherAlgorithm.KasumiF8] = "KASUMI_F8",
    };

    private static readonly Dictionary<AuthAlgorithm, string> s_auth = new()
    {
        [AuthAlgorithm.Null] = "NULL",
        [AuthAlgorithm.AesCmac] = "AES_CMAC",
        [AuthAlgorithm.AesGmac] = "AES_GMAC",
        [AuthAlgorithm.Sha1] = "SHA1",
        [AuthAlgorithm.Sha1Hmac] = "SHA1_HMAC",
        [AuthAlgorithm.Sha224] = "SHA224",
        [AuthAlgorithm.Sha224Hmac] = "SHA224_HMAC",
        [AuthAlgorithm.Sha256] = "SHA256",
        [AuthAlgorithm.Sha256Hmac] = "SHA256_HMAC",
        [AuthAlgorithm.Sha384] = "SHA384",
        [AuthAlgorithm.Sha384Hmac] = "SHA384_HMAC",
        [AuthAlgorithm.Sha512] = "SHA512",
        [AuthAlgorithm.Sha512Hmac] = "SHA512_HMAC",
        [AuthAlgorithm.Snow3GUia2] = "SNOW3G_UIA2",
        [AuthAlgorithm.ZucEia3] = "ZUC_EIA3",
        [AuthAlgorithm.KasumiF9] = "KASUMI_F9",
    };

    private static readonly Dictionary<AeadAlgorithm, string> s_aead = new()
    {
        [AeadAlgorithm.AesCcm] = "AES_CCM",
        [AeadAlgorithm.AesGcm] = "AES_GCM",
    };

    /// <summary>DPDK name of a cipher algorithm.</summary>
    public static string GetName(CipherAlgorithm algorithm) => s_cipher.TryGetValue(algorithm, out string? name) ? name : algorithm.ToString();

    /// <summary>DPDK name of an auth algorithm.</summary>
    public static string GetName(AuthAlgorithm algorithm) => s_auth.TryGetValue(algorithm, out string? name) ? name : algorithm.ToString();

    /// <summary>DPDK name of an AEAD algorithm.</summary>
    public static string GetName(AeadAlgorithm algorithm) => s_aead.TryGetValue(algorithm, out string? name) ? name : algorithm.ToString();

    /// <summary>Parses a DPDK cipher name (case-insensitive, with or without the <c>RTE_CRYPTO_CIPHER_</c> prefix).</summary>
    public static bool TryParse(string name, out CipherAlgorithm algorithm) => TryFind(s_cipher, Strip(name, "RTE_CRYPTO_CIPHER_"), out algorithm);

    /// <summary>Parses a DPDK auth name (case-insensitive, with or without the <c>RTE_CRYPTO_AUTH_</c> prefix).</summary>
    public static bool TryParse(string name, out AuthAlgorithm algorithm) => TryFind(s_auth, Strip(name, "RTE_CRYPTO_AUTH_"), out algorithm);

    /// <summary>Parses a DPDK AEAD name (case-insensitive, with or without the <c>RTE_CRYPTO_AEAD_</c> prefix).</summary>
    public static bool TryParse(string name, out AeadAlgorithm algorithm) => TryFind(s_aead, Strip(name, "RTE_CRYPTO_AEAD_"), out algorithm);

    /// <summary>Whether the cipher's offsets and lengths are in bits (SNOW 3G, ZUC, KASUMI) rather than bytes.</summary>
    public static bool IsBitOriented(CipherAlgorithm algorithm) =>
        algorithm is CipherAlgorithm.Snow3GUea2 or CipherAlgorithm.ZucEea3 or CipherAlgorithm.KasumiF8;

    /// <summary>Whether the auth algorithm's offsets and lengths are in bits (SNOW 3G, ZUC, KASUMI) rather than bytes.</summary>
    public static bool IsBitOriented(AuthAlgorithm algorithm) =>
        algorithm is AuthAlgorithm.Snow3GUia2 or AuthAlgorithm.ZucEia3 or AuthAlgorithm.KasumiF9;

    private static string Strip(string name, string prefix)
    {
        ArgumentNullException.ThrowIfNull(name);
        string upper = name.Trim().ToUpperInvariant().Replace('-', '_');
        return upper.StartsWith(prefix, StringComparison.Ordinal) ? upper[prefix.Length..] : upper;
    }

    private static bool TryFind<T>(Dictionary<T, string> names, string name, out T value)
        where T : struct, Enum
    {
        foreach ((T key, string text) in names)
        {
            if (text == name)
            {
                value = key;
                return true;
            }
        }

        value = default;
        return false;
    }
}
