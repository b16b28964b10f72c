namespace AccelSdk.Qdma.Hardware;

/// <summary>The result bits of a job, in bits 15:8 of a completion entry's Word0.</summary>
[Flags]
internal enum QdmaJobStatus : byte
{
    /// <summary>The job ran and every check passed.</summary>
    None = 0,

    /// <summary>Bit 0: the descriptor chain was malformed (no SOP, bad counts or streams, unknown opcode); nothing ran.</summary>
    DescriptorError = 1 << 0,

    /// <summary>Bit 1: a buffer address or length was outside the memory the device may reach; nothing was read or written.</summary>
    DmaError = 1 << 1,

    /// <summary>Bit 2: the job's parameters or buffer lengths were invalid or unsupported; nothing ran.</summary>
    ParameterError = 1 << 2,

    /// <summary>Bit 3: a requested CRC check failed (see <see cref="CrcChecked"/>).</summary>
    CrcError = 1 << 3,

    /// <summary>Bit 4: the LDPC parity check was not satisfied after the last iteration.</summary>
    SyndromeError = 1 << 4,

    /// <summary>Bit 5: the engine failed while processing (outputs undefined).</summary>
    EngineError = 1 << 5,

    /// <summary>Bit 6: a CRC check ran (with <see cref="CrcError"/> clear it passed).</summary>
    CrcChecked = 1 << 6,

    /// <summary>The bits that mean the job did not produce a valid result.</summary>
    Failures = DescriptorError | DmaError | ParameterError | EngineError,
}
