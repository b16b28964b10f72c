namespace AccelSdk.Bbdev.TestVectors;

/// <summary>
/// Makes a <see cref="BbdevTestVector"/> in memory (to generate vectors, or to change one that was read), with the
/// same checks and defaults the reader applies, so that whatever <see cref="Build"/> returns can be written and
/// read back unchanged.
/// </summary>
/// <example>
/// <code>
/// var vector = new BbdevTestVectorBuilder(BbdevOpType.LdpcEnc)
///     {
///         Ldpc = new LdpcVectorParameters { Basegraph = 2, ZC = 7, NCb = 350, QM = 2, NFiller = 30, E = 44, RvIndex = 0 },
///     }
///     .SetOpFlags(LdpcEncFlags.RateMatch)
///     .AddSegment(BbdevVectorDataKind.Input, input)
///     .AddSegment(BbdevVectorDataKind.Output, expected)
///     .Build();
/// </code>
/// </example>
public sealed class BbdevTestVectorBuilder
{
    private readonly List<ReadOnlyMemory<byte>>[] _segments;
    private readonly VectorSchema _schema;

    /// <summary>Starts an empty vector of <paramref name="opType"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="opType"/> is not a defined op type.</exception>
    public BbdevTestVectorBuilder(BbdevOpType opType)
    {
        if ((uint)opType > (uint)BbdevOpType.Mldts)
        {
            throw new ArgumentOutOfRangeException(nameof(opType), opType, "opType must be a defined BbdevOpType (None..Mldts).");
        }

        OpType = opType;
        _schema = VectorSchema.For(opType);
        _segments = new List<ReadOnlyMemory<byte>>[BbdevTestVector.DataKindCount];
        for (int i = 0; i < _segments.Length; i++)
        {
            _segments[i] = [];
        }
    }

    /// <summary>Starts from a copy of <paramref name="source"/> (its flags value, status, parameters and data).</summary>
    public BbdevTestVectorBuilder(BbdevTestVector source)
        : this((source ?? throw new ArgumentNullException(nameof(source))).OpType)
    {
        OpFlags = source.OpFlags;
        ExpectedStatus = source.ExpectedStatus;
        Ldpc = source.Ldpc;
        Turbo = source.Turbo;
        Fft = source.Fft;
        Mldts = source.Mldts;
        for (int kind = 0; kind < _segments.Length; kind++)
        {
            _segments[kind].AddRange(source.GetSegments((BbdevVectorDataKind)kind));
        }
    }

    /// <summary>The op type being built.</summary>
    public BbdevOpType OpType { get; }

    /// <summary>The op flags (bits of the flag enum that matches <see cref="OpType"/>).</summary>
    public uint OpFlags { get; set; }

    /// <summary>The expected status; it must be expressible with the file's tokens (no <see cref="BbdevOpStatus.EngineError"/>).</summary>
    public BbdevOpStatus ExpectedStatus { get; set; }

    /// <summary>Parameters of an LDPC vector (null: all keys absent, code-block mode).</summary>
    public LdpcVectorParameters? Ldpc { get; set; }

    /// <summary>Parameters of a turbo vector (null: all keys absent, code-block mode).</summary>
    public TurboVectorParameters? Turbo { get; set; }

    /// <summary>Parameters of an FFT vector (null: all keys absent).</summary>
    public FftVectorParameters? Fft { get; set; }

    /// <summary>Parameters of an MLD-TS vector (null: all keys absent).</summary>
    public MldtsVectorParameters? Mldts { get; set; }

    /// <summary>Sets the flags of an LDPC encoder vector.</summary>
    /// <exception cref="InvalidOperationException">The vector is not an LDPC encoder vector.</exception>
    public BbdevTestVectorBuilder SetOpFlags(LdpcEncFlags flags) => SetFlags(BbdevOpType.LdpcEnc, (uint)flags);

    /// <summary>Sets the flags of an LDPC decoder vector.</summary>
    /// <exception cref="InvalidOperationException">The vector is not an LDPC decoder vector.</exception>
    public BbdevTestVectorBuilder SetOpFlags(LdpcDecFlags flags) => SetFlags(BbdevOpType.LdpcDec, (uint)flags);

    /// <summary>Sets the flags of a turbo encoder vector.</summary>
    /// <exception cref="InvalidOperationException">The vector is not a turbo encoder vector.</exception>
    public BbdevTestVectorBuilder SetOpFlags(TurboEncFlags flags) => SetFlags(BbdevOpType.TurboEnc, (uint)flags);

    /// <summary>Sets the flags of a turbo decoder vector.</summary>
    /// <exception cref="InvalidOperationException">The vector is not a turbo decoder vector.</exception>
    public BbdevTestVectorBuilder SetOpFlags(TurboDecFlags flags) => SetFlags(BbdevOpType.TurboDec, (uint)flags);

    /// <summary>Sets the flags of an FFT vector.</summary>
    /// <exception cref="InvalidOperationException">The vector is not an FFT vector.</exception>
    public BbdevTestVectorBuilder SetOpFlags(FftFlags flags) => SetFlags(BbdevOpType.Fft, (uint)flags);

    /// <summary>Sets the flags of an MLD-TS vector.</summary>
    /// <exception cref="InvalidOperationException">The vector is not an MLD-TS vector.</exception>
    public BbdevTestVectorBuilder SetOpFlags(MldtsFlags flags) => SetFlags(BbdevOpType.Mldts, (uint)flags);

