using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Driver;
using AccelSdk.Bbdev.Drivers.Software;
using AccelSdk.Bbdev.Fec.Ldpc;
using AccelSdk.Core.Buffers;
using AccelSdk.Qdma.Tests.Infrastructure;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AccelSdk.Qdma.Tests.Conformance;

/// <summary>The two drivers side by side on one op pair per case.</summary>
public sealed class TwoDrivers : IDisposable
{
    public TwoDrivers()
    {
        Qdma = new QdmaFixture(realEngine: true);
        QdmaDevice = Qdma.Device;
        Software = BasebandSwDriver.Create("baseband_sw_diff", new SoftwareDeviceOptions());
        foreach (BbdevDevice device in new[] { QdmaDevice, Software })
        {
            device.SetupQueues(2);
            device.ConfigureQueue(0, new BbdevQueueConfig { OpType = BbdevOpType.LdpcEnc, QueueSize = 16 });
            device.ConfigureQueue(1, new BbdevQueueConfig { OpType = BbdevOpType.LdpcDec, QueueSize = 16 });
            device.Start();
        }

        Pool = BufferPool.Create(new BufferPoolOptions { Name = "diff", RoomSize = 1 << 16, Count = 64, CacheSize = 0 });
    }

    internal QdmaFixture Qdma { get; }

    public BbdevDevice QdmaDevice { get; }

    public BbdevDevice Software { get; }

    public BufferPool Pool { get; }

    public void Dispose()
    {
        Software.Dispose();
        Qdma.Dispose();
        Pool.Dispose();
    }
}

/// <summary>
/// <c>baseband_qdma</c> (descriptors, the model's engines, completions) gives exactly what <c>baseband_sw</c> gives,
/// op for op, over random LDPC parameters across the standard's range: status, iteration count, output bytes, HARQ
/// bytes. A failing case prints the FsCheck seed that replays it.
/// </summary>
public sealed class MatchesBasebandSwTests(TwoDrivers drivers) : IClassFixture<TwoDrivers>
{
    private static readonly int[] s_liftingSizes = [2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 18, 20, 22, 24, 26, 28, 30, 32, 36, 40, 44, 48, 52, 56, 60, 64, 72, 80, 88, 96, 104, 112, 120, 128, 144, 160, 176, 192, 208, 224, 240, 256, 288, 320, 352, 384];

    [Property(MaxTest = 100)]
    public Property Encode_MatchesBasebandSw(int seed)
    {
        var random = new Random(seed);
        Shape shape = RandomShape(random, allowTransportBlock: true, allowHarq: false);
        LdpcEncFlags flags = LdpcEncFlags.RateMatch | PickOne(random, LdpcEncFlags.None, LdpcEncFlags.Crc24AAttach, LdpcEncFlags.Crc24BAttach, LdpcEncFlags.Crc16Attach)
            | (random.Next(4) == 0 ? LdpcEncFlags.InterleaverBypass : LdpcEncFlags.None);
        int crcBits = BbdevOpValidator.EncoderCrcBits(flags);
        if (shape.KPrime - crcBits < 8)
        {
            flags &= ~(LdpcEncFlags.Crc24AAttach | LdpcEncFlags.Crc24BAttach | LdpcEncFlags.Crc16Attach);
            crcBits = 0;
        }

        byte[] input = new byte[shape.Blocks * BbdevOpValidator.BytesFor(shape.KPrime - crcBits)];
        random.NextBytes(input);
        LdpcEncOp sw = EncOp(shape, flags, input);
        LdpcEncOp qdma = EncOp(shape, flags, input);
        bool chained = random.Next(3) == 0;
        if (chained)
        {
            Return(qdma.Input);
            qdma.Input.Set(TestOps.Chained(drivers.Pool, input, Math.Max(1, input.Length / 3)), 0, input.Length);
        }

        Run(drivers.Software, 0, sw);
        Run(drivers.QdmaDevice, 0, qdma);
        try
        {
            Assert.Equal(BbdevOpStatus.None, sw.Status);
            Assert.Equal(sw.Status, qdma.Status);
            Assert.Equal(TestOps.Produced(sw.Output), TestOps.Produced(qdma.Output));
            return true.ToProperty().Label($"{shape} flags {flags}");
        }
        finally
        {
            Return(sw.Input, sw.Output);
            Return(qdma.Input, qdma.Output);
        }
    }

