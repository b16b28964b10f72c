using AccelSdk.Crypto.Transforms;

namespace AccelSdk.Crypto.Tests.Api;

/// <summary>After warm-up, an enqueue/dequeue burst allocates nothing on the calling thread, for every algorithm family.</summary>
public sealed class AllocationTests
{
    private static readonly byte[] Key16 = Enumerable.Range(0, 16).Select(i => (byte)(i * 3)).ToArray();
    private static readonly byte[] Key32 = Enumerable.Range(0, 32).Select(i => (byte)(i * 5)).ToArray();

    public static TheoryData<string> Families() => new(
        "AES-GCM", "AES-CCM", "AES-CBC+HMAC-SHA1", "HMAC-SHA256", "SHA224-HMAC", "AES-CTR+CMAC (NEA2/NIA2)", "AES-ECB", "AES-GMAC",
        "SNOW3G-UEA2+UIA2", "ZUC-EEA3+EIA3", "ZUC-256", "KASUMI-F8+F9", "NULL");

    [Theory]
    [MemberData(nameof(Families))]
    public void SteadyStateBurst_AllocatesNothing(string family)
    {
        RunAndMeasure("crypto_sw0", family, segmented: false);
    }

    [Theory]
    [InlineData("AES-GCM")]
    [InlineData("ZUC-EEA3+EIA3")]
    public void SteadyStateBurst_OnSegmentedBuffers_AllocatesNothing(string family)
    {
        RunAndMeasure("crypto_sw0", family, segmented: true);
    }

    [Theory]
    [InlineData("AES-CBC+HMAC-SHA1")]
    [InlineData("SNOW3G-UEA2+UIA2")]
    public void SteadyStateBurst_InWorkerMode_AllocatesNothingOnTheCaller(string family)
    {
        RunAndMeasure("crypto_sw0,workers=1", family, segmented: false);
    }

