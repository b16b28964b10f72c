using System.Text.Json;
using AccelSdk.Crypto.Algorithms.Kasumi;
using AccelSdk.Crypto.Tests.Conformance;
using AccelSdk.Crypto.Vectors;

namespace AccelSdk.Crypto.Tests.Algorithms;

public sealed class KasumiTests
{
    [Fact]
    public void SBoxes_ArePermutations()
    {
        Assert.Equal(Enumerable.Range(0, 128), KasumiTables.S7.Select(x => (int)x).Order());
        Assert.Equal(Enumerable.Range(0, 512), KasumiTables.S9.Select(x => (int)x).Order());
    }

    [Fact]
    public void F8_ConformanceVectors_BothDirections()
    {
        foreach (CryptoVector vector in ConformanceData.VectorsOf("kasumi_f8.json"))
        {
            CryptoVectorStage s = vector.Single!;
            var f8 = new KasumiF8(s.Key);
            byte[] data = (byte[])vector.Plaintext.Clone();
            f8.Transform(s.Iv, data, s.OffsetBits, s.LengthBits);
            Assert.Equal(vector.Ciphertext, data);
            f8.Transform(s.Iv, data, s.OffsetBits, s.LengthBits);
            Assert.Equal(vector.Plaintext, data);
        }
    }

    [Fact]
    public void F9_ConformanceVectors_PaddedStringAndParameterForms()
    {
        ConformanceData.RequireVectors();
        using JsonDocument document = JsonDocument.Parse(File.ReadAllText(Path.Combine(ConformanceData.Directory!, "kasumi_f9.json")));
        foreach (JsonElement v in document.RootElement.GetProperty("vectors").EnumerateArray())
        {
            var f9 = new KasumiF9(Convert.FromHexString(v.GetProperty("key").GetString()!));
            byte[] ps = Convert.FromHexString(v.GetProperty("plaintext").GetString()!);
            string expected = v.GetProperty("digest").GetString()!;
            Assert.Equal(expected, f9.Compute(ps, v.GetProperty("length_bits").GetInt64()).ToString("x8"));
            uint parameterForm = f9.Compute(
                v.GetProperty("count").GetUInt32(),
                v.GetProperty("fresh").GetUInt32(),
                v.GetProperty("direction").GetInt32() == 1,
                Convert.FromHexString(v.GetProperty("message").GetString()!),
                v.GetProperty("message_length_bits").GetInt64());
            Assert.Equal(expected, parameterForm.ToString("x8"));
        }
    }
}
