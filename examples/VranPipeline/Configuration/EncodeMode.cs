namespace VranPipeline.Configuration;

/// <summary>How the downlink hands transport blocks to the encoder queue.</summary>
public enum EncodeMode
{
    /// <summary>One op per transport block (bbdev transport-block mode: the device segments the input and attaches each CRC24B).</summary>
    TransportBlock,

    /// <summary>One op per code block (bbdev code-block mode), each reading its slice of the transport block buffer.</summary>
    CodeBlock,
}
