using AccelSdk.Crypto.Transforms;

namespace AccelSdk.Crypto.Tests.Api;

/// <summary>Sessions are checked against the capabilities at creation, with messages that name the field, value and range.</summary>
public sealed class SessionValidationTests
{
    private static readonly byte[] Key16 = new byte[16];

    [Fact]
    public void WrongKeySize_IsArgumentException_NamingValueAndRange()
    {
        using var device = new TestDevice();
        var ex = Assert.Throws<ArgumentException>(() => device.Device.CreateSession(new CipherTransform
        {
            Algorithm = CipherAlgorithm.AesCbc,
            Key = new byte[17],
            IvLength = 16,
        }));
        Assert.Contains("Key length 17", ex.Message, StringComparison.Ordinal);
        Assert.Contains("16..32 step 8", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AES_CBC", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(CipherAlgorithm.AesCbc, 12, "16")]
    [InlineData(CipherAlgorithm.Snow3GUea2, 8, "16")]
    [InlineData(CipherAlgorithm.KasumiF8, 16, "8")]
    [InlineData(CipherAlgorithm.AesCtr, 14, "12..16 step 4")]
    public void WrongIvSize_IsArgumentException(CipherAlgorithm algorithm, int ivLength, string allowed)
    {
        using var device = new TestDevice();
        var ex = Assert.Throws<ArgumentException>(() => device.Device.CreateSession(new CipherTransform { Algorithm = algorithm, Key = Key16, IvLength = ivLength }));
        Assert.Contains($"IvLength {ivLength}", ex.Message, StringComparison.Ordinal);
        Assert.Contains($"allowed {allowed} bytes", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AuthAlgorithm.Snow3GUia2, 16, 8)]
    [InlineData(AuthAlgorithm.Sha1Hmac, 0, 21)]
    [InlineData(AuthAlgorithm.AesCmac, 0, 17)]
    [InlineData(AuthAlgorithm.KasumiF9, 0, 0)]
    public void WrongDigestSize_IsArgumentException(AuthAlgorithm algorithm, int ivLength, int digestLength)
    {
        using var device = new TestDevice();
        var ex = Assert.Throws<ArgumentException>(() => device.Device.CreateSession(new AuthTransform
        {
            Algorithm = algorithm,
            Key = Key16,
            IvLength = ivLength,
            DigestLength = digestLength,
            Operation = AuthOperation.Generate,
        }));
        Assert.Contains($"DigestLength {digestLength}", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Zuc128KeyWith256Iv_IsRejected()
    {
        using var device = new TestDevice();
        var ex = Assert.Throws<ArgumentException>(() => device.Device.CreateSession(new CipherTransform { Algorithm = CipherAlgorithm.ZucEea3, Key = Key16, IvLength = 25 }));
        Assert.Contains("ZUC-128", ex.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => device.Device.CreateSession(new AuthTransform
        {
            Algorithm = AuthAlgorithm.ZucEia3,
            Key = Key16,
            IvLength = 16,
            DigestLength = 8,
        }));
    }

    [Theory]
    [InlineData(CipherOperation.Encrypt, AuthOperation.Verify, true)]
    [InlineData(CipherOperation.Decrypt, AuthOperation.Generate, true)]
    [InlineData(CipherOperation.Encrypt, AuthOperation.Verify, false)]
    [InlineData(CipherOperation.Decrypt, AuthOperation.Generate, false)]
    public void MixedDirectionChain_IsNotSupported(CipherOperation cipherOperation, AuthOperation authOperation, bool cipherFirst)
    {
        using var device = new TestDevice();
        var auth = new AuthTransform { Algorithm = AuthAlgorithm.Sha1Hmac, Key = Key16, DigestLength = 12, Operation = authOperation };
        CryptoTransform chain = cipherFirst
            ? new CipherTransform { Algorithm = CipherAlgorithm.AesCbc, Key = Key16, IvLength = 16, Operation = cipherOperation, Next = auth }
            : new AuthTransform
            {
                Algorithm = AuthAlgorithm.Sha1Hmac,
                Key = Key16,
                DigestLength = 12,
                Operation = authOperation,
                Next = new CipherTransform { Algorithm = CipherAlgorithm.AesCbc, Key = Key16, IvLength = 16, Operation = cipherOperation },
            };
        var ex = Assert.Throws<NotSupportedException>(() => device.Device.CreateSession(chain));
        Assert.Contains("not supported", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AcceptedChains_AllFourOrders()
    {
        using var device = new TestDevice();
        foreach (bool cipherFirst in new[] { true, false })
        {
            foreach (bool encrypt in new[] { true, false })
            {
                var cipher = new CipherTransform { Algorithm = CipherAlgorithm.AesCtr, Key = Key16, IvLength = 16, Operation = encrypt ? CipherOperation.Encrypt : CipherOperation.Decrypt };
                var auth = new AuthTransform { Algorithm = AuthAlgorithm.AesCmac, Key = Key16, DigestLength = 4, Operation = encrypt ? AuthOperation.Generate : AuthOperation.Verify };
                CryptoTransform chain = cipherFirst
                    ? new CipherTransform { Algorithm = cipher.Algorithm, Key = cipher.Key, IvLength = 16, Operation = cipher.Operation, Next = auth }
                    : new AuthTransform { Algorithm = auth.Algorithm, Key = auth.Key, DigestLength = 4, Operation = auth.Operation, Next = cipher };
                using CryptoSession session = device.Device.CreateSession(chain);
                Assert.Same(device.Device, session.Device);
            }
        }
    }

    [Fact]
    public void AeadChained_TwoCiphers_AndThreeTransforms_AreNotSupported()
    {
        using var device = new TestDevice();
        var cipher = new CipherTransform { Algorithm = CipherAlgorithm.Null };
        Assert.Throws<NotSupportedException>(() => device.Device.CreateSession(new AeadTransform
        {
            Algorithm = AeadAlgorithm.AesGcm,
            Key = Key16,
            IvLength = 12,
            DigestLength = 16,
            Next = cipher,
        }));
        Assert.Throws<NotSupportedException>(() => device.Device.CreateSession(new CipherTransform { Algorithm = CipherAlgorithm.Null, Next = cipher }));
        var auth = new AuthTransform { Algorithm = AuthAlgorithm.Null, Operation = AuthOperation.Generate, Next = cipher };
        Assert.Throws<NotSupportedException>(() => device.Device.CreateSession(new CipherTransform { Algorithm = CipherAlgorithm.Null, Next = auth }));
    }

    [Fact]
    public void IvOutsideTheIvArea_IsRejected()
    {
        using var device = new TestDevice();
        var ex = Assert.Throws<ArgumentException>(() => device.Device.CreateSession(new CipherTransform
        {
            Algorithm = CipherAlgorithm.AesCbc,
            Key = Key16,
            IvLength = 16,
            IvOffset = 60,
        }));
        Assert.Contains("IvOffset 60", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Supports_ReportsTheSameReasonWithoutThrowing()
    {
        using var device = new TestDevice();
        var transform = new AeadTransform { Algorithm = AeadAlgorithm.AesCcm, Key = Key16, IvLength = 14, DigestLength = 8 };
        Assert.False(device.Device.Info.Supports(transform, out string? reason));
        Assert.Contains("IvLength 14", reason, StringComparison.Ordinal);
        Assert.Contains("7..13 step 1", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void SessionLimit_IsEnforced_AndFreedSessionsCountBack()
    {
        using var device = new TestDevice("crypto_sw0,max_sessions=2");
        var transform = new CipherTransform { Algorithm = CipherAlgorithm.Null };
        CryptoSession a = device.Device.CreateSession(transform);
        using CryptoSession b = device.Device.CreateSession(transform);
        Assert.Throws<InvalidOperationException>(() => device.Device.CreateSession(transform));
        a.Dispose();
        using CryptoSession c = device.Device.CreateSession(transform);
        Assert.Equal(2, device.Device.SessionCount);
    }

    [Fact]
    public void Capabilities_FollowTheIncrementRule()
    {
        using var device = new TestDevice();
        Capabilities.CryptoCapability gcm = device.Device.Info.FindAead(AeadAlgorithm.AesGcm)!;
        Assert.True(gcm.KeySize.Contains(24));
        Assert.False(gcm.KeySize.Contains(20));
        Assert.True(gcm.IvSize.Contains(0));
        Assert.True(gcm.IvSize.Contains(12));
        Assert.False(gcm.IvSize.Contains(6));
        Assert.True(device.Device.Info.FindCipher(CipherAlgorithm.Snow3GUea2)!.IsBitOriented);
        Assert.NotEqual(0UL, (ulong)(device.Device.Info.FeatureFlags & CryptoFeatureFlags.DigestEncrypted));
    }
}
