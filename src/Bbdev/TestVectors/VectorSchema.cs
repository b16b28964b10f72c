using System.Collections.Frozen;

namespace AccelSdk.Bbdev.TestVectors;

/// <summary>Width and signedness of a vector field, from the DPDK op structure it lands in.</summary>
internal enum FieldWidth
{
    /// <summary>A 4-bit bit-field (turbo <c>iter_min</c>) or a nibble (FFT <c>window_index</c>): 0..15.</summary>
    U4,

    /// <summary><c>uint8_t</c>: 0..255.</summary>
    U8,

    /// <summary><c>uint16_t</c>: 0..65535.</summary>
    U16,

    /// <summary><c>uint32_t</c>: 0..4294967295.</summary>
    U32,

    /// <summary><c>int8_t</c>: −128..127.</summary>
    S8,
}

/// <summary>One scalar key (one value) or list key (<see cref="Count"/> values) of a vector file.</summary>
internal interface IVectorField
{
    string Key { get; }

    FieldWidth Width { get; }

    int Count { get; }

    /// <summary>The values of this field in <paramref name="parameters"/>, or null when absent.</summary>
    long[]? Get(object parameters);

    /// <summary>A copy of <paramref name="parameters"/> with this field set.</summary>
    object Set(object parameters, long[] values);
}

/// <summary>
/// Which keys each op type accepts (DPDK test_bbdev_vector.c, reference §4.3), in the order the writer emits
/// them, and the parameter record they fill.
/// </summary>
internal sealed class VectorSchema
{
    private static readonly VectorSchema[] Schemas = BuildSchemas();

    private VectorSchema(
        BbdevOpType opType,
        (string Prefix, BbdevVectorDataKind Kind)[] dataKeys,
        IVectorField[] family,
        string[] keys,
        Func<object>? createParameters,
        bool hasCodeBlockMode)
    {
        OpType = opType;
        DataKeys = dataKeys;
        Family = family;
        Fields = family.Where(f => keys.Contains(f.Key)).ToArray();
        FieldsByKey = Fields.ToFrozenDictionary(f => f.Key, StringComparer.Ordinal);
        CreateParameters = createParameters;
        HasCodeBlockMode = hasCodeBlockMode;
        if (Fields.Length != keys.Length)
        {
            throw new InvalidOperationException($"schema of {opType} names a key outside its parameter record.");
        }
    }

    public BbdevOpType OpType { get; }

    /// <summary>Numbered data keys: prefix (e.g. <c>harq_input</c>) and the kind it fills, in writer order.</summary>
    public (string Prefix, BbdevVectorDataKind Kind)[] DataKeys { get; }

    /// <summary>Every field of the parameter record (the op type may accept only some of them).</summary>
    public IVectorField[] Family { get; }

    /// <summary>The fields this op type accepts, in writer order.</summary>
    public IVectorField[] Fields { get; }

    public FrozenDictionary<string, IVectorField> FieldsByKey { get; }

    /// <summary>Creates the empty parameter record, or null for <see cref="BbdevOpType.None"/>.</summary>
    public Func<object>? CreateParameters { get; }

    public bool HasCodeBlockMode { get; }

    public static VectorSchema For(BbdevOpType opType) => Schemas[(int)opType];

    public string? PrefixOf(BbdevVectorDataKind kind)
    {
        foreach ((string prefix, BbdevVectorDataKind k) in DataKeys)
        {
            if (k == kind)
            {
                return prefix;
            }
        }

        return null;
    }

    public static (long Min, long Max) Range(FieldWidth width) => width switch
    {
        FieldWidth.U4 => (0, 15),
        FieldWidth.U8 => (0, byte.MaxValue),
        FieldWidth.U16 => (0, ushort.MaxValue),
        FieldWidth.U32 => (0, uint.MaxValue),
        _ => (sbyte.MinValue, sbyte.MaxValue),
    };

