using AccelSdk.Crypto.Transforms;

namespace AccelSdk.Crypto.Capabilities;

/// <summary>
/// One algorithm a device supports and the sizes it accepts (DPDK <c>rte_cryptodev_capabilities</c>, symmetric
/// entries). Exactly one of the algorithm properties is meaningful, the one matching <see cref="Type"/>.
/// </summary>
public sealed class CryptoCapability
{
    private CryptoCapability(TransformType type, string name)
    {
        Type = type;
        AlgorithmName = name;
    }

    /// <summary>Cipher, auth or AEAD.</summary>
    public TransformType Type { get; }

    /// <summary>The cipher algorithm (when <see cref="Type"/> is <see cref="TransformType.Cipher"/>).</summary>
    public CipherAlgorithm CipherAlgorithm { get; private init; }

    /// <summary>The auth algorithm (when <see cref="Type"/> is <see cref="TransformType.Auth"/>).</summary>
    public AuthAlgorithm AuthAlgorithm { get; private init; }

    /// <summary>The AEAD algorithm (when <see cref="Type"/> is <see cref="TransformType.Aead"/>).</summary>
    public AeadAlgorithm AeadAlgorithm { get; private init; }

    /// <summary>DPDK name of the algorithm.</summary>
    public string AlgorithmName { get; }

    /// <summary>Block size in bytes (1 for stream ciphers and NULL).</summary>
    public int BlockSize { get; private init; }

    /// <summary>Legal key sizes.</summary>
    public ParamRange KeySize { get; private init; }

    /// <summary>Legal IV sizes.</summary>
    public ParamRange IvSize { get; private init; }

    /// <summary>Legal digest sizes (auth and AEAD).</summary>
    public ParamRange DigestSize { get; private init; }

    /// <summary>Legal AAD sizes (AEAD).</summary>
    public ParamRange AadSize { get; private init; }

    /// <summary>Whether offsets and lengths are counted in bits.</summary>
    public bool IsBitOriented { get; private init; }

    /// <summary>Describes a cipher.</summary>
    public static CryptoCapability ForCipher(CipherAlgorithm algorithm, int blockSize, ParamRange keySize, ParamRange ivSize) =>
        new(TransformType.Cipher, CryptoAlgorithms.GetName(algorithm))
        {
            CipherAlgorithm = algorithm,
            BlockSize = blockSize,
            KeySize = keySize,
            IvSize = ivSize,
            IsBitOriented = CryptoAlgorithms.IsBitOriented(algorithm),
        };

    /// <summary>Describes an auth algorithm.</summary>
    public static CryptoCapability ForAuth(AuthAlgorithm algorithm, int blockSize, ParamRange keySize, ParamRange digestSize, ParamRange ivSize) =>
        new(TransformType.Auth, CryptoAlgorithms.GetName(algorithm))
        {
            AuthAlgorithm = algorithm,
            BlockSize = blockSize,
            KeySize = keySize,
            DigestSize = digestSize,
            IvSize = ivSize,
            IsBitOriented = CryptoAlgorithms.IsBitOriented(algorithm),
        };

    /// <summary>Describes an AEAD algorithm.</summary>
    public static CryptoCapability ForAead(AeadAlgorithm algorithm, int blockSize, ParamRange keySize, ParamRange digestSize, ParamRange aadSize, ParamRange ivSize) =>
        new(TransformType.Aead, CryptoAlgorithms.GetName(algorithm))
        {
            AeadAlgorithm = algorithm,
            BlockSize = blockSize,
            KeySize = keySize,
            DigestSize = digestSize,
            AadSize = aadSize,
            IvSize = ivSize,
        };

    /// <summary>Whether this entry describes <paramref name="transform"/>'s algorithm (sizes not checked).</summary>
    public bool Matches(CryptoTransform transform) => transform switch
    {
        CipherTransform c => Type == TransformType.Cipher && CipherAlgorithm == c.Algorithm,
        AuthTransform a => Type == TransformType.Auth && AuthAlgorithm == a.Algorithm,
        AeadTransform e => Type == TransformType.Aead && AeadAlgorithm == e.Algorithm,
        _ => false,
    };

    /// <summary>One line: <c>cipher AES_CBC key 16..32 step 8 iv 16</c>.</summary>
    public override string ToString() => Type switch
    {
        TransformType.Cipher => $"cipher {AlgorithmName} block {BlockSize} key {KeySize} iv {IvSize}",
        TransformType.Auth => $"auth {AlgorithmName} block {BlockSize} key {KeySize} digest {DigestSize} iv {IvSize}",
        _ => $"aead {AlgorithmName} block {BlockSize} key {KeySize} digest {DigestSize} aad {AadSize} iv {IvSize}",
    };
}
