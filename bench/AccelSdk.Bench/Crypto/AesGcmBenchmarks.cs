using AccelSdk.Crypto;
using AccelSdk.Crypto.Algorithms.Aes;
using AccelSdk.Crypto.Transforms;
using BenchmarkDotNet.Attributes;

namespace AccelSdk.Bench.Crypto;

/// <summary>
/// AES-128-GCM encrypt with a 16-byte AAD and tag, per packet: the BCL's AesGcm (OpenSSL) in-thread as the baseline,
/// the SDK kernel called directly, and the same work as a burst of 32 ops through crypto_sw.
/// Run: <c>dotnet run -c Release --project bench/AccelSdk.Bench -- --filter '*AesGcm*'</c>.
/// </summary>
[MemoryDiagnoser]
public class AesGcmBenchmarks
{
    private const int Burst = 32;
    private static readonly byte[] Key = Enumerable.Range(0, 16).Select(i => (byte)i).ToArray();
    private readonly byte[] _nonce = new byte[12];
    private readonly byte[] _aad = new byte[16];
    private System.Security.Cryptography.AesGcm _bcl = null!;
    private AesGcmCipher _kernel = null!;
    private byte[] _j0 = null!;
    private byte[] _buffer = null!;
    private CryptoDeviceBench _device = null!;

    /// <summary>Payload bytes per packet.</summary>
    [Params(64, 256, 1500, 4096)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _bcl = new System.Security.Cryptography.AesGcm(Key, 16);
        _kernel = new AesGcmCipher(new AesKey(Key));
        _j0 = new byte[16];
        _kernel.ComputeJ0(_nonce, _j0);
        _buffer = new byte[Size + 16];
        _device = new CryptoDeviceBench(
            new AeadTransform { Algorithm = AeadAlgorithm.AesGcm, Key = Key, IvLength = 12, DigestLength = 16, AadLength = 16 },
            Size,
            Burst,
            op =>
            {
                op.AeadLength = Size;
                op.DigestOffset = Size;
                op.Aad = _aad;
            });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _bcl.Dispose();
        _device.Dispose();
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Burst)]
    public void Bcl()
    {
        for (int i = 0; i < Burst; i++)
        {
            _bcl.Encrypt(_nonce, _buffer.AsSpan(0, Size), _buffer.AsSpan(0, Size), _buffer.AsSpan(Size, 16), _aad);
        }
    }

    [Benchmark(OperationsPerInvoke = Burst)]
    public void Kernel()
    {
        for (int i = 0; i < Burst; i++)
        {
            _kernel.Encrypt(_j0, _aad, _buffer.AsSpan(0, Size), _buffer.AsSpan(0, Size), _buffer.AsSpan(Size, 16));
        }
    }

    [Benchmark(OperationsPerInvoke = Burst)]
    public void Device() => _device.Burst();
}
