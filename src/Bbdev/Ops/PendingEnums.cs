// Temporary: replaced by the vector engineer's enums (branch `vectors`) at merge; names and values are DPDK's.
#pragma warning disable CS1591
namespace AccelSdk.Bbdev;

public enum BbdevOpType { None = 0, TurboDec = 1, TurboEnc = 2, LdpcDec = 3, LdpcEnc = 4, Fft = 5, Mldts = 6 }

[Flags]
public enum BbdevOpStatus { None = 0, DriverError = 1 << 0, DataError = 1 << 1, CrcError = 1 << 2, SyndromeError = 1 << 3, EngineError = 1 << 4 }

[Flags]
public enum LdpcEncFlags { None = 0, InterleaverBypass = 1 << 0, RateMatch = 1 << 1, Crc24AAttach = 1 << 2, Crc24BAttach = 1 << 3, Crc16Attach = 1 << 4, EncInterrupts = 1 << 5, EncScatterGather = 1 << 6, EncConcatenation = 1 << 7 }

[Flags]
public enum LdpcDecFlags
{
    None = 0, Crc24ACheck = 1 << 0, Crc24BCheck = 1 << 1, Crc24BDrop = 1 << 2, Crc16Check = 1 << 3, DeinterleaverBypass = 1 << 4,
    HqCombineInEnable = 1 << 5, HqCombineOutEnable = 1 << 6, DecodeBypass = 1 << 7, SoftOutEnable = 1 << 8, SoftOutRmBypass = 1 << 9,
    SoftOutDeinterleaverBypass = 1 << 10, IterationStopEnable = 1 << 11, DecInterrupts = 1 << 12, DecScatterGather = 1 << 13,
    Harq6BitCompression = 1 << 14, LlrCompression = 1 << 15, InternalHarqMemoryInEnable = 1 << 16, InternalHarqMemoryOutEnable = 1 << 17,
    InternalHarqMemoryLoopback = 1 << 18, InternalHarqMemoryFillers = 1 << 19, Harq4BitCompression = 1 << 20,
}

[Flags]
public enum TurboEncFlags { None = 0, RvIndexBypass = 1 << 0, RateMatch = 1 << 1, Crc24BAttach = 1 << 2, Crc24AAttach = 1 << 3, EncInterrupts = 1 << 4, EncScatterGather = 1 << 5 }

[Flags]
public enum TurboDecFlags
{
    None = 0, SubblockDeinterleave = 1 << 0, CrcType24B = 1 << 1, Equalizer = 1 << 2, SoftOutSaturate = 1 << 3, HalfIterationEven = 1 << 4,
    ContinueCrcMatch = 1 << 5, SoftOutput = 1 << 6, EarlyTermination = 1 << 7, DecInterrupts = 1 << 9, PosLlr1BitIn = 1 << 10,
    NegLlr1BitIn = 1 << 11, PosLlr1BitSoftOut = 1 << 12, NegLlr1BitSoftOut = 1 << 13, MapDec = 1 << 14, DecScatterGather = 1 << 15,
    DecTbCrc24BKeep = 1 << 16, DecCrc24BDrop = 1 << 17,
}

[Flags]
public enum FftFlags { None = 0 }
