using AccelSdk.Crypto.Transforms;

namespace AccelSdk.Crypto.Tests.Api;

/// <summary>DPDK's IV length 0 for GCM/GMAC: the op carries the pre-counter block J0 itself.</summary>
public sealed class GcmJ0Tests
{
    [Fact]
    public void AeadWithJ0_EqualsTheSameIvGivenAsNonce()
    {
        byte[] key = Enumerable.Range(0, 16).Select(i => (byte)(i * 9)).ToArray();
        byte[] nonce = Enumerable.Range(0, 12).Select(i => (byte)(i + 100)).ToArray();
        byte[] j0 = [.. nonce, 0, 0, 0, 1];
        byte[] aad = [1, 2, 3, 4, 5];
        using var device = new TestDevice();
        using var f = new OpFactory();
        using CryptoSession withNonce = device.Device.CreateSession(new AeadTransform { Algorithm = AeadAlgorithm.AesGcm, Key = key, IvLength = 12, DigestLength = 13, AadLength = 5 });
        using CryptoSession withJ0 = device.Device.CreateSession(new AeadTransform { Algorithm = AeadAlgorithm.AesGcm, Key = key, IvLength = 0, DigestLength = 13, AadLength = 5 });
        byte[] plain = Enumerable.Range(0, 77).Select(i => (byte)i).ToArray();
        CryptoOp a = f.Op(withNonce, f.Buffer([.. plain, .. new byte[13]]));
        CryptoOp b = f.Op(withJ0, f.Buffer([.. plain, .. new byte[13]]));
        foreach (CryptoOp op in new[] { a, b })
        {
            op.AeadLength = 77;
            op.DigestOffset = 77;
            op.Aad = aad;
        }

        nonce.CopyTo(a.Iv);
        j0.CopyTo(b.Iv);
        OpFactory.RunBurst(device.Device, 0, a, b);
        Assert.Equal(CryptoOpStatus.Success, a.Status);
        Assert.Equal(OpFactory.Bytes(a.Source!), OpFactory.Bytes(b.Source!));

        byte[] expected = new byte[77];
        byte[] tag = new byte[16];
        using var bcl = new System.Security.Cryptography.AesGcm(key, 16);
        bcl.Encrypt(nonce, plain, expected, tag, aad);
        Assert.Equal([.. expected, .. tag[..13]], OpFactory.Bytes(a.Source!));
    }
}
