using AccelSdk.Core.Rings;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace AccelSdk.Core.Tests.Rings;

/// <summary>
/// Model-based tests: random sequences of bulk/burst enqueue/dequeue are applied to a ring and to a
/// <see cref="Queue{T}"/>; results, contents and counts must agree after every step, for every mode.
/// </summary>
public sealed class RingModelTests
{
    public static TheoryData<RingFlags, int> Modes()
    {
        var data = new TheoryData<RingFlags, int>();
        foreach (RingFlags mode in new[] { RingFlags.None, RingFlags.SingleProducer, RingFlags.SingleConsumer, RingFlags.SingleProducer | RingFlags.SingleConsumer })
        {
            data.Add(mode, 16);
            data.Add(mode | RingFlags.ExactSize, 13);
            data.Add(mode | RingFlags.ExactSize, 1);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void RandomOperations_MatchQueueModel_ForValueElements(RingFlags flags, int capacity)
    {
        Prop.ForAll(Operations(capacity), ops => Check<long>(flags, capacity, ops, i => i)).QuickCheckThrowOnFailure();
    }

    [Theory]
    [MemberData(nameof(Modes))]
    public void RandomOperations_MatchQueueModel_ForReferenceElements(RingFlags flags, int capacity)
    {
        Prop.ForAll(Operations(capacity), ops => Check<string>(flags, capacity, ops, i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .QuickCheckThrowOnFailure();
    }

    [Property(MaxTest = 50)]
    public void IndicesNearWrap_StayConsistent(PositiveInt steps)
    {
        // Free-running indices wrap at 2^32; drive many small operations through a tiny ring and compare.
        using Ring<int> ring = Ring.Create<int>(4, RingFlags.SingleProducer | RingFlags.SingleConsumer);
        var model = new Queue<int>();
        int next = 0;
        for (int i = 0; i < (steps.Get % 1000) + 100; i++)
        {
            int n = (i % 3) + 1;
            int[] items = Enumerable.Range(next, n).ToArray();
            int accepted = ring.EnqueueBurst(items);
            for (int k = 0; k < accepted; k++)
            {
                model.Enqueue(items[k]);
            }

            next += accepted;
            var outBuf = new int[(i % 2) + 1];
            int got = ring.DequeueBurst(outBuf);
            for (int k = 0; k < got; k++)
            {
                Assert.Equal(model.Dequeue(), outBuf[k]);
            }
        }
    }

    private static Arbitrary<(int Op, int Count)[]> Operations(int capacity) =>
        Gen.Zip(Gen.Choose(0, 5), Gen.Choose(0, capacity + 2)).ArrayOf().ToArbitrary();

    private static bool Check<T>(RingFlags flags, int capacity, (int Op, int Count)[] ops, Func<long, T> make)
    {
        using Ring<T> ring = Ring.Create<T>(capacity, flags);
        var model = new Queue<T>();
        long next = 0;
        foreach ((int op, int rawCount) in ops)
        {
            int count = Math.Min(rawCount, capacity);
            switch (op)
            {
                case 0: // enqueue bulk
                {
                    T[] items = Enumerable.Range(0, count).Select(_ => make(next++)).ToArray();
                    bool fits = model.Count + count <= capacity;
                    Assert.Equal(fits, ring.EnqueueBulk(items));
                    if (fits)
                    {
                        items.ToList().ForEach(model.Enqueue);
                    }

                    break;
                }

                case 1: // enqueue burst
                {
                    T[] items = Enumerable.Range(0, rawCount).Select(_ => make(next++)).ToArray();
                    int expected = Math.Min(rawCount, capacity - model.Count);
                    Assert.Equal(expected, ring.EnqueueBurst(items));
                    items.Take(expected).ToList().ForEach(model.Enqueue);
                    break;
                }

                case 2: // dequeue bulk
                {
                    var buffer = new T[count];
                    bool enough = model.Count >= count;
                    Assert.Equal(enough, ring.DequeueBulk(buffer));
                    if (enough)
                    {
                        foreach (T item in buffer)
                        {
                            Assert.Equal(model.Dequeue(), item);
                        }
                    }

                    break;
                }

                case 3: // dequeue burst
                {
                    var buffer = new T[rawCount];
                    int expected = Math.Min(rawCount, model.Count);
                    Assert.Equal(expected, ring.DequeueBurst(buffer));
                    for (int i = 0; i < expected; i++)
                    {
                        Assert.Equal(model.Dequeue(), buffer[i]);
                    }

                    break;
                }

                case 4: // single
                {
                    T item = make(next++);
                    bool fits = model.Count < capacity;
                    Assert.Equal(fits, ring.TryEnqueue(item));
                    if (fits)
                    {
                        model.Enqueue(item);
                    }

                    break;
                }

                default:
                {
                    bool any = model.Count > 0;
                    Assert.Equal(any, ring.TryDequeue(out T? item));
                    if (any)
                    {
                        Assert.Equal(model.Dequeue(), item);
                    }

                    break;
                }
            }

            Assert.Equal(model.Count, ring.Count);
            Assert.Equal(capacity - model.Count, ring.FreeCount);
        }

        return true;
    }
}
