namespace AccelSdk.Bbdev;

/// <summary>Whether an operation carries one code block or (part of) a transport block (DPDK's <c>code_block_mode</c>).</summary>
public enum CodeBlockMode
{
    /// <summary>Transport-block mode (0): code blocks r..C−1 of a transport block, inputs and outputs concatenated per code block.</summary>
    TransportBlock = 0,

    /// <summary>Code-block mode (1): one code block.</summary>
    CodeBlock = 1,
}
