namespace AccelSdk.Bbdev.TestVectors;

/// <summary>
/// The checks and defaults DPDK test-bbdev applies after a whole file is parsed (reference §4.6), shared by the
/// reader (which reports them as <c>file:line</c>) and <see cref="BbdevTestVectorBuilder"/> (which throws).
/// </summary>
/// <remarks>
/// Deliberate difference from DPDK: its LDPC-encoder check writes the default code_block_mode through the turbo
/// encoder's view of the op union, so an LDPC encoder vector without <c>code_block_mode</c> ends up in
/// transport-block mode there. Here every op type gets code-block mode (1) and a warning.
/// </remarks>
internal static class VectorRules
{
    public enum Site
    {
        /// <summary>The file as a whole (reported at the op_type entry).</summary>
        OpType,

        /// <summary>The op_flags entry (or op_type when there is none).</summary>
        OpFlags,
    }

    public readonly record struct Finding(bool IsError, Site Site, string Message);

    /// <summary>Applies the defaults to <paramref name="parameters"/> and <paramref name="flags"/> and reports what DPDK would.</summary>
    /// <param name="opType">The op type.</param>
    /// <param name="parameters">The parameter record (null for <see cref="BbdevOpType.None"/>).</param>
    /// <param name="flags">The op flags; defaulted bits are added.</param>
    /// <param name="segments">Number of segments per data kind.</param>
    /// <param name="given">Whether a key appeared in the file (builders answer for the fields they hold).</param>
    /// <param name="findings">Receives errors and warnings.</param>
    /// <returns>The parameter record with defaults applied.</returns>
    public static object? Apply(
        BbdevOpType opType,
        object? parameters,
        ref uint flags,
        Func<BbdevVectorDataKind, int> segments,
        Func<string, bool> given,
        List<Finding> findings)
    {
        switch (opType)
        {
            case BbdevOpType.TurboDec:
                parameters = TurboDecoder((TurboVectorParameters)parameters!, ref flags, segments, given, findings);
                break;
            case BbdevOpType.TurboEnc:
                parameters = TurboEncoder((TurboVectorParameters)parameters!, flags, segments, given, findings);
                break;
            case BbdevOpType.LdpcDec:
                parameters = LdpcDecoder((LdpcVectorParameters)parameters!, flags, segments, given, findings);
                break;
            case BbdevOpType.LdpcEnc:
                parameters = LdpcEncoder((LdpcVectorParameters)parameters!, flags, segments, given, findings);
                break;
            default:
                break;
        }

        if (opType != BbdevOpType.None)
        {
            if (!given("op_flags"))
            {
                Warn(findings, Site.OpType, "op_flags was not specified: no flags are set and device capabilities will not be checked");
            }

            if (!given("expected_status"))
            {
                Warn(findings, Site.OpType, "expected_status was not specified: OK (0) is expected");
            }
        }

        return parameters;
    }

    /// <summary>The flags that <see cref="Apply"/> would produce from <paramref name="flags"/> alone (for token/value consistency).</summary>
    public static uint DefaultFlags(BbdevOpType opType, uint flags)
    {
        if (opType == BbdevOpType.TurboDec)
        {
            const uint In = (uint)(TurboDecFlags.PosLlr1BitIn | TurboDecFlags.NegLlr1BitIn);
            const uint SoftOut = (uint)(TurboDecFlags.PosLlr1BitSoftOut | TurboDecFlags.NegLlr1BitSoftOut);
            if ((flags & In) == 0)
            {
                flags |= (uint)TurboDecFlags.NegLlr1BitIn;
            }

            if ((flags & (uint)TurboDecFlags.SoftOutput) != 0 && (flags & SoftOut) == 0)
            {
                flags |= (uint)TurboDecFlags.NegLlr1BitSoftOut;
            }
        }

        return flags;
    }

