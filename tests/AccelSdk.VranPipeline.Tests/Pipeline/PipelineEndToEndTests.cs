using AccelSdk.Bbdev.Fec.Crc;
using VranPipeline.Configuration;
using VranPipeline.Pipeline;
using VranPipeline.Radio;
using VranPipeline.Scheduling;

namespace AccelSdk.VranPipeline.Tests.Pipeline;

public sealed class PipelineEndToEndTests
{
    public static TheoryData<string, Action<PipelineOptions>> HighSnrConfigurations => new()
    {
        // One code block with a CRC16 TB CRC (A ≤ 3824), base graph 2.
        { "tbs 1000 qpsk", o => { o.Tbs = 1000; o.Modulation = Modulation.Qpsk; o.Prbs = 10; } },
        // One code block with a CRC24A TB CRC (3824 < A ≤ 8424), base graph 1, 64QAM.
        { "tbs 5000 64qam", o => { o.Tbs = 5000; o.Modulation = Modulation.Qam64; o.Prbs = 12; } },
        // Several code blocks with CRC24B each: MCS 10 of the 256QAM table (16QAM), transport-block-mode encode.
        { "mcs 10 tb mode", o => { o.Mcs = 10; o.Prbs = 52; o.EncodeMode = EncodeMode.TransportBlock; } },
        // The same per code block, and two UEs per cell.
        { "mcs 10 cb mode 2 ues", o => { o.Mcs = 10; o.Prbs = 52; o.EncodeMode = EncodeMode.CodeBlock; o.UesPerCell = 2; } },
        // 256QAM, several code blocks, two lcores.
        { "mcs 24 256qam", o => { o.Mcs = 24; o.Prbs = 30; o.Lcores = 2; o.SnrDb = 40; } },
    };

    [Theory]
    [MemberData(nameof(HighSnrConfigurations))]
    public void HighSnr_TwoCellsTwentySlots_EveryTransportBlockDecodedBitExact(string name, Action<PipelineOptions> configure)
    {
        using var host = new PipelineHost(o =>
        {
            o.Cells = 2;
            o.Slots = 20;
            o.SnrDb = 30;
            o.Seed = 7;
            configure(o);
        });
        PipelineResult result = host.Run();

        int ues = result.Options.UesPerCell;
        Assert.Equal(2 * 20 * ues, host.Blocks.Count);
        foreach ((TransportBlockReport report, byte[] sent, byte[] received) in host.Blocks)
        {
            Assert.True(report.Delivered && report.BitExact && report.Transmissions == 1, $"{name}: {report}");
            Assert.Equal(result.Grant.TransportBlockBits / 8, sent.Length);
            Assert.Equal(sent, received);
        }

        // Payloads are random and differ between cells, UEs and slots.
        Assert.Equal(host.Blocks.Count, host.Blocks.Select(b => Convert.ToHexString(b.Sent)).Distinct().Count());
        foreach (CellResult cell in result.Cells)
        {
            Assert.Equal(20 * ues, cell.TransportBlocks);
            Assert.Equal(0, cell.FirstTransmissionFailures);
            Assert.Equal(0, cell.Dropped);
            Assert.Equal(0, cell.UndetectedErrors);
            Assert.Equal(20L * ues * result.Grant.TransportBlockBits, cell.DeliveredBits);
            Assert.Equal(20, cell.SlotsRun);
            Assert.Equal(20, cell.SlotTimes.Count);
            Assert.All(cell.Ues, u => Assert.Equal(20, u.DeliveredAtTransmission[0]));
        }

        Assert.Equal(2 * 20, host.Slots.Count);
        Assert.Equal(0, result.FirstTransmissionBler);
    }

