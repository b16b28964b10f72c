using AccelSdk.Bbdev.Fec.Ldpc;

namespace AccelSdk.Bbdev.Tests.Fec.Ldpc.Decoder;

/// <summary>How a test fills the compacted LLR buffer.</summary>
public enum LlrKind
{
    /// <summary>Uniform in [−128, 127].</summary>
    Uniform,

    /// <summary>±127 with random signs.</summary>
    Saturated,

    /// <summary>Uniform with a third of the positions erased (0) and a tenth saturated.</summary>
    Mixed,

    /// <summary>The all-zero codeword through Gaussian noise: mostly decodable, so the stopping paths run.</summary>
    NoisyZeroCodeword,
}

/// <summary>One random decode: everything needed to rebuild its input from the seed.</summary>
public sealed record DecoderCase(int BaseGraph, int Zc, int Fillers, int Length, LlrKind Kind, int Seed, int MaxIterations, bool EarlyTermination, int CrcChoice)
{
    public LdpcCode Code => AccelSdk.Bbdev.Fec.Ldpc.BaseGraph.Get(BaseGraph).Lift(Zc);

    /// <summary>The CRC for early stopping, when K′ is long enough to carry one.</summary>
    public AccelSdk.Bbdev.Fec.Crc.CrcType? EarlyStopCrc => Code.K - Fillers <= 24 ? null : CrcChoice switch
    {
        1 => AccelSdk.Bbdev.Fec.Crc.CrcType.Crc24A,
        2 => AccelSdk.Bbdev.Fec.Crc.CrcType.Crc24B,
        3 => AccelSdk.Bbdev.Fec.Crc.CrcType.Crc16,
        _ => null,
    };

    public sbyte[] Llrs() => DecoderTestData.Llrs(Kind, Length, Seed);
}

internal static class DecoderTestData
{
    public static sbyte[] Llrs(LlrKind kind, int length, int seed)
    {
        var random = new Random(seed);
        var llrs = new sbyte[length];
        double sigma = 0.5 + (random.NextDouble() * 0.6);
        double scale = 4 + (random.NextDouble() * 12);
        for (int i = 0; i < length; i++)
        {
            llrs[i] = kind switch
            {
                LlrKind.Uniform => (sbyte)random.Next(-128, 128),
                LlrKind.Saturated => random.Next(2) == 0 ? (sbyte)127 : (sbyte)-127,
                LlrKind.Mixed => random.Next(10) switch
                {
                    < 3 => 0,
                    3 => random.Next(2) == 0 ? (sbyte)127 : (sbyte)-127,
                    _ => (sbyte)random.Next(-128, 128),
                },
                _ => Quantise(scale * 2 * (1 + (sigma * Gaussian(random))) / (sigma * sigma)),
            };
        }

        return llrs;
    }

    public static double Gaussian(Random random)
    {
        double u1 = 1.0 - random.NextDouble();
        double u2 = random.NextDouble();
        return Math.Sqrt(-2 * Math.Log(u1)) * Math.Cos(2 * Math.PI * u2);
    }

    public static sbyte Quantise(double llr) => (sbyte)Math.Clamp(Math.Round(llr), -127, 127);
}
