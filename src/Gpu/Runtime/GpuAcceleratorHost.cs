using AccelSdk.Bbdev.Fec.Ldpc;
using AccelSdk.Gpu.Kernels;
using ILGPU;
using ILGPU.Runtime;
using ILGPU.Runtime.CPU;
using ILGPU.Runtime.Cuda;
using Microsoft.Extensions.Logging;

namespace AccelSdk.Gpu.Runtime;

/// <summary>
/// One device's ILGPU context and accelerator, the loaded decode kernel and the constant tables it reads (base-graph
/// rows and columns, the shift of every entry for every lifting size, the check rule), uploaded once at start.
/// </summary>
internal sealed class GpuAcceleratorHost : IDisposable
{
    /// <summary>Launches the decode kernel: stream, (grid, group), then the kernel's parameters.</summary>
    public delegate void DecodeLauncher(
        AcceleratorStream stream,
        KernelConfig config,
        ArrayView<GpuDecodeBlock> blocks,
        ArrayView<sbyte> llrs,
        ArrayView<int> state,
        ArrayView<byte> hard,
        ArrayView<int> results,
        ArrayView<int> rowStart,
        ArrayView<byte> columns,
        ArrayView<short> shifts,
        ArrayView<int> rule);

    private static readonly int[] s_graphEntryBase = [0, 0, BaseGraph.Bg1.EntryCount];
    private static readonly int[] s_rowStartOffset = [0, 0, BaseGraph.Bg1.Rows + 1];

    private readonly Context _context;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _rowStart;
    private readonly MemoryBuffer1D<byte, Stride1D.Dense> _columns;
    private readonly MemoryBuffer1D<short, Stride1D.Dense> _shifts;
    private readonly MemoryBuffer1D<int, Stride1D.Dense> _rule;
    private readonly Action<AcceleratorStream, KernelConfig, ArrayView<GpuDecodeBlock>, ArrayView<sbyte>, ArrayView<int>, ArrayView<byte>,
        ArrayView<int>, ArrayView<int>, ArrayView<byte>, ArrayView<short>, ArrayView<int>> _decode;
    private readonly Lock _launchLock = new();
    private int _disposed;

    private readonly int _cpuGroupSize;

    private GpuAcceleratorHost(Context context, Accelerator accelerator, string description, bool isCuda, int cpuGroupSize = 1)
    {
        _context = context;
        Accelerator = accelerator;
        Description = description;
        IsCuda = isCuda;
        (int[] rowStart, byte[] columns, short[] shifts) = BuildTables();
        _rowStart = accelerator.Allocate1D(rowStart);
        _columns = accelerator.Allocate1D(columns);
        _shifts = accelerator.Allocate1D(shifts);
        _rule = accelerator.Allocate1D(RuleTable(CheckNodeRule.Default));
        _decode = accelerator.LoadKernel<ArrayView<GpuDecodeBlock>, ArrayView<sbyte>, ArrayView<int>, ArrayView<byte>, ArrayView<int>,
            ArrayView<int>, ArrayView<byte>, ArrayView<short>, ArrayView<int>>(LdpcDecodeKernel.Decode);
        int warp = Math.Max(1, accelerator.WarpSize);
        MaxGroupSize = Math.Max(1, Math.Min(accelerator.MaxNumThreadsPerGroup, RoundUp(LiftingSizes.Max, warp)));
        WarpSize = warp;
        _cpuGroupSize = Math.Clamp(cpuGroupSize, 1, accelerator.MaxNumThreadsPerGroup);
    }

    /// <summary>The accelerator.</summary>
    public Accelerator Accelerator { get; }

    /// <summary>One line naming the accelerator ("CUDA NVIDIA H100 ...", or "ILGPU CPU accelerator ...").</summary>
    public string Description { get; }

    /// <summary>Whether the kernels run on a CUDA device.</summary>
    public bool IsCuda { get; }

    /// <summary>Largest group the decode kernel is launched with.</summary>
    public int MaxGroupSize { get; }

    /// <summary>Whether <see cref="Dispose"/> ran (the accelerator and everything allocated on it are gone).</summary>
    public bool IsDisposed => Volatile.Read(ref _disposed) != 0;

    /// <summary>The accelerator's warp size.</summary>
    public int WarpSize { get; }