    /// <summary>Appends a copy of <paramref name="data"/> as the next segment of <paramref name="kind"/>.</summary>
    /// <exception cref="ArgumentException"><see cref="OpType"/> has no data of <paramref name="kind"/>.</exception>
    /// <exception cref="InvalidOperationException">The kind already has <see cref="BbdevTestVector.MaxSegments"/> segments.</exception>
    public BbdevTestVectorBuilder AddSegment(BbdevVectorDataKind kind, ReadOnlySpan<byte> data)
    {
        if (_schema.PrefixOf(kind) is null)
        {
            throw new ArgumentException(
                $"{BbdevDpdkNames.GetOpTypeName(OpType)} vectors have no {kind} data; they have {string.Join(", ", _schema.DataKeys.Select(d => d.Kind))}.",
                nameof(kind));
        }

        List<ReadOnlyMemory<byte>> segments = _segments[(int)kind];
        if (segments.Count >= BbdevTestVector.MaxSegments)
        {
            throw new InvalidOperationException($"{kind} already has {BbdevTestVector.MaxSegments} segments, the most a vector may have.");
        }

        segments.Add(data.ToArray());
        return this;
    }

    /// <summary>Checks everything, applies DPDK's defaults and returns the immutable vector.</summary>
    /// <remarks>
    /// Defaults: code-block mode when the record says so (its default), c = 1 in transport-block mode, the turbo
    /// decoder LLR sign flags, num_maps = 0 without <see cref="TurboDecFlags.MapDec"/>. The resulting
    /// <see cref="BbdevTestVector.OpFlagTokens"/> are the DPDK names of the final flags in bit order.
    /// </remarks>
    /// <exception cref="InvalidOperationException">
    /// A parameter record of another op family is set, a key the op type does not have is set, a value is outside
    /// its field, a list does not have 12 values, a flag cannot appear in a vector file, the status has no token,
    /// or required data is missing.
    /// </exception>
    public BbdevTestVector Build()
    {
        string opName = BbdevDpdkNames.GetOpTypeName(OpType);
        object? parameters = SelectParameters(opName);
        if (parameters is not null)
        {
            CheckFields(parameters, opName);
        }

        if (!BbdevDpdkNames.IsAcceptedInVectorFile(OpType, OpFlags))
        {
            uint bad = OpFlags & ~BbdevDpdkNames.GetVectorFileFlags(OpType);
            throw new InvalidOperationException($"op flags 0x{OpFlags:X} of a {opName} vector have bits 0x{bad:X} that DPDK's vector format cannot carry.");
        }

        if (VectorStatusTokens.CheckWritable(ExpectedStatus, OpType) is { } statusError)
        {
            throw new InvalidOperationException(statusError + ".");
        }

        uint flags = OpFlags;
        var findings = new List<VectorRules.Finding>();
        parameters = VectorRules.Apply(
            OpType,
            parameters,
            ref flags,
            kind => _segments[(int)kind].Count,
            key => key is "op_flags" or "expected_status" or "code_block_mode" || (_schema.FieldsByKey.TryGetValue(key, out IVectorField? f) && f.Get(parameters!) is not null),
            findings);
        if (findings.FirstOrDefault(f => f.IsError) is { IsError: true } error)
        {
            throw new InvalidOperationException(error.Message + ".");
        }

        return new BbdevTestVector(
            filePath: null,
            OpType,
            flags,
            [.. BbdevDpdkNames.GetFlagNames(OpType, flags)],
            ExpectedStatus,
            parameters,
            _segments.Select(s => s.ToArray()).ToArray(),
            findings.Select(f => f.Message).ToArray());
    }

    private BbdevTestVectorBuilder SetFlags(BbdevOpType expected, uint flags)
    {
        if (OpType != expected)
        {
            throw new InvalidOperationException(
                $"{BbdevDpdkNames.GetOpTypeName(expected)} flags cannot be set on a {BbdevDpdkNames.GetOpTypeName(OpType)} vector.");
        }

        OpFlags = flags;
        return this;
    }

    private object? SelectParameters(string opName)
    {
        object?[] given = [Ldpc, Turbo, Fft, Mldts];
        object? mine = OpType switch
        {
            BbdevOpType.LdpcDec or BbdevOpType.LdpcEnc => Ldpc ?? new LdpcVectorParameters(),
            BbdevOpType.TurboDec or BbdevOpType.TurboEnc => Turbo ?? new TurboVectorParameters(),
            BbdevOpType.Fft => Fft ?? new FftVectorParameters(),
            BbdevOpType.Mldts => Mldts ?? new MldtsVectorParameters(),
            _ => null,
        };

        foreach (object? other in given)
        {
            if (other is not null && (mine is null || other.GetType() != mine.GetType()))
            {
                throw new InvalidOperationException($"{other.GetType().Name} cannot describe a {opName} vector.");
            }
        }

        if (OpType == BbdevOpType.None && OpFlags != 0)
        {
            throw new InvalidOperationException("RTE_BBDEV_OP_NONE vectors have no op flags.");
        }

        return mine;
    }

    private void CheckFields(object parameters, string opName)
    {
        foreach (IVectorField field in _schema.Family)
        {
            long[]? values = field.Get(parameters);
            if (values is null)
            {
                continue;
            }

            if (!_schema.FieldsByKey.ContainsKey(field.Key))
            {
                throw new InvalidOperationException($"'{field.Key}' is not a key of {opName} vectors; leave it null.");
            }

            if (values.Length != field.Count)
            {
                throw new InvalidOperationException($"'{field.Key}' needs {field.Count} values; got {values.Length}.");
            }

            (long min, long max) = VectorSchema.Range(field.Width);
            foreach (long value in values)
            {
                if (value < min || value > max)
                {
                    throw new InvalidOperationException($"'{field.Key}' = {value} does not fit its {VectorSchema.Describe(field.Width)}.");
                }
            }
        }
    }
}
