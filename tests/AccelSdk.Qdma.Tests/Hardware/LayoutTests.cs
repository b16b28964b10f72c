using System.Runtime.InteropServices;
using AccelSdk.Qdma.Hardware;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AccelSdk.Qdma.Tests.Hardware;

/// <summary>The device ABI: sizes and offsets exactly as documented, bit fields that round-trip.</summary>
public sealed class LayoutTests
{
    [Fact]
    public void H2cDescriptor_IsSixtyFourBytes_WithTheDocumentedOffsets()
    {
        Assert.Equal(64, Marshal.SizeOf<QdmaH2cDescriptor>());
        (string Field, int Offset)[] expected =
        [
            ("Address", 0x00), ("Length", 0x08), ("Control", 0x0C), ("Stream", 0x0D), ("Opcode", 0x10), ("BaseGraph", 0x11),
            ("Zc", 0x12), ("OpFlags", 0x14), ("NFiller", 0x18), ("Ncb", 0x1A), ("K0", 0x1C), ("RvIndex", 0x1E), ("Qm", 0x1F),
            ("Ea", 0x20), ("Eb", 0x24), ("C", 0x28), ("R", 0x2A), ("Cab", 0x2C), ("IterMax", 0x2E), ("Mode", 0x2F),
            ("H2cCount", 0x30), ("C2hCount", 0x32), ("Tag", 0x34), ("Reserved", 0x38),
        ];
        foreach ((string field, int offset) in expected)
        {
            Assert.Equal(offset, (int)Marshal.OffsetOf<QdmaH2cDescriptor>(field));
        }

        // The turbo aliases.
        Assert.Equal([0x11, 0x12, 0x18, 0x1C, 0x1F], new[] { "CNeg", "K", "KNeg", "NcbNeg", "IterMin" }.Select(f => (int)Marshal.OffsetOf<QdmaH2cDescriptor>(f)));
    }

    [Fact]
    public void C2hDescriptor_CompletionEntry_AndQueueInfo_HaveTheDocumentedOffsets()
    {
        Assert.Equal(16, Marshal.SizeOf<QdmaC2hDescriptor>());
        Assert.Equal([0x00, 0x08, 0x0C, 0x0D, 0x0E], new[] { "Address", "Length", "Control", "Stream", "Reserved" }.Select(f => (int)Marshal.OffsetOf<QdmaC2hDescriptor>(f)));
        Assert.Equal(16, Marshal.SizeOf<QdmaCompletionEntry>());
        Assert.Equal([0x00, 0x04, 0x08, 0x0C], new[] { "Word0", "Tag", "OutputLength", "HarqOutputLength" }.Select(f => (int)Marshal.OffsetOf<QdmaCompletionEntry>(f)));
        Assert.Equal(64, Marshal.SizeOf<QdmaQueueGeometry>());
        Assert.Equal(0x38, (int)Marshal.OffsetOf<QdmaQueueGeometry>("MaxSegmentBytes"));
        Assert.Equal(0x28, (int)Marshal.OffsetOf<QdmaQueueGeometry>("Features"));
        Assert.Equal(0x0E, (int)Marshal.OffsetOf<QdmaQueueGeometry>("TurboEncodeFlags"));
        Assert.Equal(0x3C, (int)Marshal.OffsetOf<QdmaQueueGeometry>("TurboDecodeFlags"));
    }

    [Fact]
    public void Descriptors_AreLittleEndianInMemory()
    {
        var descriptor = new QdmaH2cDescriptor { Address = 0x1122334455667788, Zc = 0x0180, Tag = 0xA1B2C3D4 };
        byte[] bytes = MemoryMarshal.AsBytes(new ReadOnlySpan<QdmaH2cDescriptor>(in descriptor)).ToArray();
        Assert.Equal([0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11], bytes[..8]);
        Assert.Equal([0x80, 0x01], bytes[0x12..0x14]);
        Assert.Equal([0xD4, 0xC3, 0xB2, 0xA1], bytes[0x34..0x38]);
    }

    [Property]
    public Property Word0_RoundTrips(byte status, byte iterations, byte error, bool color, bool descUsed)
    {
        uint word0 = QdmaCompletionEntry.MakeWord0(color ? 1u : 0u, (QdmaJobStatus)status, iterations, (QdmaJobError)error, descUsed);
        var entry = new QdmaCompletionEntry { Word0 = word0 };
        bool failed = ((QdmaJobStatus)status & QdmaJobStatus.Failures) != 0;
        return (entry.Color == (color ? 1u : 0u)
            && entry.Status == (QdmaJobStatus)status
            && entry.Iterations == iterations
            && entry.Error == (QdmaJobError)error
            && ((word0 & QdmaCompletionEntry.ErrorBit) != 0) == failed
            && ((word0 & QdmaCompletionEntry.DescUsedBit) != 0) == descUsed
            && (word0 & 1) == 0).ToProperty();
    }

    [Property]
    public Property StatusWords_RoundTrip(ushort cidx, ushort pidx, byte error)
    {
        ulong descriptor = QdmaRingStatus.MakeDescriptorStatus(cidx, pidx, error & 3);
        ulong cmpt = QdmaRingStatus.MakeCmptStatus(pidx, cidx, 1, error & 3);
        return (QdmaRingStatus.DescriptorCidx(descriptor) == cidx
            && (ushort)(descriptor >> 32) == pidx
            && QdmaRingStatus.DescriptorError(descriptor) == (error & 3)
            && QdmaRingStatus.CmptPidx(cmpt) == pidx
            && (ushort)(cmpt >> 16) == cidx
            && ((cmpt >> 32) & 1) == 1
            && QdmaRingStatus.CmptError(cmpt) == (error & 3)).ToProperty();
    }

    [Fact]
    public void RingSizes_AreQdmasGlobalTable()
    {
        Assert.Equal(16, QdmaRingSizes.Table.Length);
        Assert.Equal(2049, QdmaRingSizes.Table[0]);
        Assert.True(QdmaRingSizes.IsValid(65));
        Assert.False(QdmaRingSizes.IsValid(64));
        Assert.StartsWith("65, 129, 193", QdmaRingSizes.Describe(), StringComparison.Ordinal);
    }

    [Fact]
    public void FlagBits_MatchBbdevNumbering()
    {
        Assert.Equal((uint)Bbdev.LdpcEncFlags.Crc24BAttach, (uint)QdmaEncodeFlags.Crc24BAttach);
        Assert.Equal((uint)Bbdev.LdpcEncFlags.InterleaverBypass, (uint)QdmaEncodeFlags.InterleaverBypass);
        Assert.Equal((uint)Bbdev.LdpcEncFlags.EncScatterGather, (uint)QdmaEncodeFlags.ScatterGather);
        Assert.Equal((uint)Bbdev.LdpcDecFlags.IterationStopEnable, (uint)QdmaDecodeFlags.IterationStop);
        Assert.Equal((uint)Bbdev.LdpcDecFlags.HqCombineOutEnable, (uint)QdmaDecodeFlags.HqCombineOut);
        Assert.Equal((uint)Bbdev.LdpcDecFlags.DecScatterGather, (uint)QdmaDecodeFlags.ScatterGather);
        Assert.Equal((uint)Bbdev.LdpcDecFlags.Crc24BDrop, (uint)QdmaDecodeFlags.Crc24BDrop);
    }
}
