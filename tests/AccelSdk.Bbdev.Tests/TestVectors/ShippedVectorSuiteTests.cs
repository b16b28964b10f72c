using AccelSdk.Bbdev.TestVectors;
using AccelSdk.Bbdev.TestVectors.Generation;

namespace AccelSdk.Bbdev.Tests.TestVectors;

/// <summary>
/// The shipped <c>conformance/</c> set is exactly what the generator makes from the scalar reference today: a change
/// to any kernel that alters a bit, or to the suite, shows up here (regenerate with
/// <c>accel vectors generate --suite standard --out conformance</c> after an intended change).
/// </summary>
public sealed class ShippedVectorSuiteTests
{
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (LdpcVectorSuite.Case c in LdpcVectorSuite.Standard())
        {
            data.Add(c.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ShippedFiles_MatchTheGenerator(string name)
    {
        LdpcVectorSuite.Case c = LdpcVectorSuite.Standard().Single(x => x.Name == name);
        if (c.HarqRedundancyVersions is { } rvs)
        {
            IReadOnlyList<BbdevTestVector> chain = LdpcVectorGenerator.GenerateHarqChain(c.Spec, rvs);
            for (int t = 0; t < chain.Count; t++)
            {
                AssertSame($"ldpc_dec_{name}_{t}.data", chain[t]);
            }

            return;
        }

        (BbdevTestVector? encoder, BbdevTestVector decoder) = LdpcVectorGenerator.Generate(c.Spec);
        if (encoder is not null)
        {
            AssertSame($"ldpc_enc_{name}.data", encoder);
        }

        AssertSame($"ldpc_dec_{name}.data", decoder);
    }

    [Fact]
    public void ShippedFolder_HoldsNothingElse()
    {
        int expected = 0;
        foreach (LdpcVectorSuite.Case c in LdpcVectorSuite.Standard())
        {
            expected += c.HarqRedundancyVersions?.Count ?? (c.Spec.K0 == 0 ? 2 : 1);
        }

        Assert.Equal(expected, Directory.GetFiles(ShippedVectorFiles.Directory, "*.data").Length);
    }

    private static void AssertSame(string file, BbdevTestVector generated)
    {
        string path = ShippedVectorFiles.PathOf(file);
        Assert.True(File.Exists(path), $"{file} is missing from conformance/; regenerate the set.");
        Assert.Equal(BbdevTestVectorWriter.WriteToString(generated), File.ReadAllText(path));
    }
}
