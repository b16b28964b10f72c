namespace AccelSdk.Core.Rings;

// Marker types that select the producer or consumer algorithm of RingImpl at JIT time. Because they are structs,
// the JIT compiles one specialised body per combination and folds the `typeof(...) == typeof(...)` tests away, so
// single-threaded and multi-threaded paths never branch per call (STYLE.md: keep the paths separate).

/// <summary>Only one thread moves this head: plain loads and stores suffice.</summary>
internal struct SingleThreaded;

/// <summary>Several threads may move this head: a compare-and-swap claims a range, an in-order wait publishes it.</summary>
internal struct MultiThreaded;
