using System.Security.Cryptography;
using AccelSdk.Crypto.Algorithms.Aes;
using AccelSdk.Crypto.Tests.Conformance;
using AccelSdk.Crypto.Vectors;

namespace AccelSdk.Crypto.Tests.Algorithms;

/// <summary>Own AES modes against the FIPS-197 example, the conformance vectors, and the BCL as an oracle.</summary>
public sealed class AesTests
{
    public static TheoryData<string> Implementations() => new("Scalar", "AesNi");

    [Fact]
    public void SBox_MatchesFips197()
    {
        Assert.Equal(0x63, AesReference.SBox[0x00]);
        Assert.Equal(0x7C, AesReference.SBox[0x01]);
        Assert.Equal(0xED, AesReference.SBox[0x53]);
        Assert.Equal(0x16, AesReference.SBox[0xFF]);
        Assert.Equal(0x53, AesReference.InverseSBox[0xED]);
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Fips197AppendixC_AllKeySizes(string name)
    {
        AesImplementation implementation = Resolve(name);
        byte[] plaintext = Convert.FromHexString("00112233445566778899aabbccddeeff");
        (string Key, string Cipher)[] cases =
        [
            ("000102030405060708090a0b0c0d0e0f", "69c4e0d86a7b0430d8cdb78070b4c55a"),
            ("000102030405060708090a0b0c0d0e0f1011121314151617", "dda97ca4864cdfe06eaf70a0ec0d7191"),
            ("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f", "8ea2b7ca516745bfeafc49904b496089"),
        ];
        foreach ((string keyHex, string cipherHex) in cases)
        {
            var key = new AesKey(Convert.FromHexString(keyHex));
            byte[] output = new byte[16];
            AesCore.EncryptBlocks(key, plaintext, output, implementation);
            Assert.Equal(cipherHex, Convert.ToHexStringLower(output));
            AesCore.DecryptBlocks(key, output, output, implementation);
            Assert.Equal(plaintext, output);
        }
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Modes_MatchTheBcl_OnRandomInputs(string name)
    {
        AesImplementation implementation = Resolve(name);
        var random = new Random(42);
        foreach (int keyLength in new[] { 16, 24, 32 })
        {
            foreach (int blocks in new[] { 0, 1, 7, 8, 9, 17, 33 })
            {
                byte[] keyBytes = RandomBytes(random, keyLength);
                byte[] iv = RandomBytes(random, 16);
                byte[] plaintext = RandomBytes(random, blocks * 16);
                using var bcl = System.Security.Cryptography.Aes.Create();
                bcl.Key = keyBytes;
                var key = new AesKey(keyBytes);

                byte[] ecb = new byte[plaintext.Length];
                AesCore.EncryptBlocks(key, plaintext, ecb, implementation);
                Assert.Equal(bcl.EncryptEcb(plaintext, PaddingMode.None), ecb);
                AesCore.DecryptBlocks(key, ecb, ecb, implementation);
                Assert.Equal(plaintext, ecb);

                byte[] cbc = (byte[])plaintext.Clone();
                AesCbc.Encrypt(key, iv, cbc, cbc, implementation);
                Assert.Equal(bcl.EncryptCbc(plaintext, iv, PaddingMode.None), cbc);
                AesCbc.Decrypt(key, iv, cbc, cbc, implementation);
                Assert.Equal(plaintext, cbc);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Ctr_EqualsEcbOfCountersXoredIn_WithCarryAcross64Bits(string name)
    {
        AesImplementation implementation = Resolve(name);
        var random = new Random(3);
        byte[] keyBytes = RandomBytes(random, 16);
        var key = new AesKey(keyBytes);
        // The low half wraps after the second block, so the increment must carry into the high half.
        byte[] counter = Convert.FromHexString("0011223344556677fffffffffffffffe");
        foreach (int length in new[] { 0, 1, 15, 16, 17, 127, 128, 129, 300 })
        {
            byte[] input = RandomBytes(random, length);
            byte[] output = new byte[length];
            AesCtr.Transform(key, counter, input, output, increment32: false, implementation);
            byte[] expected = new byte[length];
            var block = new System.Numerics.BigInteger(counter, isUnsigned: true, isBigEndian: true);
            using var bcl = System.Security.Cryptography.Aes.Create();
            bcl.Key = keyBytes;
            for (int i = 0; i < length; i += 16)
            {
                byte[] counterBytes = ((block + (i / 16)) % System.Numerics.BigInteger.Pow(2, 128)).ToByteArray(isUnsigned: true, isBigEndian: true);
                byte[] padded = new byte[16];
                counterBytes.CopyTo(padded, 16 - counterBytes.Length);
                byte[] pad = bcl.EncryptEcb(padded, PaddingMode.None);
                for (int j = 0; j < 16 && i + j < length; j++)
                {
                    expected[i + j] = (byte)(input[i + j] ^ pad[j]);
                }
            }

            Assert.Equal(expected, output);
        }
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Gcm_MatchesTheBcl_AndRejectsACorruptedTag(string name)
    {
        AesImplementation implementation = Resolve(name);
        var random = new Random(5);
        foreach (GhashImplementation ghash in new[] { GhashImplementation.Scalar, GhashImplementation.Auto })
        {
            foreach (int length in new[] { 0, 1, 16, 63, 64, 65, 255, 1500 })
            {
                foreach (int aadLength in new[] { 0, 12, 70 })
                {
                    byte[] keyBytes = RandomBytes(random, 16 + (8 * (length % 3)));
                    byte[] nonce = RandomBytes(random, 12);
                    byte[] aad = RandomBytes(random, aadLength);
                    byte[] plaintext = RandomBytes(random, length);
                    byte[] expected = new byte[length];
                    byte[] expectedTag = new byte[16];
                    using (var bcl = new System.Security.Cryptography.AesGcm(keyBytes, 16))
                    {
                        bcl.Encrypt(nonce, plaintext, expected, expectedTag, aad);
                    }

                    var gcm = new AesGcmCipher(new AesKey(keyBytes), implementation, ghash);
                    byte[] j0 = new byte[16];
                    gcm.ComputeJ0(nonce, j0);
                    byte[] output = (byte[])plaintext.Clone();
                    byte[] tag = new byte[16];
                    gcm.Encrypt(j0, aad, output, output, tag);
                    Assert.Equal(expected, output);
                    Assert.Equal(expectedTag, tag);
                    Assert.True(gcm.Decrypt(j0, aad, output, output, tag.AsSpan(0, 8)));
                    Assert.Equal(plaintext, output);
                    tag[3] ^= 1;
                    Assert.False(gcm.Decrypt(j0, aad, expected, new byte[length], tag));
                }
            }
        }
    }

    [Fact]
    public void Gcm_NonStandardIvLength_MatchesTheSpecExample()
    {
        // NIST GCM spec test case 6: 60-byte IV (J0 from GHASH of the IV).
        byte[] key = Convert.FromHexString("feffe9928665731c6d6a8f9467308308");
        byte[] iv = Convert.FromHexString("9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728c3c0c95156809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b");
        byte[] plaintext = Convert.FromHexString("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a721c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39");
        byte[] aad = Convert.FromHexString("feedfacedeadbeeffeedfacedeadbeefabaddad2");
        var gcm = new AesGcmCipher(new AesKey(key));
        byte[] j0 = new byte[16];
        gcm.ComputeJ0(iv, j0);
        byte[] output = new byte[plaintext.Length];
        byte[] tag = new byte[16];
        gcm.Encrypt(j0, aad, plaintext, output, tag);
        Assert.Equal("8ce24998625615b603a033aca13fb894be9112a5c3a211a8ba262a3cca7e2ca701e4a9a4fba43c90ccdcb281d48c7c6fd62875d2aca417034c34aee5", Convert.ToHexStringLower(output));
        Assert.Equal("619cc5aefffe0bfa462af43c1699d050", Convert.ToHexStringLower(tag));
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Ccm_MatchesTheBcl_ForEveryNonceAndTagLength(string name)
    {
        AesImplementation implementation = Resolve(name);
        var random = new Random(9);
        for (int nonceLength = 7; nonceLength <= 13; nonceLength++)
        {
            for (int tagLength = 4; tagLength <= 16; tagLength += 2)
            {
                int length = random.Next(0, 70);
                byte[] keyBytes = RandomBytes(random, 16);
                byte[] nonce = RandomBytes(random, nonceLength);
                byte[] aad = RandomBytes(random, random.Next(0, 40));
                byte[] plaintext = RandomBytes(random, length);
                byte[] expected = new byte[length];
                byte[] expectedTag = new byte[tagLength];
                using (var bcl = new System.Security.Cryptography.AesCcm(keyBytes))
                {
                    bcl.Encrypt(nonce, plaintext, expected, expectedTag, aad);
                }

                var ccm = new AesCcmCipher(new AesKey(keyBytes), implementation);
                byte[] output = (byte[])plaintext.Clone();
                byte[] tag = new byte[tagLength];
                ccm.Encrypt(nonce, aad, output, output, tag);
                Assert.Equal(expected, output);
                Assert.Equal(expectedTag, tag);
                Assert.True(ccm.Decrypt(nonce, aad, output, output, tag));
                Assert.Equal(plaintext, output);
                tag[0] ^= 0x80;
                Assert.False(ccm.Decrypt(nonce, aad, expected, new byte[length], tag));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Implementations))]
    public void Cmac_ConformanceVectors(string name)
    {
        AesImplementation implementation = Resolve(name);
        foreach (CryptoVector vector in ConformanceData.VectorsOf("aes_cmac.json"))
        {
            var cmac = new AesCmac(new AesKey(vector.Single!.Key), implementation);
            byte[] mac = new byte[16];
            int offset = (int)(vector.Single.OffsetBits / 8);
            cmac.Compute(vector.Plaintext.AsSpan(offset, (int)(vector.Single.LengthBits / 8)), mac);
            Assert.Equal(vector.Digest, mac.AsSpan(0, vector.Digest.Length).ToArray());
        }
    }

    [Fact]
    public void Cmac_Rfc4493EmptyMessage()
    {
        var cmac = new AesCmac(new AesKey(Convert.FromHexString("2b7e151628aed2a6abf7158809cf4f3c")), AesImplementation.Auto);
        byte[] mac = new byte[16];
        cmac.Compute([], mac);
        Assert.Equal("bb1d6929e95937287fa37d129b756746", Convert.ToHexStringLower(mac));
    }

    [Fact]
    public void Ghash_ClmulEqualsReference_OnRandomValues()
    {
        if (!System.Runtime.Intrinsics.X86.Pclmulqdq.IsSupported)
        {
            Assert.Skip("PCLMULQDQ is not supported on this CPU.");
        }

        var random = new Random(11);
        for (int i = 0; i < 500; i++)
        {
            var x = System.Runtime.Intrinsics.Vector128.Create((ulong)random.NextInt64(), (ulong)random.NextInt64());
            var y = System.Runtime.Intrinsics.Vector128.Create((ulong)random.NextInt64(), (ulong)random.NextInt64());
            Assert.Equal(Ghash.MultiplyReference(x, y), Ghash.MultiplyClmul(x, y));
        }
    }

    private static AesImplementation Resolve(string name)
    {
        AesImplementation implementation = Enum.Parse<AesImplementation>(name);
        if (implementation == AesImplementation.AesNi && !System.Runtime.Intrinsics.X86.Aes.IsSupported)
        {
            Assert.Skip("AES-NI is not supported on this CPU.");
        }

        return implementation;
    }

    private static byte[] RandomBytes(Random random, int length)
    {
        byte[] bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