    public static string Describe(FieldWidth width) => width switch
    {
        FieldWidth.U4 => "4-bit field, 0..15",
        FieldWidth.U8 => "8-bit field, 0..255",
        FieldWidth.U16 => "16-bit field, 0..65535",
        FieldWidth.U32 => "32-bit field, 0..4294967295",
        _ => "signed 8-bit field, -128..127",
    };

    private static VectorSchema[] BuildSchemas()
    {
        IVectorField[] ldpc =
        [
            Scalar<LdpcVectorParameters>("basegraph", FieldWidth.U8, p => p.Basegraph, (p, v) => p with { Basegraph = (byte)v }),
            Scalar<LdpcVectorParameters>("z_c", FieldWidth.U16, p => p.ZC, (p, v) => p with { ZC = (ushort)v }),
            Scalar<LdpcVectorParameters>("n_cb", FieldWidth.U16, p => p.NCb, (p, v) => p with { NCb = (ushort)v }),
            Scalar<LdpcVectorParameters>("q_m", FieldWidth.U8, p => p.QM, (p, v) => p with { QM = (byte)v }),
            Scalar<LdpcVectorParameters>("n_filler", FieldWidth.U16, p => p.NFiller, (p, v) => p with { NFiller = (ushort)v }),
            Scalar<LdpcVectorParameters>("e", FieldWidth.U32, p => p.E, (p, v) => p with { E = (uint)v }),
            Scalar<LdpcVectorParameters>("ea", FieldWidth.U32, p => p.Ea, (p, v) => p with { Ea = (uint)v }),
            Scalar<LdpcVectorParameters>("eb", FieldWidth.U32, p => p.Eb, (p, v) => p with { Eb = (uint)v }),
            Scalar<LdpcVectorParameters>("c", FieldWidth.U8, p => p.C, (p, v) => p with { C = (byte)v }),
            Scalar<LdpcVectorParameters>("cab", FieldWidth.U8, p => p.Cab, (p, v) => p with { Cab = (byte)v }),
            Scalar<LdpcVectorParameters>("r", FieldWidth.U8, p => p.R, (p, v) => p with { R = (byte)v }),
            Scalar<LdpcVectorParameters>("rv_index", FieldWidth.U8, p => p.RvIndex, (p, v) => p with { RvIndex = (byte)v }),
            Scalar<LdpcVectorParameters>("k0", FieldWidth.U16, p => p.K0, (p, v) => p with { K0 = (ushort)v }),
            Scalar<LdpcVectorParameters>("code_block_mode", FieldWidth.U8, p => p.CodeBlockMode, (p, v) => p with { CodeBlockMode = (byte)v }),
            Scalar<LdpcVectorParameters>("expected_iter_count", FieldWidth.U8, p => p.ExpectedIterCount, (p, v) => p with { ExpectedIterCount = (byte)v }),
        ];

        IVectorField[] turbo =
        [
            Scalar<TurboVectorParameters>("e", FieldWidth.U32, p => p.E, (p, v) => p with { E = (uint)v }),
            Scalar<TurboVectorParameters>("ea", FieldWidth.U32, p => p.Ea, (p, v) => p with { Ea = (uint)v }),
            Scalar<TurboVectorParameters>("eb", FieldWidth.U32, p => p.Eb, (p, v) => p with { Eb = (uint)v }),
            Scalar<TurboVectorParameters>("k", FieldWidth.U16, p => p.K, (p, v) => p with { K = (ushort)v }),
            Scalar<TurboVectorParameters>("k_neg", FieldWidth.U16, p => p.KNeg, (p, v) => p with { KNeg = (ushort)v }),
            Scalar<TurboVectorParameters>("k_pos", FieldWidth.U16, p => p.KPos, (p, v) => p with { KPos = (ushort)v }),
            Scalar<TurboVectorParameters>("c", FieldWidth.U8, p => p.C, (p, v) => p with { C = (byte)v }),
            Scalar<TurboVectorParameters>("c_neg", FieldWidth.U8, p => p.CNeg, (p, v) => p with { CNeg = (byte)v }),
            Scalar<TurboVectorParameters>("cab", FieldWidth.U8, p => p.Cab, (p, v) => p with { Cab = (byte)v }),
            Scalar<TurboVectorParameters>("r", FieldWidth.U8, p => p.R, (p, v) => p with { R = (byte)v }),
            Scalar<TurboVectorParameters>("rv_index", FieldWidth.U8, p => p.RvIndex, (p, v) => p with { RvIndex = (byte)v }),
            Scalar<TurboVectorParameters>("ncb", FieldWidth.U16, p => p.Ncb, (p, v) => p with { Ncb = (ushort)v }),
            Scalar<TurboVectorParameters>("ncb_neg", FieldWidth.U16, p => p.NcbNeg, (p, v) => p with { NcbNeg = (ushort)v }),
            Scalar<TurboVectorParameters>("ncb_pos", FieldWidth.U16, p => p.NcbPos, (p, v) => p with { NcbPos = (ushort)v }),
            Scalar<TurboVectorParameters>("iter_min", FieldWidth.U4, p => p.IterMin, (p, v) => p with { IterMin = (byte)v }),
            Scalar<TurboVectorParameters>("expected_iter_count", FieldWidth.U8, p => p.ExpectedIterCount, (p, v) => p with { ExpectedIterCount = (byte)v }),
            Scalar<TurboVectorParameters>("ext_scale", FieldWidth.U8, p => p.ExtScale, (p, v) => p with { ExtScale = (byte)v }),
            Scalar<TurboVectorParameters>("num_maps", FieldWidth.U8, p => p.NumMaps, (p, v) => p with { NumMaps = (byte)v }),
            Scalar<TurboVectorParameters>("code_block_mode", FieldWidth.U8, p => p.CodeBlockMode, (p, v) => p with { CodeBlockMode = (byte)v }),
        ];

        IVectorField[] fft =
        [
            Scalar<FftVectorParameters>("in_sequence_size", FieldWidth.U16, p => p.InSequenceSize, (p, v) => p with { InSequenceSize = (ushort)v }),
            Scalar<FftVectorParameters>("in_leading_padding", FieldWidth.U16, p => p.InLeadingPadding, (p, v) => p with { InLeadingPadding = (ushort)v }),
            Scalar<FftVectorParameters>("out_sequence_size", FieldWidth.U16, p => p.OutSequenceSize, (p, v) => p with { OutSequenceSize = (ushort)v }),
            Scalar<FftVectorParameters>("out_leading_depadding", FieldWidth.U16, p => p.OutLeadingDepadding, (p, v) => p with { OutLeadingDepadding = (ushort)v }),
            List<FftVectorParameters, byte>("window_index", FieldWidth.U4, p => p.WindowIndex, (p, v) => p with { WindowIndex = v.Select(x => (byte)x).ToArray() }),
            Scalar<FftVectorParameters>("cs_bitmap", FieldWidth.U16, p => p.CsBitmap, (p, v) => p with { CsBitmap = (ushort)v }),
            Scalar<FftVectorParameters>("num_antennas_log2", FieldWidth.U8, p => p.NumAntennasLog2, (p, v) => p with { NumAntennasLog2 = (byte)v }),
            Scalar<FftVectorParameters>("ifft_log2", FieldWidth.U8, p => p.IfftLog2, (p, v) => p with { IfftLog2 = (byte)v }),
            Scalar<FftVectorParameters>("fft_log2", FieldWidth.U8, p => p.FftLog2, (p, v) => p with { FftLog2 = (byte)v }),
            Scalar<FftVectorParameters>("cs_time_adjustment", FieldWidth.S8, p => p.CsTimeAdjustment, (p, v) => p with { CsTimeAdjustment = (sbyte)v }),
            Scalar<FftVectorParameters>("ifft_shift", FieldWidth.S8, p => p.IfftShift, (p, v) => p with { IfftShift = (sbyte)v }),
            Scalar<FftVectorParameters>("fft_shift", FieldWidth.S8, p => p.FftShift, (p, v) => p with { FftShift = (sbyte)v }),
            Scalar<FftVectorParameters>("ncs_reciprocal", FieldWidth.U16, p => p.NcsReciprocal, (p, v) => p with { NcsReciprocal = (ushort)v }),
            Scalar<FftVectorParameters>("power_shift", FieldWidth.U16, p => p.PowerShift, (p, v) => p with { PowerShift = (ushort)v }),
            Scalar<FftVectorParameters>("fp16_exponent_adjust", FieldWidth.U16, p => p.Fp16ExponentAdjust, (p, v) => p with { Fp16ExponentAdjust = (ushort)v }),
            Scalar<FftVectorParameters>("freq_resample_mode", FieldWidth.S8, p => p.FreqResampleMode, (p, v) => p with { FreqResampleMode = (sbyte)v }),
            Scalar<FftVectorParameters>("out_depadded_size", FieldWidth.U16, p => p.OutDepaddedSize, (p, v) => p with { OutDepaddedSize = (ushort)v }),
            List<FftVectorParameters, ushort>("cs_theta_0", FieldWidth.U16, p => p.CsTheta0, (p, v) => p with { CsTheta0 = v.Select(x => (ushort)x).ToArray() }),
            List<FftVectorParameters, uint>("cs_theta_d", FieldWidth.U32, p => p.CsThetaD, (p, v) => p with { CsThetaD = v.Select(x => (uint)x).ToArray() }),
            List<FftVectorParameters, sbyte>("time_offset", FieldWidth.S8, p => p.TimeOffset, (p, v) => p with { TimeOffset = v.Select(x => (sbyte)x).ToArray() }),
            List<FftVectorParameters, uint>("fft_window_width", FieldWidth.U32, p => p.FftWindowWidth, (p, v) => p with { FftWindowWidth = v.Select(x => (uint)x).ToArray() }),
        ];

        IVectorField[] mldts =
        [
            Scalar<MldtsVectorParameters>("layers", FieldWidth.U16, p => p.Layers, (p, v) => p with { Layers = (ushort)v }),
            Scalar<MldtsVectorParameters>("layer1", FieldWidth.U8, p => p.Layer1, (p, v) => p with { Layer1 = (byte)v }),
            Scalar<MldtsVectorParameters>("layer2", FieldWidth.U8, p => p.Layer2, (p, v) => p with { Layer2 = (byte)v }),
            Scalar<MldtsVectorParameters>("layer3", FieldWidth.U8, p => p.Layer3, (p, v) => p with { Layer3 = (byte)v }),
            Scalar<MldtsVectorParameters>("layer4", FieldWidth.U8, p => p.Layer4, (p, v) => p with { Layer4 = (byte)v }),
            Scalar<MldtsVectorParameters>("crep", FieldWidth.U8, p => p.Crep, (p, v) => p with { Crep = (byte)v }),
            Scalar<MldtsVectorParameters>("rrep", FieldWidth.U8, p => p.Rrep, (p, v) => p with { Rrep = (byte)v }),
            Scalar<MldtsVectorParameters>("rbs", FieldWidth.U16, p => p.Rbs, (p, v) => p with { Rbs = (ushort)v }),
        ];

        string[] ldpcEncKeys = ["basegraph", "z_c", "n_cb", "q_m", "n_filler", "e", "ea", "eb", "c", "cab", "r", "rv_index", "code_block_mode"];
        string[] ldpcDecKeys = [.. ldpcEncKeys, "k0", "expected_iter_count"];
        string[] turboCommon = ["e", "ea", "eb", "k", "k_neg", "k_pos", "c", "c_neg", "cab", "r", "rv_index", "code_block_mode"];
        string[] turboDecKeys = [.. turboCommon, "iter_min", "expected_iter_count", "ext_scale", "num_maps"];
        string[] turboEncKeys = [.. turboCommon, "ncb", "ncb_neg", "ncb_pos"];

        var schemas = new VectorSchema[7];
        schemas[(int)BbdevOpType.None] = new(BbdevOpType.None, [], [], [], null, false);
        schemas[(int)BbdevOpType.TurboDec] = new(
            BbdevOpType.TurboDec,
            [("input", BbdevVectorDataKind.Input), ("hard_output", BbdevVectorDataKind.Output), ("soft_output", BbdevVectorDataKind.SoftOutput)],
            turbo, turboDecKeys, () => new TurboVectorParameters(), true);
        schemas[(int)BbdevOpType.TurboEnc] = new(
            BbdevOpType.TurboEnc,
            [("input", BbdevVectorDataKind.Input), ("output", BbdevVectorDataKind.Output)],
            turbo, turboEncKeys, () => new TurboVectorParameters(), true);
        schemas[(int)BbdevOpType.LdpcDec] = new(
            BbdevOpType.LdpcDec,
            [
                ("input", BbdevVectorDataKind.Input), ("harq_input", BbdevVectorDataKind.HarqInput), ("output", BbdevVectorDataKind.Output),
                ("harq_output", BbdevVectorDataKind.HarqOutput), ("soft_output", BbdevVectorDataKind.SoftOutput),
            ],
            ldpc, ldpcDecKeys, () => new LdpcVectorParameters(), true);
        schemas[(int)BbdevOpType.LdpcEnc] = new(
            BbdevOpType.LdpcEnc,
            [("input", BbdevVectorDataKind.Input), ("output", BbdevVectorDataKind.Output)],
            ldpc, ldpcEncKeys, () => new LdpcVectorParameters(), true);
        schemas[(int)BbdevOpType.Fft] = new(
            BbdevOpType.Fft,
            [
                ("input", BbdevVectorDataKind.Input), ("dewin_input", BbdevVectorDataKind.DewinInput), ("output", BbdevVectorDataKind.Output),
                ("power_output", BbdevVectorDataKind.PowerOutput),
            ],
            fft, fft.Select(f => f.Key).ToArray(), () => new FftVectorParameters(), false);
        schemas[(int)BbdevOpType.Mldts] = new(
            BbdevOpType.Mldts,
            [("qhy_input", BbdevVectorDataKind.QhyInput), ("r_input", BbdevVectorDataKind.RInput), ("output", BbdevVectorDataKind.Output)],
            mldts, mldts.Select(f => f.Key).ToArray(), () => new MldtsVectorParameters(), false);
        return schemas;
    }

