using AccelSdk.Bbdev;
using AccelSdk.Bbdev.Fec.Ldpc;
using AccelSdk.Core.Buffers;

namespace VranPipeline.Pipeline;

/// <summary>
/// One UE of a cell: its HARQ process, its pinned buffers and its ops, all made once and reused every slot. Code
/// block r of the transport block lives at a fixed offset in each buffer, so ops point into shared buffers instead of
/// copying (bbdev's <c>op_data</c> offset).
/// </summary>
internal sealed class UeContext
{
    public UeContext(int ue, LdpcTransportBlockLayout layout)
    {
        Ue = ue;
        Layout = layout;
        int c = layout.CodeBlocks;
        CodedByteOffset = new int[c];
        int coded = 0;
        for (int r = 0; r < c; r++)
        {
            CodedByteOffset[r] = coded;
            coded += (layout.EOf(r) + 7) / 8;
        }

        CodedBytes = coded;
        CodeBlockDataBytes = layout.CodeBlockDataBits / 8;
        TransportBlockBytes = (layout.TransportBlockBits + layout.TransportBlockCrcBits) / 8;
        PayloadBytes = layout.TransportBlockBits / 8;
        HarqStride = (layout.CompactLength + 63) & ~63;
        Sent = new byte[PayloadBytes];
        int symbols = layout.CodedBits / layout.Qm;
        InPhase = new float[symbols];
        Quadrature = new float[symbols];
        NoiseInPhase = new float[symbols];
        NoiseQuadrature = new float[symbols];
        CodeBlockPassed = new bool[c];
        DecodedThisSlot = new bool[c];
        HarqInSecond = new bool[c];
        HarqLength = new int[c];
    }

    public int Ue { get; }

    public LdpcTransportBlockLayout Layout { get; }

    /// <summary>Byte offset of code block r in <see cref="Coded"/> (each code block's E bits start on a byte).</summary>
    public int[] CodedByteOffset { get; }

    public int CodedBytes { get; }

    /// <summary>(K′ − 24) / 8: the bytes of the transport block each code block carries (with C = 1, the whole block).</summary>
    public int CodeBlockDataBytes { get; }

    /// <summary>B / 8: payload and TB CRC.</summary>
    public int TransportBlockBytes { get; }

    /// <summary>A / 8.</summary>
    public int PayloadBytes { get; }

    /// <summary>Bytes between the HARQ buffers of consecutive code blocks: Ncb − F rounded up to a cache line.</summary>
    public int HarqStride { get; }

    // Pinned buffers (rented once).
    public DataBuffer TransportBlock { get; set; } = null!;   // payload then TB CRC: the encoder's input

    public DataBuffer Coded { get; set; } = null!;            // encoder output, code block r at CodedByteOffset[r]

    public DataBuffer Llrs { get; set; } = null!;             // decoder input, code block r at CodedBitOffset(r)

    public DataBuffer Decoded { get; set; } = null!;          // decoder hard output, code block r at r × CodeBlockDataBytes

    public DataBuffer HarqFirst { get; set; } = null!;        // HARQ ping-pong pair: code block r at r × HarqStride

    public DataBuffer HarqSecond { get; set; } = null!;

    // Ops (taken from the cell's pools once).
    public LdpcEncOp[] EncodeOps { get; set; } = [];

    public LdpcDecOp[] DecodeOps { get; set; } = [];

    // Channel-side arrays.
    public byte[] Sent { get; }

    public float[] InPhase { get; }

    public float[] Quadrature { get; }

    public float[] NoiseInPhase { get; }

    public float[] NoiseQuadrature { get; }

    // HARQ process state.
    public bool Active { get; set; }           // transmitting in this slot

    public bool RetransmissionPending { get; set; }

    public int Transmissions { get; set; }     // of the current transport block, before this slot's

    public int FirstSlot { get; set; }

    public int RvIndex { get; set; }

    public bool[] CodeBlockPassed { get; }

    public bool[] DecodedThisSlot { get; }

    /// <summary>Per code block: whether the combined soft bits are in <see cref="HarqSecond"/> (else <see cref="HarqFirst"/>).</summary>
    public bool[] HarqInSecond { get; }

    /// <summary>Per code block: HARQ length the last decode wrote (the next one's HARQ input length).</summary>
    public int[] HarqLength { get; }

    // Counts.
    public int TransportBlocks { get; set; }

    public int FirstTransmissionFailures { get; set; }

    public int Delivered { get; set; }

    public int RecoveredByHarq { get; set; }

    public int Dropped { get; set; }

    public int UndetectedErrors { get; set; }

    public int TransmissionsSent { get; set; }

    public long DeliveredBits { get; set; }

    public int[] DeliveredAtTransmission { get; } = new int[4];

    public UeResult ToResult(int cell) => new()
    {
        Cell = cell,
        Ue = Ue,
        TransportBlocks = TransportBlocks,
        FirstTransmissionFailures = FirstTransmissionFailures,
        Delivered = Delivered,
        RecoveredByHarq = RecoveredByHarq,
        Dropped = Dropped,
        UndetectedErrors = UndetectedErrors,
        Transmissions = TransmissionsSent,
        DeliveredBits = DeliveredBits,
        DeliveredAtTransmission = DeliveredAtTransmission.ToArray(),
    };
}