    [Fact]
    public void NearThreshold_HarqRetransmissionsRecoverFailedTransportBlocks()
    {
        // QPSK at rate 0.64 (one base-graph-2 code block) at 3.0 dB Es/N0, in the decoder's waterfall (LLRs at the
        // scale baseband_sw states; measured: 100 % first-transmission BLER at 2.5 dB, about a third at 3.0, none at
        // 3.5): part of the first transmissions fail, and combining the rv 2 retransmission with the first recovers them.
        static PipelineResult Run(int lcores, out PipelineHost host)
        {
            host = new PipelineHost(o =>
            {
                o.Cells = 2;
                o.Slots = 20;
                o.Tbs = 2000;
                o.Modulation = Modulation.Qpsk;
                o.Prbs = 12;
                o.SnrDb = 3.0;
                o.Seed = 1;
                o.Lcores = lcores;
            });
            return host.Run();
        }

        PipelineResult result = Run(1, out PipelineHost host);
        using (host)
        {
            int first = result.Cells.Sum(c => c.FirstTransmissionFailures);
            int recovered = result.Cells.Sum(c => c.RecoveredByHarq);
            int blocks = result.Cells.Sum(c => c.TransportBlocks);
            Assert.Equal(1, result.Options.LlrGain); // true LLRs in the device's format (S8.3)
            Assert.InRange(first, 4, blocks - 4);
            Assert.True(recovered > 0, "HARQ recovered nothing");
            Assert.Equal(first, recovered + result.Cells.Sum(c => c.Dropped));
            Assert.True(result.ResidualBler < result.FirstTransmissionBler);

            // Every failed first transmission was retransmitted (with rv 2, then 3, 1) and each report is consistent.
            Assert.Equal(blocks + recovered + (3 * result.Cells.Sum(c => c.Dropped)) + result.Cells.Sum(c => c.Ues.Sum(u => u.DeliveredAtTransmission[2] + (2 * u.DeliveredAtTransmission[3]))),
                result.Cells.Sum(c => c.Transmissions));
            foreach ((TransportBlockReport report, byte[] sent, byte[] received) in host.Blocks)
            {
                if (report.Delivered)
                {
                    Assert.True(report.BitExact);
                    Assert.Equal(sent, received);
                }
            }

            Assert.Equal(recovered, host.Blocks.Count(b => b.Report.Delivered && b.Report.Transmissions > 1));

            // Seeded: the same run gives the same counts, and so does one spread over two lcores (each cell has its own generators).
            PipelineResult again = Run(2, out PipelineHost second);
            using (second)
            {
                Assert.Equal(
                    result.Cells.Select(c => (c.TransportBlocks, c.FirstTransmissionFailures, c.RecoveredByHarq, c.Dropped, c.Transmissions)),
                    again.Cells.Select(c => (c.TransportBlocks, c.FirstTransmissionFailures, c.RecoveredByHarq, c.Dropped, c.Transmissions)));
            }
        }
    }

    [Fact]
    public void AsynchronousDevice_SmallBursts_CompletesEverySlot()
    {
        // Worker-thread queues complete after enqueue returns: the pipeline must wait for completions (without
        // spinning) and feed a burst of one op at a time.
        using var host = new PipelineHost(o =>
        {
            o.Cells = 2;
            o.Slots = 5;
            o.Mcs = 10;
            o.Prbs = 52;
            o.EncodeMode = EncodeMode.CodeBlock;
            o.BurstSize = 1;
            o.Lcores = 2;
        }, devargs: "baseband_sw0,workers=1,max_nb_queues=4");
        PipelineResult result = host.Run();
        Assert.Equal(10, host.Blocks.Count);
        Assert.All(host.Blocks, b => Assert.True(b.Report.BitExact && b.Report.Transmissions == 1));
        Assert.Contains("worker thread", result.Engine, StringComparison.Ordinal);
    }

    [Fact]
    public void CrcProtectsTheTransportBlock_AsTs38212Says()
    {
        // The pipeline's TB CRC is the standard one: a multi-code-block TB sent at high SNR decodes to payload + CRC24A.
        using var host = new PipelineHost(o => { o.Cells = 1; o.Slots = 2; o.Mcs = 10; o.Prbs = 52; });
        PipelineResult result = host.Run();
        Assert.True(result.Grant.Layout.CodeBlocks > 1);
        Assert.Equal(CrcType.Crc24A, result.Grant.Layout.TransportBlockCrc);
        Assert.All(host.Blocks, b => Assert.True(b.Report.BitExact));
    }

    [Fact]
    public void Grant_FollowsTs38214AndTs38212()
    {
        // MCS 10 of the 256QAM table = 16QAM, R 658/1024; 52 PRBs × 132 REs: N_info = 17645.25, n = 9,
        // N'_info = 512·34 = 17408, C = ceil(17432 / 8424) = 3, TBS = 8·3·ceil(17432 / 24) − 24 = 17424.
        Grant grant = Grant.Create(new PipelineOptions { Mcs = 10, Prbs = 52 });
        Assert.Equal(17424, grant.TransportBlockBits);
        Assert.Equal(Modulation.Qam16, grant.Modulation);
        Assert.Equal(52 * 132 * 4, grant.CodedBits);
        Assert.Equal(1, grant.Layout.BaseGraph);
        Assert.Equal(3, grant.Layout.CodeBlocks);
        Assert.Equal((17424 + 24 + (3 * 24)) / 3, grant.Layout.KPrime);
    }
}