    private static TurboVectorParameters TurboDecoder(
        TurboVectorParameters p, ref uint flags, Func<BbdevVectorDataKind, int> segments, Func<string, bool> given, List<Finding> findings)
    {
        var f = (TurboDecFlags)flags;
        RequireSegments(findings, segments, BbdevVectorDataKind.Input, "input0", "a turbo decoder vector");
        RequireSegments(findings, segments, BbdevVectorDataKind.Output, "hard_output0", "a turbo decoder vector");
        if ((f & TurboDecFlags.SoftOutput) != 0 && segments(BbdevVectorDataKind.SoftOutput) == 0)
        {
            Fail(findings, Site.OpFlags, "RTE_BBDEV_TURBO_SOFT_OUTPUT is set but there is no soft_output0");
        }

        if ((f & (TurboDecFlags.PosLlr1BitIn | TurboDecFlags.NegLlr1BitIn)) == (TurboDecFlags.PosLlr1BitIn | TurboDecFlags.NegLlr1BitIn))
        {
            Fail(findings, Site.OpFlags, "both RTE_BBDEV_TURBO_POS_LLR_1_BIT_IN and RTE_BBDEV_TURBO_NEG_LLR_1_BIT_IN are set");
        }
        else if ((f & (TurboDecFlags.PosLlr1BitIn | TurboDecFlags.NegLlr1BitIn)) == 0)
        {
            Warn(findings, Site.OpFlags, "the input LLR sign convention was not specified: RTE_BBDEV_TURBO_NEG_LLR_1_BIT_IN is assumed");
        }

        if ((f & TurboDecFlags.SoftOutput) != 0)
        {
            const TurboDecFlags Both = TurboDecFlags.PosLlr1BitSoftOut | TurboDecFlags.NegLlr1BitSoftOut;
            if ((f & Both) == Both)
            {
                Fail(findings, Site.OpFlags, "both RTE_BBDEV_TURBO_POS_LLR_1_BIT_SOFT_OUT and RTE_BBDEV_TURBO_NEG_LLR_1_BIT_SOFT_OUT are set");
            }
            else if ((f & Both) == 0)
            {
                Warn(findings, Site.OpFlags, "the soft-output LLR sign convention was not specified: RTE_BBDEV_TURBO_NEG_LLR_1_BIT_SOFT_OUT is assumed");
            }
        }

        if ((f & TurboDecFlags.DecTbCrc24BKeep) != 0 && (f & TurboDecFlags.CrcType24B) == 0)
        {
            Fail(findings, Site.OpFlags, "RTE_BBDEV_TURBO_DEC_TB_CRC_24B_KEEP needs RTE_BBDEV_TURBO_CRC_TYPE_24B");
        }

        flags = DefaultFlags(BbdevOpType.TurboDec, flags);
        WarnCodeBlockMode(given, findings);
        p = DefaultC(p, p.CodeBlockMode, findings, q => q.C, (q, c) => q with { C = c });
        if (p.CodeBlockMode == 0)
        {
            WarnMissing(findings, given, "ea", "eb", "k_neg", "k_pos", "c_neg", "cab", "r");
        }
        else
        {
            WarnMissing(findings, given, "e", "k");
        }

        WarnMissing(findings, given, "iter_min", "ext_scale");
        if (!given("expected_iter_count"))
        {
            Warn(findings, Site.OpType, "expected_iter_count was not specified: the iteration count will not be checked");
        }

        if (p.NumMaps is > 0 && (f & TurboDecFlags.MapDec) == 0)
        {
            Warn(findings, Site.OpFlags, $"num_maps = {p.NumMaps} is ignored without RTE_BBDEV_TURBO_MAP_DEC: 0 is used");
            p = p with { NumMaps = 0 };
        }

        return p;
    }

    private static TurboVectorParameters TurboEncoder(
        TurboVectorParameters p, uint flags, Func<BbdevVectorDataKind, int> segments, Func<string, bool> given, List<Finding> findings)
    {
        RequireSegments(findings, segments, BbdevVectorDataKind.Input, "input0", "a turbo encoder vector");
        RequireSegments(findings, segments, BbdevVectorDataKind.Output, "output0", "a turbo encoder vector");
        bool rateMatch = (flags & (uint)TurboEncFlags.RateMatch) != 0;
        WarnCodeBlockMode(given, findings);
        p = DefaultC(p, p.CodeBlockMode, findings, q => q.C, (q, c) => q with { C = c });
        if (p.CodeBlockMode == 0)
        {
            if (rateMatch)
            {
                WarnMissing(findings, given, "ea", "eb", "cab");
            }

            WarnMissing(findings, given, "k_neg", "k_pos", "c_neg", "ncb_neg", "ncb_pos", "r");
        }
        else
        {
            if (rateMatch)
            {
                WarnMissing(findings, given, "e");
            }

            WarnMissing(findings, given, "k", "ncb");
        }

        return p;
    }

