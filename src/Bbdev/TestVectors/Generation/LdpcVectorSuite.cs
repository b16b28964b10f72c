using AccelSdk.Bbdev.Fec.Crc;

namespace AccelSdk.Bbdev.TestVectors.Generation;

/// <summary>
/// The standard generated LDPC conformance set shipped in the repository's <c>conformance/</c> folder: both base
/// graphs, all 8 lifting-size sets, every redundancy version and modulation order, the CRC variants, limited-buffer
/// rate matching, interleaver bypass, transport-block mode, an explicit k0, noisy inputs and a HARQ chain — the
/// cases DPDK's own vectors leave out (bbdev.md §5.2).
/// </summary>
public static class LdpcVectorSuite
{
    /// <summary>One generated case: a file-name stem and either a spec or a HARQ chain (spec + redundancy versions).</summary>
    /// <param name="Name">File-name stem (without the ldpc_enc_/ldpc_dec_ prefix).</param>
    /// <param name="Spec">The configuration.</param>
    /// <param name="HarqRedundancyVersions">For a HARQ chain, the rv of each transmission; else null.</param>
    public sealed record Case(string Name, LdpcVectorSpec Spec, IReadOnlyList<int>? HarqRedundancyVersions = null);

    /// <summary>The standard cases, deterministic (fixed seeds).</summary>
    public static IReadOnlyList<Case> Standard()
    {
        var cases = new List<Case>();
        int[] qms = [2, 4, 6, 8, 1];

        // Every lifting-size set on both graphs, rv and Qm cycling, noiseless, code rate ~1/2 .. ~2/3, some wrapping.
        (int Bg, int Zc)[] sizes =
        [
            (2, 16), (1, 64),   // iLS 0
            (2, 12), (1, 48),   // iLS 1
            (2, 10), (1, 40),   // iLS 2
            (2, 7), (1, 56),    // iLS 3
            (2, 72), (1, 36),   // iLS 4
            (2, 22), (1, 44),   // iLS 5
            (2, 26), (1, 104),  // iLS 6
            (2, 30), (1, 120),  // iLS 7
        ];
        for (int i = 0; i < sizes.Length; i++)
        {
            (int bg, int zc) = sizes[i];
            int k = (bg == 1 ? 22 : 10) * zc;
            int filler = (i % 3) switch { 0 => 0, 1 => zc / 2, _ => (k - (2 * zc)) / 4 };
            int qm = qms[i % qms.Length];
            int rv = i % 4;
            // rv 0 and 3 are self-decodable at moderate rates; rv 1 and 2 start past most systematic bits, so they
            // get E beyond Ncb − F: the selection wraps and repeats, as in DPDK's v2342/v8568/v9503.
            int n = (bg == 1 ? 66 : 50) * zc;
            int e = rv switch
            {
                0 => RoundE((k - filler) / 0.5, qm),
                3 => RoundE((k - filler) / 0.4, qm),
                _ => RoundE((n - filler) * 1.1, qm),
            };
            cases.Add(Make(new LdpcVectorSpec { BaseGraph = bg, Zc = zc, Filler = filler, Qm = qm, RvIndex = rv, E = e, Seed = 100 + i }));
        }

        // The large codes the performance figures use.
        cases.Add(Make(new LdpcVectorSpec { BaseGraph = 1, Zc = 384, Filler = 0, Qm = 2, E = 25344, Crc = CrcType.Crc24B, Seed = 200 }));
        cases.Add(Make(new LdpcVectorSpec { BaseGraph = 2, Zc = 384, Filler = 0, Qm = 2, E = 19200, Crc = CrcType.Crc24B, Seed = 201 }));

        // CRC variants: a transport block in one code block (CRC24A, CRC16), CRC24B with and without drop.
        cases.Add(Make(new LdpcVectorSpec { BaseGraph = 1, Zc = 176, Filler = 40, Qm = 4, E = RoundE(3832 * 1.6, 4), Crc = CrcType.Crc24A, Seed = 210 }));
        cases.Add(Make(new LdpcVectorSpec { BaseGraph = 2, Zc = 52, Filler = 16, Qm = 2, RvIndex = 1, E = 2800, Crc = CrcType.Crc16, Seed = 211 }));
        cases.Add(Make(new LdpcVectorSpec { BaseGraph = 1, Zc = 208, Filler = 8, Qm = 6, RvIndex = 2, E = 14400, Crc = CrcType.Crc24B, DropCrc = true, Seed = 212 }));

        // Limited-buffer rate matching (Ncb < N), with rv 1..3 starting inside the shorter buffer.
        cases.Add(Make(new LdpcVectorSpec { BaseGraph = 1, Zc = 128, Filler = 24, Ncb = 5632, Qm = 4, RvIndex = 3, E = 6000, Seed = 220 }));
        cases.Add(Make(new LdpcVectorSpec { BaseGraph = 2, Zc = 96, Filler = 0, Ncb = 2400, Qm = 2, RvIndex = 1, E = 2600, Seed = 221 }));

        // Interleaver bypass.
        cases.Add(Make(new LdpcVectorSpec { BaseGraph = 2, Zc = 60, Filler = 12, Qm = 6, RvIndex = 0, E = 1500, InterleaverBypass = true, Seed = 230 }));

        // Transport-block mode: 3 code blocks with CRC24B each, Ea for the first, Eb for the others.
        cases.Add(Make(new LdpcVectorSpec { BaseGraph = 1, Zc = 80, Filler = 16, Qm = 4, E = 3000, Eb = 3004, CodeBlocks = 3, Cab = 1, Crc = CrcType.Crc24B, Seed = 240 }));

        // Explicit k0 (decoder only: encoders have no k0 field).
        cases.Add(Make(new LdpcVectorSpec { BaseGraph = 2, Zc = 40, Filler = 8, Qm = 2, E = 2200, K0 = 400, Seed = 250 }));

        // Noisy inputs near the decoder's threshold: the expected status and iteration count are the reference's.
        // (decodes in 6 iterations; one that fails with SYN and CRC errors; 16QAM decoding in 5).
        cases.Add(Make(new LdpcVectorSpec { BaseGraph = 1, Zc = 224, Filler = 0, Qm = 2, E = 9856, Crc = CrcType.Crc24B, SnrDb = 2.5, Seed = 260 }));
        cases.Add(Make(new LdpcVectorSpec { BaseGraph = 1, Zc = 224, Filler = 0, Qm = 2, E = 9856, Crc = CrcType.Crc24B, SnrDb = 2.0, Seed = 260 }));
        cases.Add(Make(new LdpcVectorSpec { BaseGraph = 2, Zc = 112, Filler = 20, Qm = 4, E = 2400, SnrDb = 8.0, Seed = 261 }));

        // A HARQ chain like DPDK's HARQ_1_*: rv 0 and the first retransmission (rv 2) fail, the combination with rv 3 decodes.
        cases.Add(new Case("harq_bg1_z176_f8_e4640_q2_snr1",
            new LdpcVectorSpec { BaseGraph = 1, Zc = 176, Filler = 8, Qm = 2, E = 4640, SnrDb = 1.0, Seed = 270 }, [0, 2, 3]));
        return cases;
    }

    private static Case Make(LdpcVectorSpec spec) => new(spec.Describe(), spec);

    private static int RoundE(double bits, int qm) => Math.Max(qm, (int)Math.Round(bits / qm) * qm);
}
