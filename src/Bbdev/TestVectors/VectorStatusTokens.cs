namespace AccelSdk.Bbdev.TestVectors;

/// <summary>
/// The <c>expected_status</c> tokens of the vector format (reference §4.5): <c>OK</c> = 0 (alone), <c>DMA</c> =
/// driver error, <c>FCW</c> = data error, <c>CRC</c> = CRC error (decoders only), <c>SYN</c> = syndrome error,
/// <c>SYNCRC</c> = both. There is no token for <see cref="BbdevOpStatus.EngineError"/>.
/// </summary>
internal static class VectorStatusTokens
{
    public const string ExpectedList = "OK, DMA, FCW, CRC, SYN or SYNCRC";

    public static bool IsDecoder(BbdevOpType opType) => opType is BbdevOpType.LdpcDec or BbdevOpType.TurboDec;

    /// <summary>Maps one token; <paramref name="error"/> explains a refusal.</summary>
    public static bool TryParse(string token, BbdevOpType opType, out BbdevOpStatus status, out bool isOk, out string? error)
    {
        status = BbdevOpStatus.None;
        isOk = false;
        error = null;
        switch (token)
        {
            case "OK":
                isOk = true;
                return true;
            case "DMA":
                status = BbdevOpStatus.DriverError;
                return true;
            case "FCW":
                status = BbdevOpStatus.DataError;
                return true;
            case "SYN":
                status = BbdevOpStatus.SyndromeError;
                return true;
            case "SYNCRC":
                status = BbdevOpStatus.SyndromeError | BbdevOpStatus.CrcError;
                return true;
            case "CRC" when IsDecoder(opType):
                status = BbdevOpStatus.CrcError;
                return true;
            case "CRC":
                error = $"expected_status token 'CRC' is only valid for decoders, not {BbdevDpdkNames.GetOpTypeName(opType)}";
                return false;
            default:
                error = $"unknown expected_status token '{token}'; expected {ExpectedList}";
                return false;
        }
    }

    /// <summary>Why <paramref name="status"/> cannot be written for <paramref name="opType"/>, or null when it can.</summary>
    public static string? CheckWritable(BbdevOpStatus status, BbdevOpType opType)
    {
        const BbdevOpStatus Expressible = BbdevOpStatus.DriverError | BbdevOpStatus.DataError | BbdevOpStatus.CrcError | BbdevOpStatus.SyndromeError;
        if ((status & ~Expressible) != 0)
        {
            return $"expected status {status} has no expected_status token (only {ExpectedList} exist)";
        }

        if (opType == BbdevOpType.None && status != BbdevOpStatus.None)
        {
            return "RTE_BBDEV_OP_NONE vectors have no expected_status";
        }

        // CRC alone needs the decoder-only token; together with SYN it can be written as SYNCRC for any op type.
        if (!IsDecoder(opType) && (status & (BbdevOpStatus.CrcError | BbdevOpStatus.SyndromeError)) == BbdevOpStatus.CrcError)
        {
            return $"a CRC error without a syndrome error can only be expected from a decoder, not {BbdevDpdkNames.GetOpTypeName(opType)}";
        }

        return null;
    }

    /// <summary>The tokens for <paramref name="status"/> (assumed writable), e.g. <c>OK</c> or <c>DMA, SYNCRC</c>.</summary>
    public static string Format(BbdevOpStatus status)
    {
        if (status == BbdevOpStatus.None)
        {
            return "OK";
        }

        var tokens = new List<string>(3);
        if ((status & BbdevOpStatus.DriverError) != 0)
        {
            tokens.Add("DMA");
        }

        if ((status & BbdevOpStatus.DataError) != 0)
        {
            tokens.Add("FCW");
        }

        bool crc = (status & BbdevOpStatus.CrcError) != 0;
        bool syn = (status & BbdevOpStatus.SyndromeError) != 0;
        if (crc && syn)
        {
            tokens.Add("SYNCRC");
        }
        else if (crc)
        {
            tokens.Add("CRC");
        }
        else if (syn)
        {
            tokens.Add("SYN");
        }

        return string.Join(", ", tokens);
    }
}
