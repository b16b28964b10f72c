namespace AccelSdk.Crypto.Vectors;

/// <summary>What running one vector through a device gave.</summary>
/// <param name="Vector">The vector.</param>
/// <param name="Outcome">Passed, failed or unsupported.</param>
/// <param name="Reason">Why it failed or is unsupported; for a pass, the cases run.</param>
/// <param name="Cases">Number of ops run (directions × placements × negative checks).</param>
public sealed record CryptoVectorResult(CryptoVector Vector, CryptoVectorOutcome Outcome, string Reason, int Cases);