    private static LdpcVectorParameters LdpcDecoder(
        LdpcVectorParameters p, uint flags, Func<BbdevVectorDataKind, int> segments, Func<string, bool> given, List<Finding> findings)
    {
        var f = (LdpcDecFlags)flags;

        // DPDK requires neither input nor hard output for an LDPC decoder; a runner cannot do much without them.
        if (segments(BbdevVectorDataKind.Input) == 0)
        {
            Warn(findings, Site.OpType, "the vector has no input0");
        }

        if (segments(BbdevVectorDataKind.Output) == 0 && (f & LdpcDecFlags.InternalHarqMemoryLoopback) == 0)
        {
            Warn(findings, Site.OpType, "the vector has no output0 (hard output): nothing but the status can be checked");
        }

        if ((f & LdpcDecFlags.SoftOutEnable) != 0 && segments(BbdevVectorDataKind.SoftOutput) == 0)
        {
            Fail(findings, Site.OpFlags, "RTE_BBDEV_LDPC_SOFT_OUT_ENABLE is set but there is no soft_output0");
        }

        if ((f & LdpcDecFlags.HqCombineOutEnable) != 0 && segments(BbdevVectorDataKind.HarqOutput) == 0)
        {
            Fail(findings, Site.OpFlags, "RTE_BBDEV_LDPC_HQ_COMBINE_OUT_ENABLE is set but there is no harq_output0");
        }

        if ((f & LdpcDecFlags.HqCombineInEnable) != 0 && segments(BbdevVectorDataKind.HarqInput) == 0)
        {
            Warn(findings, Site.OpFlags, "RTE_BBDEV_LDPC_HQ_COMBINE_IN_ENABLE is set but there is no harq_input0: an empty HARQ input is combined");
        }

        WarnCodeBlockMode(given, findings);
        p = DefaultC(p, p.CodeBlockMode, findings, q => q.C, (q, c) => q with { C = c });
        LdpcModeWarnings(p, given, findings);
        if (!given("expected_iter_count"))
        {
            Warn(findings, Site.OpType, "expected_iter_count was not specified: the iteration count will not be checked");
        }

        return p;
    }

    private static LdpcVectorParameters LdpcEncoder(
        LdpcVectorParameters p, uint flags, Func<BbdevVectorDataKind, int> segments, Func<string, bool> given, List<Finding> findings)
    {
        RequireSegments(findings, segments, BbdevVectorDataKind.Input, "input0", "an LDPC encoder vector");
        RequireSegments(findings, segments, BbdevVectorDataKind.Output, "output0", "an LDPC encoder vector");
        if (!given("code_block_mode"))
        {
            // DPDK's parser would leave such a vector in transport-block mode (it defaults the wrong union member).
            Warn(findings, Site.OpType, "code_block_mode was not specified: 1 (code-block mode) is used (DPDK test-bbdev itself would run this LDPC encoder vector in transport-block mode)");
        }

        p = DefaultC(p, p.CodeBlockMode, findings, q => q.C, (q, c) => q with { C = c });
        if (p.CodeBlockMode != 0 && (flags & (uint)LdpcEncFlags.RateMatch) != 0)
        {
            WarnMissing(findings, given, "e");
        }

        if (p.CodeBlockMode == 0)
        {
            WarnMissing(findings, given, "ea", "eb", "cab", "r");
        }

        WarnMissing(findings, given, "n_cb", "basegraph", "z_c");
        return p;
    }

    private static void LdpcModeWarnings(LdpcVectorParameters p, Func<string, bool> given, List<Finding> findings)
    {
        if (p.CodeBlockMode == 0)
        {
            WarnMissing(findings, given, "ea", "eb", "cab", "r");
        }
        else
        {
            WarnMissing(findings, given, "e");
        }
    }

    /// <summary>code_block_mode defaults to 1 (its record default) with a warning.</summary>
    private static void WarnCodeBlockMode(Func<string, bool> given, List<Finding> findings)
    {
        if (!given("code_block_mode"))
        {
            Warn(findings, Site.OpType, "code_block_mode was not specified: 1 (code-block mode) is used");
        }
    }

    /// <summary>In transport-block mode a missing c becomes 1 (DPDK: "will be set to 1").</summary>
    private static T DefaultC<T>(T p, byte mode, List<Finding> findings, Func<T, byte?> getC, Func<T, byte, T> setC)
    {
        if (mode == 0 && getC(p) is null)
        {
            Warn(findings, Site.OpType, "c was not specified in transport-block mode: 1 is used");
            p = setC(p, 1);
        }

        return p;
    }

    private static void RequireSegments(List<Finding> findings, Func<BbdevVectorDataKind, int> segments, BbdevVectorDataKind kind, string key, string what)
    {
        if (segments(kind) == 0)
        {
            Fail(findings, Site.OpType, $"{what} needs {key}");
        }
    }

    private static void WarnMissing(List<Finding> findings, Func<string, bool> given, params string[] keys)
    {
        foreach (string key in keys)
        {
            if (!given(key))
            {
                Warn(findings, Site.OpType, $"{key} was not specified: 0 is used");
            }
        }
    }

    private static void Warn(List<Finding> findings, Site site, string message) => findings.Add(new Finding(false, site, message));

    private static void Fail(List<Finding> findings, Site site, string message) => findings.Add(new Finding(true, site, message));
}
