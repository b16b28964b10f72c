using AccelSdk.Crypto.Vectors;

namespace AccelSdk.Crypto.Tests.Conformance;

/// <summary>The runner must be able to fail: wrong expectations fail, unknown algorithms are unsupported.</summary>
public sealed class VectorRunnerTests
{
    [Theory]
    [InlineData("snow3g_uea2.json")]
    [InlineData("aes_gcm.json")]
    [InlineData("chain_3gpp.json")]
    [InlineData("zuc_eia3.json")]
    public void CorruptedExpectation_IsReportedAsFailed(string file)
    {
        CryptoVector original = ConformanceData.VectorsOf(file)[^1];
        CryptoVector corrupted = original.Kind == CryptoVectorKind.Auth
            ? Clone(original, digest: Flip(original.Digest, 0))
            : Clone(original, ciphertext: Flip(original.Ciphertext, original.Ciphertext.Length - 1));
        using var device = new TestDevice();
        using var runner = new CryptoVectorRunner(device.Device);
        Assert.Equal(CryptoVectorOutcome.Passed, runner.Run(original).Outcome);
        CryptoVectorResult result = runner.Run(corrupted);
        Assert.Equal(CryptoVectorOutcome.Failed, result.Outcome);
        Assert.False(string.IsNullOrWhiteSpace(result.Reason));
    }

    [Fact]
    public void UnknownAlgorithm_IsUnsupportedNotFailed()
    {
        CryptoVector original = ConformanceData.VectorsOf("aes_cbc.json")[0];
        var des = new CryptoVector
        {
            Name = "des",
            Kind = CryptoVectorKind.Cipher,
            Single = new CryptoVectorStage { Algorithm = "3DES_CBC", Key = new byte[24], Iv = new byte[8], LengthBits = 64 },
            Plaintext = new byte[8],
            Ciphertext = new byte[8],
        };
        using var device = new TestDevice();
        using var runner = new CryptoVectorRunner(device.Device);
        CryptoVectorResult result = runner.Run(des);
        Assert.Equal(CryptoVectorOutcome.Unsupported, result.Outcome);
        Assert.Contains("3DES_CBC", result.Reason, StringComparison.Ordinal);
        Assert.Equal(CryptoVectorOutcome.Passed, runner.Run(original).Outcome);
    }

    [Fact]
    public void UnsupportedSize_IsReportedWithTheRange()
    {
        CryptoVector original = ConformanceData.VectorsOf("snow3g_uia2.json")[0];
        CryptoVector eightByteMac = Clone(original, digest: [.. original.Digest, .. original.Digest], digestLength: 8);
        using var device = new TestDevice();
        using var runner = new CryptoVectorRunner(device.Device);
        CryptoVectorResult result = runner.Run(eightByteMac);
        Assert.Equal(CryptoVectorOutcome.Unsupported, result.Outcome);
        Assert.Contains("DigestLength 8", result.Reason, StringComparison.Ordinal);
    }

    private static byte[] Flip(byte[] bytes, int index)
    {
        byte[] copy = (byte[])bytes.Clone();
        copy[index] ^= 0x01;
        return copy;
    }

    private static CryptoVector Clone(CryptoVector v, byte[]? ciphertext = null, byte[]? digest = null, int? digestLength = null) => new()
    {
        Name = v.Name + "-modified",
        Kind = v.Kind,
        Single = v.Single is null || digestLength is null ? v.Single : new CryptoVectorStage
        {
            Algorithm = v.Single.Algorithm,
            Key = v.Single.Key,
            Iv = v.Single.Iv,
            OffsetBits = v.Single.OffsetBits,
            LengthBits = v.Single.LengthBits,
            DigestLength = digestLength.Value,
        },
        Cipher = v.Cipher,
        Auth = v.Auth,
        AuthFirst = v.AuthFirst,
        Plaintext = v.Plaintext,
        Ciphertext = ciphertext ?? v.Ciphertext,
        Digest = digest ?? v.Digest,
        Aad = v.Aad,
        IvIsJ0 = v.IvIsJ0,
        DigestOffsetBytes = v.DigestOffsetBytes,
        DigestEncrypted = v.DigestEncrypted,
    };
}
