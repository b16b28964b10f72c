using AccelSdk.Core.Buffers;
using AccelSdk.Crypto.Transforms;

namespace AccelSdk.Crypto.Tests.Api;

/// <summary>Malformed ops complete with a status (never an exception); the data path keeps going.</summary>
public sealed class DataPathTests
{
    private static readonly byte[] Key = Enumerable.Range(1, 16).Select(i => (byte)i).ToArray();

    private static CryptoSession Cbc(CryptoDevice device) =>
        device.CreateSession(new CipherTransform { Algorithm = CipherAlgorithm.AesCbc, Key = Key, IvLength = 16, Operation = CipherOperation.Encrypt });

    private static CryptoSession Hmac(CryptoDevice device, AuthOperation operation) =>
        device.CreateSession(new AuthTransform { Algorithm = AuthAlgorithm.Sha256Hmac, Key = Key, DigestLength = 16, Operation = operation });

    [Fact]
    public void CipherRangeBeyondTheBuffer_IsInvalidArgs_AndTheNextOpStillWorks()
    {
        using var device = new TestDevice();
        using var f = new OpFactory();
        using CryptoSession session = Cbc(device.Device);
        CryptoOp bad = f.Op(session, f.Buffer(new byte[64]));
        bad.CipherOffset = 32;
        bad.CipherLength = 48;
        CryptoOp good = f.Op(session, f.Buffer(new byte[64]));
        good.CipherLength = 64;
        CryptoOp[] done = OpFactory.RunBurst(device.Device, 0, bad, good);
        Assert.Equal(CryptoOpStatus.InvalidArgs, done[0].Status);
        Assert.Equal(CryptoOpStatus.Success, done[1].Status);
        Assert.Equal(new byte[64], OpFactory.Bytes(bad.Source!));
        Assert.NotEqual(new byte[64], OpFactory.Bytes(good.Source!));
    }

    [Fact]
    public void BlockCipherLengthNotWholeBlocks_IsInvalidArgs()
    {
        using var device = new TestDevice();
        using var f = new OpFactory();
        using CryptoSession session = Cbc(device.Device);
        CryptoOp op = f.Op(session, f.Buffer(new byte[64]));
        op.CipherLength = 40;
        Assert.Equal(CryptoOpStatus.InvalidArgs, OpFactory.RunBurst(device.Device, 0, op)[0].Status);
    }

    [Theory]
    [InlineData(0, 100, 0)]
    [InlineData(-1, 10, 0)]
    [InlineData(0, -5, 0)]
    [InlineData(0, 64, 60)]
    [InlineData(0, 64, -1)]
    public void AuthOrDigestOutsideTheBuffer_IsInvalidArgs(int offset, int length, int digestOffset)
    {
        using var device = new TestDevice();
        using var f = new OpFactory();
        using CryptoSession session = Hmac(device.Device, AuthOperation.Generate);
        CryptoOp op = f.Op(session, f.Buffer(new byte[64]));
        op.AuthOffset = offset;
        op.AuthLength = length;
        op.DigestOffset = digestOffset;
        Assert.Equal(CryptoOpStatus.InvalidArgs, OpFactory.RunBurst(device.Device, 0, op)[0].Status);
    }

    [Fact]
    public void BitRangeBeyondTheBuffer_IsInvalidArgs()
    {
        using var device = new TestDevice();
        using var f = new OpFactory();
        using CryptoSession session = device.Device.CreateSession(new CipherTransform { Algorithm = CipherAlgorithm.Snow3GUea2, Key = Key, IvLength = 16 });
        CryptoOp op = f.Op(session, f.Buffer(new byte[10]));
        op.CipherOffset = 3;
        op.CipherLength = 78; // bits 3..80 need 11 bytes
        Assert.Equal(CryptoOpStatus.InvalidArgs, OpFactory.RunBurst(device.Device, 0, op)[0].Status);
        op.Status = CryptoOpStatus.NotProcessed;
        op.CipherLength = 77;
        Assert.Equal(CryptoOpStatus.Success, OpFactory.RunBurst(device.Device, 0, op)[0].Status);
    }

    [Fact]
    public void OutOfPlaceDestinationTooShort_IsInvalidArgs()
    {
        using var device = new TestDevice();
        using var f = new OpFactory();
        using CryptoSession session = Cbc(device.Device);
        CryptoOp op = f.Op(session, f.Buffer(new byte[64]), f.Buffer(new byte[32]));
        op.CipherLength = 64;
        Assert.Equal(CryptoOpStatus.InvalidArgs, OpFactory.RunBurst(device.Device, 0, op)[0].Status);
    }