    /// <summary>
    /// Creates the context and accelerator the options ask for. Auto takes CUDA device <see cref="GpuDeviceOptions.CudaDeviceIndex"/>
    /// when CUDA is usable, otherwise the CPU accelerator with a one-line notice.
    /// </summary>
    /// <exception cref="InvalidOperationException">CUDA was asked for and is not usable, or the accelerator failed to start; one line saying why.</exception>
    public static GpuAcceleratorHost Create(GpuDeviceOptions options, ILogger logger, string deviceName)
    {
        Context? context = null;
        try
        {
            context = Context.Create(builder =>
            {
                if (options.Accelerator != GpuAcceleratorKind.Cpu)
                {
                    builder.Cuda();
                }

                builder.CPU();
            });

            string? cudaProblem = null;
            if (options.Accelerator != GpuAcceleratorKind.Cpu)
            {
                int count = CudaDeviceCount(context, out cudaProblem);
                if (count > options.CudaDeviceIndex)
                {
                    CudaDevice device = context.GetCudaDevice(options.CudaDeviceIndex);
                    Accelerator cuda = device.CreateAccelerator(context);
                    string name = $"CUDA device {options.CudaDeviceIndex}: {cuda.Name}, {cuda.MemorySize >> 20} MiB, {cuda.NumMultiprocessors} SMs";
                    return new GpuAcceleratorHost(context, cuda, name, isCuda: true);
                }

                cudaProblem ??= count == 0 ? "no CUDA device found" : $"CUDA device index {options.CudaDeviceIndex} is outside 0..{count - 1}";
                if (options.Accelerator == GpuAcceleratorKind.Cuda)
                {
                    throw new InvalidOperationException($"{deviceName}: accelerator=cuda but {cudaProblem}.");
                }
            }

            // The smallest warp ILGPU's CPU device accepts, and groups of one thread (see GroupSizeFor): a group barrier
            // then costs little, the kernel's lane loop runs a layer's Zc checks on one thread, and code blocks run in
            // parallel, one per core.
            var cpu = new CPUDevice(4, 2, Math.Max(1, Environment.ProcessorCount));
            Accelerator accelerator = cpu.CreateCPUAccelerator(context, CPUAcceleratorMode.Parallel);
            string description = $"ILGPU CPU accelerator ({Environment.ProcessorCount} threads)";
            if (options.Accelerator == GpuAcceleratorKind.Auto)
            {
                GpuLog.CpuFallback(logger, deviceName, cudaProblem ?? "no CUDA device found");
                description += $", fallback: {cudaProblem}";
            }

            return new GpuAcceleratorHost(context, accelerator, description, isCuda: false, options.CpuThreadsPerGroup);
        }
        catch (Exception ex) when (ex is not InvalidOperationException)
        {
            context?.Dispose();
            throw new InvalidOperationException($"{deviceName}: the accelerator failed to start: {ex.GetType().Name}: {FirstLine(ex.Message)}", ex);
        }
        catch
        {
            context?.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Names the accelerator a device with <paramref name="options"/> would run on, without creating it (for
    /// <c>accel devices</c>): the CUDA device, or the CPU accelerator and why.
    /// </summary>
    public static string Probe(GpuDeviceOptions options)
    {
        if (options.Accelerator == GpuAcceleratorKind.Cpu)
        {
            return "ILGPU CPU accelerator (accelerator=cpu)";
        }

        try
        {
            using Context context = Context.Create(builder => builder.Cuda());
            int count = CudaDeviceCount(context, out string? problem);
            if (count > options.CudaDeviceIndex)
            {
                CudaDevice device = context.GetCudaDevice(options.CudaDeviceIndex);
                return $"CUDA device {options.CudaDeviceIndex}: {device.Name}, {device.MemorySize >> 20} MiB ({count} CUDA device(s))";
            }

            problem ??= count == 0 ? "no CUDA device found" : $"CUDA device index {options.CudaDeviceIndex} is outside 0..{count - 1}";
            return options.Accelerator == GpuAcceleratorKind.Cuda
                ? $"none: accelerator=cuda but {problem}"
                : $"ILGPU CPU accelerator ({problem})";
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return $"ILGPU CPU accelerator (CUDA probe failed: {FirstLine(ex.Message)})";
        }
    }

    /// <summary>Index of graph <paramref name="baseGraph"/>'s first row start in the row-start table.</summary>
    public static int RowStartOffset(int baseGraph) => s_rowStartOffset[baseGraph];

    /// <summary>The shift-table offset of (graph, Zc), added to a global entry index.</summary>
    public static int ShiftOffset(int baseGraph, int zc)
    {
        int zcIndex = LiftingSizes.All.IndexOf(zc);
        int block = baseGraph == 1
            ? zcIndex * BaseGraph.Bg1.EntryCount
            : (LiftingSizes.All.Length * BaseGraph.Bg1.EntryCount) + (zcIndex * BaseGraph.Bg2.EntryCount);
        return block - s_graphEntryBase[baseGraph];
    }

    /// <summary>Threads per group for a batch whose largest lifting size is <paramref name="maxZc"/>.</summary>
    public int GroupSizeFor(int maxZc) => IsCuda ? Math.Min(MaxGroupSize, RoundUp(maxZc, WarpSize)) : _cpuGroupSize;

    /// <summary>Launches the decode kernel on <paramref name="stream"/> over <paramref name="blockCount"/> code blocks.</summary>
    public void LaunchDecode(AcceleratorStream stream, int blockCount, int groupSize, ArrayView<GpuDecodeBlock> blocks,
        ArrayView<sbyte> llrs, ArrayView<int> state, ArrayView<byte> hard, ArrayView<int> results)
    {
        // Kernel launches from several queue workers share one loaded kernel object; serialise the launch call itself
        // (cheap: it only enqueues work on the stream).
        lock (_launchLock)
        {
            ObjectDisposedException.ThrowIf(IsDisposed, this);
            _decode(stream, new KernelConfig(blockCount, groupSize), blocks, llrs, state, hard, results,
                _rowStart.View, _columns.View, _shifts.View, _rule.View);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        Accelerator.Bind();
        _rowStart.Dispose();
        _columns.Dispose();
        _shifts.Dispose();
        _rule.Dispose();
        Accelerator.Dispose();
        _context.Dispose();
    }

    /// <summary>The f table, then the offset, then 1 for offset min-sum, then 1 for damping: what the kernel reads as its check rule.</summary>
    internal static int[] RuleTable(CheckNodeRule rule)
    {
        var table = new int[19];
        for (int i = 0; i < 16; i++)
        {
            table[i] = rule.Table[i];
        }

        table[16] = rule.Offset;
        table[17] = rule.Scale == 0 ? 1 : 0;
        table[18] = rule.Damping ? 1 : 0;
        return table;
    }

    private static (int[] RowStart, byte[] Columns, short[] Shifts) BuildTables()
    {
        BaseGraph bg1 = BaseGraph.Bg1;
        BaseGraph bg2 = BaseGraph.Bg2;
        var rowStart = new int[bg1.Rows + 1 + bg2.Rows + 1];
        var columns = new byte[bg1.EntryCount + bg2.EntryCount];
        int sizes = LiftingSizes.All.Length;
        var shifts = new short[sizes * (bg1.EntryCount + bg2.EntryCount)];
        foreach (BaseGraph graph in (ReadOnlySpan<BaseGraph>)[bg1, bg2])
        {
            int entryBase = s_graphEntryBase[graph.Number];
            int rowBase = s_rowStartOffset[graph.Number];
            for (int row = 0; row <= graph.Rows; row++)
            {
                rowStart[rowBase + row] = entryBase + (row < graph.Rows ? graph.RowStart(row) : graph.EntryCount);
            }

            for (int entry = 0; entry < graph.EntryCount; entry++)
            {
                columns[entryBase + entry] = (byte)graph.Column(entry);
            }

            foreach (int zc in LiftingSizes.All)
            {
                ReadOnlySpan<int> lifted = graph.Lift(zc).Shifts;
                int offset = ShiftOffset(graph.Number, zc);
                for (int entry = 0; entry < graph.EntryCount; entry++)
                {
                    shifts[offset + entryBase + entry] = (short)lifted[entry];
                }
            }
        }

        return (rowStart, columns, shifts);
    }

    private static int CudaDeviceCount(Context context, out string? problem)
    {
        problem = null;
        try
        {
            return context.GetCudaDevices().Count;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException or TypeInitializationException or NotSupportedException or InvalidOperationException)
        {
            problem = $"CUDA is not usable ({FirstLine(ex.Message)})";
            return 0;
        }
    }

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end];
    }

    private static int RoundUp(int value, int multiple) => (value + multiple - 1) / multiple * multiple;
}
