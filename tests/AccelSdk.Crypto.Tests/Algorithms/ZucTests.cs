using AccelSdk.Crypto.Algorithms.Zuc;
using AccelSdk.Crypto.Tests.Conformance;
using AccelSdk.Crypto.Vectors;

namespace AccelSdk.Crypto.Tests.Algorithms;

public sealed class ZucTests
{
    [Fact]
    public void SpecTestSet1_AllZeroKeyAndIv()
    {
        // ZUC specification (Document 3), test set 1: key and IV all zero.
        var generator = default(ZucGenerator);
        generator.Initialize128(new byte[16], new byte[16]);
        uint[] z = new uint[2];
        generator.Generate(z);
        Assert.Equal([0x27BEDE74u, 0x018082DAu], z);
    }

    [Fact]
    public void Generator_EqualsReference_OnRandomKeys_Zuc128AndZuc256()
    {
        var random = new Random(4);
        for (int trial = 0; trial < 10; trial++)
        {
            byte[] key = new byte[32], iv = new byte[25];
            random.NextBytes(key);
            random.NextBytes(iv);
            uint[] loaded = new uint[16];
            ZucKeyLoading.Load128(key.AsSpan(0, 16), iv.AsSpan(0, 16), loaded);
            uint[] expected = new uint[40];
            ZucReference.Generate(loaded, expected);
            var generator = default(ZucGenerator);
            generator.Initialize128(key.AsSpan(0, 16), iv.AsSpan(0, 16));
            uint[] actual = new uint[40];
            generator.Generate(actual);
            Assert.Equal(expected, actual);

            ZucKeyLoading.Load256(key, iv, ZucTables.D256Keystream, loaded);
            ZucReference.Generate(loaded, expected);
            generator = default;
            generator.Initialize256(key, iv, ZucTables.D256Keystream);
            generator.Generate(actual);
            Assert.Equal(expected, actual);
        }
    }

    [Theory]
    [InlineData("zuc_eea3.json")]
    [InlineData("zuc256_eea3.json")]
    public void Eea3_ConformanceVectors_BothDirections(string file)
    {
        foreach (CryptoVector vector in ConformanceData.VectorsOf(file))
        {
            CryptoVectorStage s = vector.Single!;
            byte[] data = (byte[])vector.Plaintext.Clone();
            ZucEea3.Transform(s.Key, s.Iv, data, s.OffsetBits, s.LengthBits);
            Assert.Equal(vector.Ciphertext, data);
            ZucEea3.Transform(s.Key, s.Iv, data, s.OffsetBits, s.LengthBits);
            Assert.Equal(vector.Plaintext, data);
        }
    }

    [Theory]
    [InlineData("zuc_eia3.json", true)]
    [InlineData("zuc_eia3.json", false)]
    [InlineData("zuc256_eia3.json", true)]
    [InlineData("zuc256_eia3.json", false)]
    public void Eia3_ConformanceVectors(string file, bool clmul)
    {
        foreach (CryptoVector vector in ConformanceData.VectorsOf(file))
        {
            CryptoVectorStage s = vector.Single!;
            byte[] mac = new byte[s.DigestLength];
            ZucEia3.Compute(s.Key, s.Iv, vector.Plaintext, s.LengthBits, mac, clmul);
            Assert.Equal(vector.Digest, mac);
        }
    }

    [Theory]
    [InlineData(16, 4)]
    [InlineData(32, 4)]
    [InlineData(32, 8)]
    [InlineData(32, 16)]
    public void Eia3_FastPathEqualsTheDefinition_AcrossLengths(int keyLength, int macLength)
    {
        var random = new Random(keyLength * 100 + macLength);
        byte[] key = new byte[keyLength], iv = new byte[keyLength == 16 ? 16 : 25], message = new byte[700];
        random.NextBytes(key);
        random.NextBytes(iv);
        random.NextBytes(message);
        bool zuc256 = keyLength == 32;
        foreach (int bits in new[] { 0, 1, 31, 32, 33, 63, 64, 65, 95, 2047, 2048, 2049, 4100, 5599 })
        {
            uint[] loaded = new uint[16];
            if (zuc256)
            {
                ZucKeyLoading.Load256(key, iv, macLength switch { 4 => ZucTables.D256Mac32, 8 => ZucTables.D256Mac64, _ => ZucTables.D256Mac128 }, loaded);
            }
            else
            {
                ZucKeyLoading.Load128(key, iv, loaded);
            }

            uint[] keystream = new uint[(bits / 32) + 16];
            ZucReference.Generate(loaded, keystream);
            byte[] expected = new byte[macLength];
            ZucEia3.ComputeReference(keystream, message, bits, macLength * 8, zuc256, expected);
            byte[] fast = new byte[macLength];
            ZucEia3.Compute(key, iv, message, bits, fast, useClmul: true);
            Assert.Equal(expected, fast);
            ZucEia3.Compute(key, iv, message, bits, fast, useClmul: false);
            Assert.Equal(expected, fast);
        }
    }
}
