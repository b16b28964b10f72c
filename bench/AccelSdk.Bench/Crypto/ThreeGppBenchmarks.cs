using AccelSdk.Crypto.Algorithms.Aes;
using AccelSdk.Crypto.Algorithms.Kasumi;
using AccelSdk.Crypto.Algorithms.Snow3G;
using AccelSdk.Crypto.Algorithms.Zuc;
using Zuc = AccelSdk.Crypto.Algorithms.Zuc;
using BenchmarkDotNet.Attributes;

namespace AccelSdk.Bench.Crypto;

/// <summary>
/// The 3GPP confidentiality and integrity kernels on one packet, with AES-128-CTR (128-NEA2, AES-NI) as the
/// baseline: 128-NEA1/NIA1 (SNOW 3G), 128-NEA3/NIA3 (ZUC), NIA2 (AES-CMAC), KASUMI f8/f9.
/// Run: <c>dotnet run -c Release --project bench/AccelSdk.Bench -- --filter '*ThreeGpp*'</c>.
/// </summary>
[MemoryDiagnoser]
public class ThreeGppBenchmarks
{
    private static readonly byte[] Key = Enumerable.Range(0, 16).Select(i => (byte)(i * 7)).ToArray();
    private static readonly byte[] Iv = Enumerable.Range(0, 16).Select(i => (byte)(i * 11)).ToArray();
    private byte[] _buffer = null!;
    private AesKey _aes = null!;
    private AesCmac _cmac = null!;
    private KasumiF8 _f8 = null!;
    private KasumiF9 _f9 = null!;
    private readonly byte[] _mac = new byte[16];

    /// <summary>Payload bytes per packet.</summary>
    [Params(64, 1500)]
    public int Size { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _buffer = new byte[Size];
        _aes = new AesKey(Key);
        _cmac = new AesCmac(_aes, AesImplementation.Auto);
        _f8 = new KasumiF8(Key);
        _f9 = new KasumiF9(Key);
    }

    [Benchmark(Baseline = true)]
    public void AesCtrNea2() => AesCtr.Transform(_aes, Iv, _buffer, _buffer, false, AesKey.Resolve(AesImplementation.Auto));

    [Benchmark]
    public void AesCmacNia2() => _cmac.Compute(_buffer, _mac);

    [Benchmark]
    public void Snow3GUea2() => Snow3GF8.Transform(Key, Iv, _buffer, 0, Size * 8L);

    [Benchmark]
    public uint Snow3GUia2() => Snow3GF9.Compute(Key, Iv, _buffer, Size * 8L);

    [Benchmark]
    public void ZucEea3Nea3() => Zuc.ZucEea3.Transform(Key, Iv, _buffer, 0, Size * 8L);

    [Benchmark]
    public void ZucEia3Nia3() => Zuc.ZucEia3.Compute(Key, Iv, _buffer, Size * 8L, _mac.AsSpan(0, 4));

    [Benchmark]
    public void KasumiF8() => _f8.Transform(Iv.AsSpan(0, 8), _buffer, 0, Size * 8L);

    [Benchmark]
    public uint KasumiF9() => _f9.Compute(_buffer, Size * 8L);
}
