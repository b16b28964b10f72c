using System.CommandLine;
using System.Globalization;
using AccelSdk.Bbdev.Fec.Crc;
using AccelSdk.Bbdev.TestVectors;
using AccelSdk.Bbdev.TestVectors.Generation;

namespace AccelSdk.Cli.Commands;

/// <summary><c>accel vectors generate</c>: writes LDPC test vectors in DPDK's format from the SDK's reference chain.</summary>
internal static class VectorsCommand
{
    public static Command Create(TextWriter output)
    {
        var outDir = new Option<string>("--out", "-o") { Description = "Folder to write the .data files into (created if missing).", Required = true };
        var suite = new Option<string?>("--suite") { Description = "Write a predefined set instead of one case: 'standard' (the set shipped in conformance/)." };
        var bg = new Option<int>("--bg") { Description = "Base graph 1 or 2.", DefaultValueFactory = _ => 1 };
        var zc = new Option<int>("--zc") { Description = "Lifting size Zc.", DefaultValueFactory = _ => 384 };
        var filler = new Option<int>("--filler") { Description = "Filler bits F.", DefaultValueFactory = _ => 0 };
        var ncb = new Option<int>("--ncb") { Description = "Circular buffer Ncb (0 = N, no LBRM).", DefaultValueFactory = _ => 0 };
        var qm = new Option<int>("--qm") { Description = "Modulation order 1, 2, 4, 6, 8.", DefaultValueFactory = _ => 2 };
        var rv = new Option<int>("--rv") { Description = "Redundancy version 0..3.", DefaultValueFactory = _ => 0 };
        var e = new Option<int>("--e") { Description = "Rate-matched bits E per code block (Ea in TB mode); default ≈ K'·3.", DefaultValueFactory = _ => 0 };
        var eb = new Option<int>("--eb") { Description = "TB mode: E of code blocks r >= cab (0 = E).", DefaultValueFactory = _ => 0 };
        var cbs = new Option<int>("--cbs") { Description = "Code blocks; more than 1 writes a transport-block-mode vector.", DefaultValueFactory = _ => 1 };
        var cab = new Option<int>("--cab") { Description = "TB mode: code blocks using E (the rest use Eb).", DefaultValueFactory = _ => 0 };
        var crc = new Option<string>("--crc") { Description = "CRC the encoder attaches and the decoder checks: none, 24a, 24b, 16.", DefaultValueFactory = _ => "none" };
        var drop = new Option<bool>("--drop") { Description = "Decoder drops the CRC24B from its hard output." };
        var bypass = new Option<bool>("--bypass") { Description = "Bypass the bit interleaver." };
        var k0 = new Option<int>("--k0") { Description = "Decoder: explicit k0 (0 = from rv; no encoder vector then).", DefaultValueFactory = _ => 0 };
        var snr = new Option<double?>("--snr") { Description = "Decoder input through AWGN at this SNR in dB (omit for noiseless ±127 LLRs)." };
        var harq = new Option<string?>("--harq-rvs") { Description = "Write a HARQ chain instead: comma-separated rv per transmission (needs --snr)." };
        var iterMax = new Option<int>("--iter-max") { Description = "Iteration limit the decoder expectations are computed for.", DefaultValueFactory = _ => 6 };
        var seed = new Option<int>("--seed") { Description = "Seed for the information bits and the noise.", DefaultValueFactory = _ => 1 };

        var generate = new Command("generate", "Write LDPC encoder vectors and their decoder twins (DPDK test-bbdev format) from the reference chain.")
        {
            outDir, suite, bg, zc, filler, ncb, qm, rv, e, eb, cbs, cab, crc, drop, bypass, k0, snr, harq, iterMax, seed,
        };
        generate.SetAction(parse =>
        {
            string directory = parse.GetValue(outDir)!;
            Directory.CreateDirectory(directory);
            int files = 0;
            string? suiteName = parse.GetValue(suite);
            if (suiteName is not null)
            {
                if (suiteName != "standard")
                {
                    throw new ArgumentException($"--suite {suiteName}: unknown suite; allowed: standard.");
                }

                foreach (LdpcVectorSuite.Case c in LdpcVectorSuite.Standard())
                {
                    files += Write(directory, c.Name, c.Spec, c.HarqRedundancyVersions, output);
                }
            }
            else
            {
                int kb = parse.GetValue(bg) == 1 ? 22 : 10;
                int kPrime = (kb * parse.GetValue(zc)) - parse.GetValue(filler);
                int q = parse.GetValue(qm);
                int eValue = parse.GetValue(e);
                var spec = new LdpcVectorSpec
                {
                    BaseGraph = parse.GetValue(bg),
                    Zc = parse.GetValue(zc),
                    Filler = parse.GetValue(filler),
                    Ncb = parse.GetValue(ncb),
                    Qm = q,
                    RvIndex = parse.GetValue(rv),
                    E = eValue != 0 ? eValue : Math.Max(q, kPrime * 3 / q * q),
                    Eb = parse.GetValue(eb),
                    CodeBlocks = parse.GetValue(cbs),
                    Cab = parse.GetValue(cab),
                    Crc = ParseCrc(parse.GetValue(crc) ?? "none"),
                    DropCrc = parse.GetValue(drop),
                    InterleaverBypass = parse.GetValue(bypass),
                    K0 = parse.GetValue(k0),
                    SnrDb = parse.GetValue(snr),
                    IterMax = parse.GetValue(iterMax),
                    Seed = parse.GetValue(seed),
                };
                string? rvs = parse.GetValue(harq);
                IReadOnlyList<int>? chain = rvs?.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(t => int.TryParse(t, NumberStyles.Integer, CultureInfo.InvariantCulture, out int v) && v is >= 0 and <= 3
                        ? v
                        : throw new ArgumentException($"--harq-rvs: '{t}' is not a redundancy version 0..3."))
                    .ToArray();
                files += Write(directory, (chain is null ? "" : "harq_") + spec.Describe(), spec, chain, output);
            }

            output.WriteLine($"{files} vector file(s) written to {directory}");
            return AccelApp.ExitOk;
        });

        return new Command("vectors", "Test-vector tools.") { generate };
    }

    private static int Write(string directory, string name, LdpcVectorSpec spec, IReadOnlyList<int>? harqRvs, TextWriter output)
    {
        if (harqRvs is not null)
        {
            IReadOnlyList<BbdevTestVector> chain = LdpcVectorGenerator.GenerateHarqChain(spec, harqRvs);
            for (int t = 0; t < chain.Count; t++)
            {
                WriteOne(Path.Combine(directory, $"ldpc_dec_{name}_{t}.data"), chain[t], output);
            }

            return chain.Count;
        }

        (BbdevTestVector? encoder, BbdevTestVector decoder) = LdpcVectorGenerator.Generate(spec);
        int count = 1;
        if (encoder is not null)
        {
            WriteOne(Path.Combine(directory, $"ldpc_enc_{name}.data"), encoder, output);
            count++;
        }

        WriteOne(Path.Combine(directory, $"ldpc_dec_{name}.data"), decoder, output);
        return count;
    }

    private static void WriteOne(string path, BbdevTestVector vector, TextWriter output)
    {
        BbdevTestVectorWriter.WriteFile(vector, path);
        output.WriteLine($"wrote {path}");
    }

    private static CrcType? ParseCrc(string text) => text.ToLowerInvariant() switch
    {
        "none" => null,
        "24a" => CrcType.Crc24A,
        "24b" => CrcType.Crc24B,
        "16" => CrcType.Crc16,
        _ => throw new ArgumentException($"--crc {text}: allowed none, 24a, 24b, 16."),
    };
}