    [Property(MaxTest = 100)]
    public Property Decode_MatchesBasebandSw(int seed)
    {
        var random = new Random(seed);
        Shape shape = RandomShape(random, allowTransportBlock: true, allowHarq: true);
        bool harq = shape.Mode == CodeBlockMode.CodeBlock && random.Next(2) == 0;
        LdpcDecFlags flags = PickOne(random, LdpcDecFlags.None, LdpcDecFlags.Crc24ACheck, LdpcDecFlags.Crc24BCheck, LdpcDecFlags.Crc16Check)
            | (random.Next(2) == 0 ? LdpcDecFlags.IterationStopEnable : LdpcDecFlags.None)
            | (random.Next(4) == 0 ? LdpcDecFlags.DeinterleaverBypass : LdpcDecFlags.None)
            | (harq ? LdpcDecFlags.HqCombineOutEnable | (random.Next(2) == 0 ? LdpcDecFlags.HqCombineInEnable : LdpcDecFlags.None) : LdpcDecFlags.None);
        if (harq && random.Next(4) == 0)
        {
            flags |= LdpcDecFlags.DecodeBypass;
        }

        if ((flags & LdpcDecFlags.Crc24BCheck) != 0 && random.Next(2) == 0 && shape.KPrime > 32)
        {
            flags |= LdpcDecFlags.Crc24BDrop;
        }

        // LLRs: random bits, random magnitudes, a few sign errors, some erasures.
        int llrCount = shape.TotalE;
        var llrs = new byte[llrCount];
        for (int i = 0; i < llrCount; i++)
        {
            int magnitude = random.Next(0, 64);
            int sign = random.Next(2) == 0 ? 1 : -1;
            llrs[i] = (byte)(sbyte)(sign * magnitude);
        }

        byte[] harqIn = new byte[harq ? Math.Min(shape.Parameters.CompactLength, random.Next(1, shape.Parameters.CompactLength + 64)) : 0];
        random.NextBytes(harqIn);
        int iterMax = random.Next(1, 9);
        LdpcDecOp sw = DecOp(shape, flags, llrs, harqIn, iterMax);
        LdpcDecOp qdma = DecOp(shape, flags, llrs, harqIn, iterMax);
        if (random.Next(3) == 0)
        {
            Return(qdma.Input);
            qdma.Input.Set(TestOps.Chained(drivers.Pool, llrs, Math.Max(1, llrs.Length / 4)), 0, llrs.Length);
        }

        Run(drivers.Software, 1, sw);
        Run(drivers.QdmaDevice, 1, qdma);
        try
        {
            Assert.Equal(0, (int)(sw.Status & (BbdevOpStatus.DriverError | BbdevOpStatus.DataError)));
            Assert.Equal(sw.Status, qdma.Status);
            Assert.Equal(sw.IterCount, qdma.IterCount);
            Assert.Equal(TestOps.Produced(sw.HardOutput), TestOps.Produced(qdma.HardOutput));
            if (harq)
            {
                Assert.Equal(TestOps.Produced(sw.HarqCombinedOutput), TestOps.Produced(qdma.HarqCombinedOutput));
            }

            return true.ToProperty().Label($"{shape} flags {flags} iter {iterMax}");
        }
        finally
        {
            Return(sw.Input, sw.HardOutput, sw.HarqCombinedInput, sw.HarqCombinedOutput);
            Return(qdma.Input, qdma.HardOutput, qdma.HarqCombinedInput, qdma.HarqCombinedOutput);
        }
    }

    private static T PickOne<T>(Random random, params T[] values) => values[random.Next(values.Length)];

    private static Shape RandomShape(Random random, bool allowTransportBlock, bool allowHarq)
    {
        while (true)
        {
            int baseGraph = random.Next(1, 3);
            int zc = s_liftingSizes[random.Next(s_liftingSizes.Length)];
            int k = (baseGraph == 1 ? 22 : 10) * zc;
            int n = (baseGraph == 1 ? 66 : 50) * zc;
            int filler = random.Next(3) == 0 ? 0 : random.Next(0, k - (2 * zc));
            int ncb = random.Next(2) == 0 ? n : random.Next(k - (2 * zc), n + 1);
            int qm = PickOne(random, 1, 2, 4, 6, 8);
            int maxE = Math.Min(3 * n, 12000) / qm;
            int e = qm * random.Next(Math.Max(1, (k - filler) / (2 * qm)), Math.Max(2, maxE));
            int rv = random.Next(4);
            var parameters = new LdpcBlockParameters { BaseGraph = baseGraph, Zc = zc, FillerBits = filler, Ncb = ncb, Qm = qm, RvIndex = rv, E = e };
            if (parameters.Validate() is not null || parameters.KPrime <= 40)
            {
                continue;
            }

            if (!allowTransportBlock || random.Next(3) != 0)
            {
                return new Shape(parameters, CodeBlockMode.CodeBlock, default, 1);
            }

            int c = random.Next(2, 5);
            int r = random.Next(0, c);
            int cab = random.Next(0, c + 1);
            int eb = e + qm;
            var tb = new LdpcTbParams(e, eb, c, r, cab);
            if ((parameters with { E = eb }).Validate() is not null)
            {
                continue;
            }

            return new Shape(parameters, CodeBlockMode.TransportBlock, tb, c - r);
        }
    }

