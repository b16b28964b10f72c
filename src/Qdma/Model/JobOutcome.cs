using AccelSdk.Qdma.Hardware;

namespace AccelSdk.Qdma.Model;

/// <summary>What one job produced, as its completion entry reports it.</summary>
/// <param name="Status">Result bits.</param>
/// <param name="Error">Why it failed, when it did.</param>
/// <param name="Iterations">Decoder iterations (the largest over the job's code blocks).</param>
/// <param name="OutputBytes">Bytes written to the data output stream.</param>
/// <param name="HarqBytes">Bytes written to the HARQ output stream.</param>
internal readonly record struct JobOutcome(QdmaJobStatus Status, QdmaJobError Error, int Iterations, int OutputBytes, int HarqBytes)
{
    /// <summary>A job that failed before producing anything.</summary>
    public static JobOutcome Failed(QdmaJobStatus status, QdmaJobError error) => new(status, error, 0, 0, 0);
}