    [Fact]
    public void VerifyFailure_IsAuthFailedStatus_NotAnException()
    {
        using var device = new TestDevice();
        using var f = new OpFactory();
        using CryptoSession generate = Hmac(device.Device, AuthOperation.Generate);
        using CryptoSession verify = Hmac(device.Device, AuthOperation.Verify);
        byte[] message = new byte[80];
        CryptoOp op = f.Op(generate, f.Buffer(message));
        op.AuthLength = 64;
        op.DigestOffset = 64;
        Assert.Equal(CryptoOpStatus.Success, OpFactory.RunBurst(device.Device, 0, op)[0].Status);
        op.Session = verify;
        Assert.Equal(CryptoOpStatus.Success, OpFactory.RunBurst(device.Device, 0, op)[0].Status);
        op.Source!.Data[70] ^= 0x40;
        Assert.Equal(CryptoOpStatus.AuthFailed, OpFactory.RunBurst(device.Device, 0, op)[0].Status);
        Assert.Equal(1, device.Device.GetStats().DequeueErrorCount);
    }

    [Fact]
    public void MissingClosedOrForeignSession_IsInvalidSession()
    {
        using var device = new TestDevice();
        using var other = new TestDevice();
        using var f = new OpFactory();
        CryptoSession closed = Cbc(device.Device);
        closed.Dispose();
        using CryptoSession foreign = Cbc(other.Device);
        CryptoOp none = f.Op(closed, f.Buffer(new byte[16]));
        none.Session = null;
        CryptoOp disposed = f.Op(closed, f.Buffer(new byte[16]));
        CryptoOp alien = f.Op(foreign, f.Buffer(new byte[16]));
        CryptoOp[] done = OpFactory.RunBurst(device.Device, 0, none, disposed, alien);
        Assert.All(done, op => Assert.Equal(CryptoOpStatus.InvalidSession, op.Status));
    }

    [Fact]
    public void MissingSourceOrShortAad_IsInvalidArgs()
    {
        using var device = new TestDevice();
        using var f = new OpFactory();
        using CryptoSession gcm = device.Device.CreateSession(new AeadTransform
        {
            Algorithm = AeadAlgorithm.AesGcm,
            Key = Key,
            IvLength = 12,
            DigestLength = 16,
            AadLength = 8,
        });
        CryptoOp noSource = f.Op(gcm, f.Buffer(new byte[32]));
        noSource.Source = null;
        CryptoOp shortAad = f.Op(gcm, f.Buffer(new byte[32]));
        shortAad.CipherLength = 16;
        shortAad.DigestOffset = 16;
        shortAad.Aad = new byte[4];
        CryptoOp[] done = OpFactory.RunBurst(device.Device, 0, noSource, shortAad);
        Assert.All(done, op => Assert.Equal(CryptoOpStatus.InvalidArgs, op.Status));
    }

    [Fact]
    public void DigestBufferSpanningSegments_IsInvalidArgs()
    {
        using var device = new TestDevice();
        using var f = new OpFactory();
        using CryptoSession session = Hmac(device.Device, AuthOperation.Generate);
        CryptoOp op = f.Op(session, f.Buffer(new byte[64]));
        op.AuthLength = 64;
        op.DigestBuffer = f.Chain(new byte[32], 10, 22);
        op.DigestOffset = 4;
        Assert.Equal(CryptoOpStatus.InvalidArgs, OpFactory.RunBurst(device.Device, 0, op)[0].Status);
        op.DigestOffset = 12;
        Assert.Equal(CryptoOpStatus.Success, OpFactory.RunBurst(device.Device, 0, op)[0].Status);
    }

    [Fact]
    public void OutOfPlace_CopiesAuthOnlyBytesAndLeavesTheSourceAlone()
    {
        using var device = new TestDevice();
        using var f = new OpFactory();
        using CryptoSession session = device.Device.CreateSession(new CipherTransform
        {
            Algorithm = CipherAlgorithm.AesCtr,
            Key = Key,
            IvLength = 16,
            Next = new AuthTransform { Algorithm = AuthAlgorithm.AesCmac, Key = Key, DigestLength = 4, Operation = AuthOperation.Generate },
        });
        byte[] input = Enumerable.Range(0, 100).Select(i => (byte)i).ToArray();
        DataBuffer source = f.Buffer(input);
        DataBuffer destination = f.Buffer(new byte[100]);
        CryptoOp op = f.Op(session, source, destination);
        op.AuthOffset = 0;
        op.AuthLength = 96;
        op.CipherOffset = 8;
        op.CipherLength = 88;
        op.DigestOffset = 96;
        Assert.Equal(CryptoOpStatus.Success, OpFactory.RunBurst(device.Device, 0, op)[0].Status);
        Assert.Equal(input, OpFactory.Bytes(source));
        byte[] output = OpFactory.Bytes(destination);
        Assert.Equal(input[..8], output[..8]);
        Assert.NotEqual(input[8..96], output[8..96]);
    }

    [Fact]
    public void InvalidQueuePairId_Throws()
    {
        using var device = new TestDevice();
        Assert.Throws<ArgumentOutOfRangeException>(() => device.Device.EnqueueBurst(3, ReadOnlySpan<CryptoOp>.Empty));
    }
}
