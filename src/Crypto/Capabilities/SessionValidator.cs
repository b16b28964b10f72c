using AccelSdk.Crypto.Transforms;

namespace AccelSdk.Crypto.Capabilities;

/// <summary>
/// Checks a transform chain before a session is built: the chain shape and order (DPDK's accepted chains, see
/// cryptodev.md 2.4), every size against the device's capabilities, the algorithm-specific combinations a range
/// cannot express (ZUC-128 vs ZUC-256 key/IV/digest pairs), and that IVs fit the op's IV area.
/// </summary>
internal static class SessionValidator
{
    /// <summary>Validates, returning a reason instead of throwing.</summary>
    /// <returns><see langword="null"/> when valid; else the problem and whether it is "not supported" (versus invalid).</returns>
    public static (string Message, bool NotSupported)? Check(CryptoDeviceInfo info, CryptoTransform transform)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(transform);
        CryptoTransform? second = transform.Next;
        if (second?.Next is not null)
        {
            return ("A session takes one transform or a chain of two; this chain is longer.", true);
        }

        if (second is not null)
        {
            if ((info.FeatureFlags & CryptoFeatureFlags.SymOperationChaining) == 0)
            {
                return ($"Device driver {info.DriverName} does not support chained transforms.", true);
            }

            if (transform is AeadTransform || second is AeadTransform)
            {
                return ("An AEAD transform cannot be chained with another transform.", true);
            }

            if (transform.Type == second.Type)
            {
                return ($"A chain needs one cipher and one auth transform; got {transform.Type} then {second.Type}.", true);
            }

            (CipherTransform cipher, AuthTransform auth) = transform is CipherTransform c ? (c, (AuthTransform)second) : ((CipherTransform)second, (AuthTransform)transform);
            bool cipherFirst = transform is CipherTransform;
            bool encrypt = cipher.Operation == CipherOperation.Encrypt;
            bool generate = auth.Operation == AuthOperation.Generate;
            if (encrypt != generate)
            {
                string order = cipherFirst ? $"CIPHER({cipher.Operation}) -> AUTH({auth.Operation})" : $"AUTH({auth.Operation}) -> CIPHER({cipher.Operation})";
                return ($"Chain {order} is not supported: encryption pairs with digest generation and decryption with verification.", true);
            }
        }

        for (CryptoTransform? t = transform; t is not null; t = t.Next)
        {
            (string, bool)? problem = CheckOne(info, t);
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    /// <summary>Validates and throws: <see cref="NotSupportedException"/> or <see cref="ArgumentException"/> naming the field, value and range.</summary>
    public static void Validate(CryptoDeviceInfo info, CryptoTransform transform)
    {
        (string Message, bool NotSupported)? problem = Check(info, transform);
        if (problem is { } p)
        {
            throw p.NotSupported ? new NotSupportedException(p.Message) : new ArgumentException(p.Message, nameof(transform));
        }
    }

    private static (string, bool)? CheckOne(CryptoDeviceInfo info, CryptoTransform t)
    {
        CryptoCapability? capability = info.Capabilities.FirstOrDefault(c => c.Matches(t));
        string what = $"{t.Type} {t.AlgorithmName}";
        if (capability is null)
        {
            return ($"{what} is not supported by driver {info.DriverName}.", true);
        }

        if (!capability.KeySize.Contains(t.Key.Length))
        {
            return ($"{what}: Key length {t.Key.Length} is invalid; allowed {capability.KeySize} bytes.", false);
        }

        if (!capability.IvSize.Contains(t.IvLength))
        {
            return ($"{what}: IvLength {t.IvLength} is invalid; allowed {capability.IvSize} bytes.", false);
        }

        int ivBytes = t is AeadTransform { Algorithm: AeadAlgorithm.AesGcm, IvLength: 0 } or AuthTransform { Algorithm: AuthAlgorithm.AesGmac, IvLength: 0 } ? 16 : t.IvLength;
        if (t.IvOffset < 0 || t.IvOffset + ivBytes > CryptoOp.IvAreaSize)
        {
            return ($"{what}: IvOffset {t.IvOffset} with {ivBytes} IV bytes does not fit the op's {CryptoOp.IvAreaSize}-byte IV area; allowed IvOffset 0..{CryptoOp.IvAreaSize - ivBytes}.", false);
        }

        switch (t)
        {
            case AuthTransform auth when !capability.DigestSize.Contains(auth.DigestLength):
                return ($"{what}: DigestLength {auth.DigestLength} is invalid; allowed {capability.DigestSize} bytes.", false);
            case AeadTransform aead when !capability.DigestSize.Contains(aead.DigestLength):
                return ($"{what}: DigestLength {aead.DigestLength} is invalid; allowed {capability.DigestSize} bytes.", false);
            case AeadTransform aead when !capability.AadSize.Contains(aead.AadLength):
                return ($"{what}: AadLength {aead.AadLength} is invalid; allowed {capability.AadSize} bytes.", false);
        }

        // Combinations a single range cannot express.
        switch (t)
        {
            case CipherTransform { Algorithm: CipherAlgorithm.ZucEea3 } z when (z.Key.Length == 16) != (z.IvLength == 16):
                return ($"{what}: Key length {z.Key.Length} needs IvLength {(z.Key.Length == 16 ? 16 : 25)} (ZUC-128: 16/16, ZUC-256: 32/25); got {z.IvLength}.", false);
            case AuthTransform { Algorithm: AuthAlgorithm.ZucEia3 } z when (z.Key.Length == 16) != (z.IvLength == 16):
                return ($"{what}: Key length {z.Key.Length} needs IvLength {(z.Key.Length == 16 ? 16 : 25)} (ZUC-128: 16/16, ZUC-256: 32/25); got {z.IvLength}.", false);
            case AuthTransform { Algorithm: AuthAlgorithm.ZucEia3, Key.Length: 16 } z when z.DigestLength != 4:
                return ($"{what}: DigestLength {z.DigestLength} is invalid for a 16-byte key (128-EIA3); allowed 4.", false);
        }

        return null;
    }
}