    private LdpcEncOp EncOp(Shape shape, LdpcEncFlags flags, byte[] input)
    {
        var op = new LdpcEncOp
        {
            OpFlags = flags,
            BaseGraph = shape.Parameters.BaseGraph,
            Zc = shape.Parameters.Zc,
            NFiller = shape.Parameters.FillerBits,
            NCb = shape.Parameters.Ncb,
            Qm = shape.Parameters.Qm,
            RvIndex = shape.Parameters.RvIndex,
            CodeBlockMode = shape.Mode,
            CbParams = new LdpcCbParams(shape.Parameters.E),
            TbParams = shape.Tb,
        };
        op.Input.Set(TestOps.Filled(drivers.Pool, input), 0, input.Length);
        op.Output.Set(drivers.Pool.Rent());
        return op;
    }

    private LdpcDecOp DecOp(Shape shape, LdpcDecFlags flags, byte[] llrs, byte[] harqIn, int iterMax)
    {
        var op = new LdpcDecOp
        {
            OpFlags = flags,
            BaseGraph = shape.Parameters.BaseGraph,
            Zc = shape.Parameters.Zc,
            NFiller = shape.Parameters.FillerBits,
            NCb = shape.Parameters.Ncb,
            Qm = shape.Parameters.Qm,
            RvIndex = shape.Parameters.RvIndex,
            IterMax = iterMax,
            CodeBlockMode = shape.Mode,
            CbParams = new LdpcCbParams(shape.Parameters.E),
            TbParams = shape.Tb,
            IterCount = 99,
        };
        op.Input.Set(TestOps.Filled(drivers.Pool, llrs), 0, llrs.Length);
        op.HardOutput.Set(drivers.Pool.Rent());
        if ((flags & LdpcDecFlags.HqCombineInEnable) != 0)
        {
            op.HarqCombinedInput.Set(TestOps.Filled(drivers.Pool, harqIn), 0, harqIn.Length);
        }

        if ((flags & LdpcDecFlags.HqCombineOutEnable) != 0)
        {
            op.HarqCombinedOutput.Set(drivers.Pool.Rent());
        }

        return op;
    }

    private static void Run<TOp>(BbdevDevice device, int queue, TOp op)
        where TOp : BbdevOp
    {
        var buffer = new TOp[1];
        if (op is LdpcEncOp enc)
        {
            Assert.Equal(1, device.EnqueueLdpcEnc(queue, [enc]));
            var done = QdmaFixture.Drain<LdpcEncOp>(b => device.DequeueLdpcEnc(queue, b), 1);
            Assert.Same(op, done[0]);
        }
        else
        {
            Assert.Equal(1, device.EnqueueLdpcDec(queue, [(LdpcDecOp)(object)op]));
            var done = QdmaFixture.Drain<LdpcDecOp>(b => device.DequeueLdpcDec(queue, b), 1);
            Assert.Same(op, done[0]);
        }
    }

    private void Return(params BbdevOpData[] data)
    {
        foreach (BbdevOpData d in data)
        {
            if (d.Data is { } buffer)
            {
                drivers.Pool.Return(buffer);
                d.Clear();
            }
        }
    }

    private readonly record struct Shape(LdpcBlockParameters Parameters, CodeBlockMode Mode, LdpcTbParams Tb, int Blocks)
    {
        public int KPrime => Parameters.KPrime;

        public int TotalE
        {
            get
            {
                if (Mode == CodeBlockMode.CodeBlock)
                {
                    return Parameters.E;
                }

                int total = 0;
                for (int r = Tb.R; r < Tb.C; r++)
                {
                    total += Tb.EOf(r);
                }

                return total;
            }
        }

        public override string ToString() =>
            $"BG{Parameters.BaseGraph} Zc {Parameters.Zc} F {Parameters.FillerBits} Ncb {Parameters.Ncb} Qm {Parameters.Qm} rv {Parameters.RvIndex} E {Parameters.E} {(Mode == CodeBlockMode.CodeBlock ? "CB" : $"TB {Tb}")}";
    }
}