    private static void RunAndMeasure(string devargs, string family, bool segmented)
    {
        using var device = new TestDevice(devargs, depth: 64);
        using var f = new OpFactory(count: 128);
        (CryptoTransform transform, Action<CryptoOp> setup) = Describe(family);
        using CryptoSession session = device.Device.CreateSession(transform);
        var ops = new CryptoOp[32];
        byte[] payload = new byte[512];
        for (int i = 0; i < ops.Length; i++)
        {
            ops[i] = f.Op(session, segmented ? f.Chain(payload, 200, 312) : f.Buffer(payload));
            setup(ops[i]);
        }

        var done = new CryptoOp[ops.Length];
        for (int warm = 0; warm < 3; warm++)
        {
            Burst(device.Device, ops, done);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int round = 0; round < 10; round++)
        {
            Burst(device.Device, ops, done);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.All(done, op => Assert.NotEqual(CryptoOpStatus.InvalidArgs, op.Status));
        Assert.Equal(0, allocated);
    }

    private static void Burst(CryptoDevice device, CryptoOp[] ops, CryptoOp[] done)
    {
        int enqueued = 0, dequeued = 0;
        while (dequeued < ops.Length)
        {
            enqueued += device.EnqueueBurst(0, ops.AsSpan(enqueued));
            int n = device.DequeueBurst(0, done.AsSpan(dequeued));
            dequeued += n;
            if (n == 0)
            {
                Thread.Yield();
            }
        }
    }

    private static (CryptoTransform, Action<CryptoOp>) Describe(string family)
    {
        byte[] aad = new byte[16];
        return family switch
        {
            "AES-GCM" => (new AeadTransform { Algorithm = AeadAlgorithm.AesGcm, Key = Key16, IvLength = 12, DigestLength = 16, AadLength = 16 },
                op => { op.AeadLength = 496; op.DigestOffset = 496; op.Aad = aad; }),
            "AES-CCM" => (new AeadTransform { Algorithm = AeadAlgorithm.AesCcm, Key = Key16, IvLength = 12, DigestLength = 8, AadLength = 16 },
                op => { op.AeadLength = 496; op.DigestOffset = 496; op.Aad = aad; }),
            "AES-CBC+HMAC-SHA1" => (new CipherTransform
            {
                Algorithm = CipherAlgorithm.AesCbc, Key = Key16, IvLength = 16,
                Next = new AuthTransform { Algorithm = AuthAlgorithm.Sha1Hmac, Key = Key16, DigestLength = 12, Operation = AuthOperation.Generate },
            }, op => { op.CipherLength = 496; op.AuthLength = 496; op.DigestOffset = 496; }),
            "HMAC-SHA256" => (new AuthTransform { Algorithm = AuthAlgorithm.Sha256Hmac, Key = Key32, DigestLength = 32, Operation = AuthOperation.Generate },
                op => { op.AuthLength = 480; op.DigestOffset = 480; }),
            "SHA224-HMAC" => (new AuthTransform { Algorithm = AuthAlgorithm.Sha224Hmac, Key = Key32, DigestLength = 28, Operation = AuthOperation.Generate },
                op => { op.AuthLength = 480; op.DigestOffset = 480; }),
            "AES-CTR+CMAC (NEA2/NIA2)" => (new AuthTransform
            {
                Algorithm = AuthAlgorithm.AesCmac, Key = Key16, DigestLength = 4, Operation = AuthOperation.Generate,
                Next = new CipherTransform { Algorithm = CipherAlgorithm.AesCtr, Key = Key16, IvLength = 16 },
            }, op => { op.AuthLength = 508; op.CipherOffset = 2; op.CipherLength = 510; op.DigestOffset = 508; }),
            "AES-ECB" => (new CipherTransform { Algorithm = CipherAlgorithm.AesEcb, Key = Key32 }, op => op.CipherLength = 512),
            "AES-GMAC" => (new AuthTransform { Algorithm = AuthAlgorithm.AesGmac, Key = Key16, IvLength = 12, DigestLength = 16, Operation = AuthOperation.Generate },
                op => { op.AuthLength = 496; op.DigestOffset = 496; }),
            "SNOW3G-UEA2+UIA2" => (new AuthTransform
            {
                Algorithm = AuthAlgorithm.Snow3GUia2, Key = Key16, IvLength = 16, IvOffset = 32, DigestLength = 4, Operation = AuthOperation.Generate,
                Next = new CipherTransform { Algorithm = CipherAlgorithm.Snow3GUea2, Key = Key16, IvLength = 16 },
            }, op => { op.AuthLength = 508 * 8; op.CipherOffset = 16; op.CipherLength = 510 * 8; op.DigestOffset = 508; }),
            "ZUC-EEA3+EIA3" => (new AuthTransform
            {
                Algorithm = AuthAlgorithm.ZucEia3, Key = Key16, IvLength = 16, IvOffset = 32, DigestLength = 4, Operation = AuthOperation.Generate,
                Next = new CipherTransform { Algorithm = CipherAlgorithm.ZucEea3, Key = Key16, IvLength = 16 },
            }, op => { op.AuthLength = 508 * 8; op.CipherOffset = 16; op.CipherLength = 510 * 8; op.DigestOffset = 508; }),
            "ZUC-256" => (new CipherTransform
            {
                Algorithm = CipherAlgorithm.ZucEea3, Key = Key32, IvLength = 25,
                Next = new AuthTransform { Algorithm = AuthAlgorithm.ZucEia3, Key = Key32, IvLength = 25, IvOffset = 32, DigestLength = 16, Operation = AuthOperation.Generate },
            }, op => { op.CipherLength = 496 * 8; op.AuthLength = 496 * 8; op.DigestOffset = 496; }),
            "KASUMI-F8+F9" => (new CipherTransform
            {
                Algorithm = CipherAlgorithm.KasumiF8, Key = Key16, IvLength = 8,
                Next = new AuthTransform { Algorithm = AuthAlgorithm.KasumiF9, Key = Key16, DigestLength = 4, Operation = AuthOperation.Generate },
            }, op => { op.CipherLength = 500 * 8; op.AuthLength = 500 * 8; op.DigestOffset = 504; }),
            _ => (new CipherTransform { Algorithm = CipherAlgorithm.Null }, op => op.CipherLength = 512),
        };
    }
}
