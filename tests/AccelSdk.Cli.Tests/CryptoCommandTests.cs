namespace AccelSdk.Cli.Tests;

public sealed class CryptoCommandTests
{
    private static string? VectorDirectory()
    {
        for (DirectoryInfo? dir = new(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "AccelSdk.sln")))
            {
                string candidate = Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared", "conformance", "crypto"));
                return Directory.Exists(candidate) ? candidate : null;
            }
        }

        return null;
    }

    private static string RequireVectors()
    {
        string? dir = VectorDirectory();
        if (dir is null)
        {
            Assert.Skip("Conformance vectors not found: expected <repo root>/../shared/conformance/crypto.");
        }

        return dir;
    }

    [Fact]
    public void CryptoTest_AllSharedVectors_PassWithOneLinePerVector()
    {
        string dir = RequireVectors();
        (int code, string output, string error) = CliRunner.Run("crypto-test", "-v", dir);
        Assert.True(code == 0, error + output);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        int vectors = Directory.GetFiles(dir, "*.json").Sum(f => System.Text.Json.JsonDocument.Parse(File.ReadAllText(f)).RootElement.GetProperty("vectors").GetArrayLength());
        Assert.Equal(vectors, lines.Count(l => l.StartsWith("PASS ", StringComparison.Ordinal)));
        Assert.DoesNotContain(lines, l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.Contains($"{vectors} passed, 0 failed, 0 unsupported", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CryptoTest_WorkerDeviceAndSegments_PassAFile()
    {
        string dir = RequireVectors();
        (int code, string output, _) = CliRunner.Run("crypto-test", "-v", Path.Combine(dir, "chain_3gpp.json"), "--device", "crypto_sw0,workers=1", "--segment-sz", "40");
        Assert.Equal(0, code);
        Assert.Contains("0 failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public void CryptoTest_FailingVector_ExitsNonZeroWithReason()
    {
        string dir = RequireVectors();
        string text = File.ReadAllText(Path.Combine(dir, "zuc_eea3.json"));
        using var doc = System.Text.Json.JsonDocument.Parse(text);
        string ciphertext = doc.RootElement.GetProperty("vectors")[0].GetProperty("ciphertext").GetString()!;
        string corrupted = (ciphertext[0] == '0' ? "1" : "0") + ciphertext[1..];
        string path = Path.Combine(Path.GetTempPath(), $"accel-crypto-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, text.Replace(ciphertext, corrupted, StringComparison.Ordinal));
        try
        {
            (int code, string output, _) = CliRunner.Run("crypto-test", "-v", path);
            Assert.Equal(1, code);
            string fail = Assert.Single(output.Split('\n'), l => l.StartsWith("FAIL", StringComparison.Ordinal));
            Assert.Contains("expected", fail, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void CryptoTest_UnknownAlgorithm_IsReportedUnsupported_AndDoesNotFail()
    {
        string path = Path.Combine(Path.GetTempPath(), $"accel-crypto-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """
            {"schema": "accelsdk-crypto-vectors/1", "family": "des", "xform": "cipher", "count": 1,
             "vectors": [{"name": "des_cbc_1", "algorithm": "DES_CBC", "key": "0001020304050607", "iv": "0001020304050607",
                          "plaintext": "00000000000000000000000000000000", "ciphertext": "00000000000000000000000000000000",
                          "offset_bits": 0, "length_bits": 128}]}
            """);
        try
        {
            (int code, string output, _) = CliRunner.Run("crypto-test", "-v", path);
            Assert.Equal(0, code);
            Assert.Contains("UNSUPPORTED", output, StringComparison.Ordinal);
            Assert.Contains("DES_CBC", output, StringComparison.Ordinal);
            Assert.Contains("0 passed, 0 failed, 1 unsupported", output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void CryptoTest_MissingPath_IsAnErrorExit()
    {
        (int code, _, string error) = CliRunner.Run("crypto-test", "-v", "/no/such/vectors");
        Assert.Equal(2, code);
        Assert.Contains("/no/such/vectors", error, StringComparison.Ordinal);
    }

    [Fact]
    public void CryptoPerf_ReportsThroughputBclAndOverhead()
    {
        (int code, string output, string error) = CliRunner.Run(
            "crypto-perf", "--algo", "null,aes-128-gcm,zuc-eea3", "--buffer-sz", "64,256", "--duration-ms", "50", "--repeat", "1", "--csv-friendly");
        Assert.True(code == 0, error);
        string[] lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("algorithm,bytes,device Gbit/s", lines[1], StringComparison.Ordinal);
        string[] gcm = lines.Single(l => l.StartsWith("aes-128-gcm,64,", StringComparison.Ordinal)).Split(',');
        Assert.True(double.Parse(gcm[2], System.Globalization.CultureInfo.InvariantCulture) > 0);
        Assert.NotEqual("-", gcm[7]);
        Assert.Equal(6, lines.Count(l => l.Contains(",64,", StringComparison.Ordinal) || l.Contains(",256,", StringComparison.Ordinal)));
    }

    [Fact]
    public void CryptoPerf_BadOption_NamesTheRange()
    {
        (int code, _, string error) = CliRunner.Run("crypto-perf", "--burst-sz", "0");
        Assert.Equal(2, code);
        Assert.Contains("--burst-sz 0", error, StringComparison.Ordinal);
    }
}