    private static IVectorField Scalar<T>(string key, FieldWidth width, Func<T, long?> get, Func<T, long, T> set)
        where T : class => new ScalarField<T>(key, width, get, set);

    private static IVectorField List<T, TItem>(string key, FieldWidth width, Func<T, IReadOnlyList<TItem>?> get, Func<T, long[], T> set)
        where T : class
        where TItem : struct, IConvertible =>
        new ListField<T, TItem>(key, width, get, set);

    private sealed class ScalarField<T>(string key, FieldWidth width, Func<T, long?> get, Func<T, long, T> set) : IVectorField
        where T : class
    {
        public string Key => key;

        public FieldWidth Width => width;

        public int Count => 1;

        public long[]? Get(object parameters) => get((T)parameters) is long value ? [value] : null;

        public object Set(object parameters, long[] values) => set((T)parameters, values[0]);
    }

    private sealed class ListField<T, TItem>(string key, FieldWidth width, Func<T, IReadOnlyList<TItem>?> get, Func<T, long[], T> set) : IVectorField
        where T : class
        where TItem : struct, IConvertible
    {
        public string Key => key;

        public FieldWidth Width => width;

        public int Count => FftVectorParameters.CyclicShifts;

        public long[]? Get(object parameters) =>
            get((T)parameters)?.Select(x => x.ToInt64(System.Globalization.CultureInfo.InvariantCulture)).ToArray();

        public object Set(object parameters, long[] values) => set((T)parameters, values);
    }
}
