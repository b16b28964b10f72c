using System.Globalization;
using AccelSdk.Bbdev.Driver;
using AccelSdk.Bbdev.Fec.Ldpc;
using VranPipeline.Configuration;
using VranPipeline.Radio;

namespace VranPipeline.Scheduling;

/// <summary>
/// What a UE is given in every slot: modulation, PRBs, transport block size, the coded bits G the PRBs carry, and
/// the transport block's layout on LDPC code blocks.
/// </summary>
public sealed record Grant
{
    /// <summary>The largest effective code rate (TB and CB CRC bits included) a receiver is expected to decode (TS 38.214 5.1.3).</summary>
    public const double MaxEffectiveCodeRate = 0.95;

    /// <summary>The MCS index, or null when the TBS was given directly.</summary>
    public int? Mcs { get; init; }

    /// <summary>The modulation.</summary>
    public Modulation Modulation { get; init; }

    /// <summary>Target code rate: the MCS table's R, or A / G when the TBS was given directly.</summary>
    public double TargetCodeRate { get; init; }

    /// <summary>PRBs allocated.</summary>
    public int Prbs { get; init; }

    /// <summary>Data REs per PRB: 12·N_symb − N_DMRS.</summary>
    public int DataResourceElementsPerPrb { get; init; }

    /// <summary>The transport block's layout on code blocks (TBS = <see cref="LdpcTransportBlockLayout.TransportBlockBits"/>).</summary>
    public LdpcTransportBlockLayout Layout { get; init; }

    /// <summary>Transport block size A in bits.</summary>
    public int TransportBlockBits => Layout.TransportBlockBits;

    /// <summary>Coded bits G.</summary>
    public int CodedBits => Layout.CodedBits;

    /// <summary>
    /// Effective code rate: all information bits the code blocks carry (payload, TB CRC, code-block CRCs) over G.
    /// </summary>
    public double EffectiveCodeRate => (double)Layout.KPrime * Layout.CodeBlocks / Layout.CodedBits;

    /// <summary>Works out the grant the options describe.</summary>
    /// <exception cref="PipelineConfigurationException">The options describe no valid transport block (the message names the option, value and range).</exception>
    public static Grant Create(PipelineOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        int dataRe = TransportBlockSize.ResourceElementsPerPrb(options.Symbols, options.DmrsResourceElementsPerPrb, 0);
        int tbsRe = TransportBlockSize.ResourceElementsPerPrb(options.Symbols, options.DmrsResourceElementsPerPrb, options.Overhead);
        if (tbsRe < 1)
        {
            throw Error(nameof(PipelineOptions.DmrsResourceElementsPerPrb), options.DmrsResourceElementsPerPrb,
                $"leaves no data REs: allowed [0, {(12 * options.Symbols) - options.Overhead - 1}] with {options.Symbols} symbols and overhead {options.Overhead}");
        }

        Modulation modulation;
        double codeRate;
        int tbs;
        int? mcs = null;
        if (options.Tbs == 0)
        {
            if (!McsTables.TryGet(options.McsTable, options.Mcs, out McsEntry entry))
            {
                throw Error(nameof(PipelineOptions.Mcs), options.Mcs, $"is out of range: allowed [0, {McsTables.MaxIndex(options.McsTable)}] for MCS table {options.McsTable}");
            }

            mcs = options.Mcs;
            modulation = entry.Modulation;
            codeRate = entry.CodeRate;
            tbs = TransportBlockSize.Compute(options.Prbs, tbsRe, entry.Qm, codeRate);
        }
        else
        {
            modulation = options.Modulation;
            tbs = options.Tbs;
            codeRate = Math.Min(1, (double)tbs / ((long)options.Prbs * dataRe * (int)modulation));
        }

        int g = options.Prbs * dataRe * (int)modulation;
        int baseGraph = options.BaseGraph != 0 ? options.BaseGraph : LdpcSegmentation.SelectBaseGraph(tbs, codeRate);
        string tbsOption = options.Tbs == 0 ? nameof(PipelineOptions.Mcs) : nameof(PipelineOptions.Tbs);
        object tbsValue = options.Tbs == 0 ? options.Mcs : options.Tbs;
        int kcb = baseGraph == 1 ? LdpcSegmentation.MaxCodeBlockBitsBg1 : LdpcSegmentation.MaxCodeBlockBitsBg2;
        int maxTbs = (BbdevOpValidator.MaxCodeBlocks * (kcb - 24)) - 24;
        if (options.Tbs != 0 && (tbs < 24 || tbs > maxTbs))
        {
            throw Error(nameof(PipelineOptions.Tbs), tbs,
                $"is out of range: allowed [24, {maxTbs}] for LDPC base graph {baseGraph} (at most {BbdevOpValidator.MaxCodeBlocks} code blocks of {kcb} bits)");
        }

        if (options.Tbs != 0 && tbs % 8 != 0)
        {
            throw Error(nameof(PipelineOptions.Tbs), tbs, "is not a whole number of bytes: allowed a multiple of 8 in [24, " + maxTbs.ToString(CultureInfo.InvariantCulture) + "]");
        }

        int c = LdpcSegmentation.CodeBlockCount(tbs, baseGraph);
        if (c > 1 && (tbs + 24) % (8 * c) != 0)
        {
            // Each code block carries (A + 24) / C bits of the TB; TS 38.214 sizes are chosen so that this is a whole number of bytes.
            int below = (((tbs + 24) / (8 * c)) * 8 * c) - 24;
            int above = below + (8 * c);
            throw Error(tbsOption, tbsValue,
                $"gives a TBS of {tbs} bits, which does not split into {c} equal byte-aligned code blocks on base graph {baseGraph}: (TBS + 24) must be a multiple of {8 * c}; nearest valid sizes {below} and {above}");
        }

        if (g < c * (int)modulation)
        {
            throw Error(nameof(PipelineOptions.Prbs), options.Prbs, $"is too small: {c} code blocks need at least {c} symbols");
        }

        LdpcTransportBlockLayout layout = LdpcSegmentation.Compute(tbs, baseGraph, g, (int)modulation);
        var grant = new Grant
        {
            Mcs = mcs,
            Modulation = modulation,
            TargetCodeRate = codeRate,
            Prbs = options.Prbs,
            DataResourceElementsPerPrb = dataRe,
            Layout = layout,
        };
        if (grant.EffectiveCodeRate > MaxEffectiveCodeRate)
        {
            throw Error(tbsOption, tbsValue, string.Create(CultureInfo.InvariantCulture,
                $"gives an effective code rate of {grant.EffectiveCodeRate:F3} on {options.Prbs} PRBs ({g} coded bits, {modulation}): allowed at most {MaxEffectiveCodeRate} (TS 38.214 5.1.3); lower it or raise Prbs"));
        }

        return grant;
    }

    private static PipelineConfigurationException Error(string option, object value, string problem) =>
        new(new PipelineOptionError(option, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", problem));
}
