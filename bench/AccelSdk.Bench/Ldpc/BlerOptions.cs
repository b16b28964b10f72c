using System.Globalization;

namespace AccelSdk.Bench.Ldpc;

/// <summary>Command-line options of the <c>bler</c> tool.</summary>
internal sealed class BlerOptions
{
    public int BaseGraph { get; private set; } = 1;

    public int Zc { get; private set; } = 384;

    public int Fillers { get; private set; }

    public int E { get; private set; }

    public double Rate { get; private set; } = 1.0 / 3;

    public string Modulation { get; private set; } = "qpsk";

    public double From { get; private set; } = 0;

    public double To { get; private set; } = 3;

    public double Step { get; private set; } = 0.25;

    public int Iterations { get; private set; } = 8;

    public long MinErrors { get; private set; } = 50;

    public long MaxBlocks { get; private set; } = 3000;

    public double Gain { get; private set; } = 2;

    public int Threads { get; private set; } = 2;

    public int Seed { get; private set; } = 1;

    public List<string> Decoders { get; private set; } = ["ours", "bp"];

    public static BlerOptions Parse(string[] args)
    {
        var options = new BlerOptions();
        for (int i = 0; i < args.Length; i++)
        {
            string value = i + 1 < args.Length ? args[i + 1] : throw new ArgumentException($"{args[i]} needs a value.");
            switch (args[i])
            {
                case "--bg": options.BaseGraph = Int(value); break;
                case "--zc": options.Zc = Int(value); break;
                case "--fillers": options.Fillers = Int(value); break;
                case "--e": options.E = Int(value); break;
                case "--rate": options.Rate = Double(value); break;
                case "--mod": options.Modulation = value.ToLowerInvariant() is "bpsk" or "qpsk" ? value.ToLowerInvariant() : throw new ArgumentException("--mod is bpsk or qpsk."); break;
                case "--from": options.From = Double(value); break;
                case "--to": options.To = Double(value); break;
                case "--step": options.Step = Double(value); break;
                case "--iterations": options.Iterations = Int(value); break;
                case "--min-errors": options.MinErrors = Int(value); break;
                case "--max-blocks": options.MaxBlocks = Int(value); break;
                case "--gain": options.Gain = Double(value); break;
                case "--threads": options.Threads = Int(value); break;
                case "--seed": options.Seed = Int(value); break;
                case "--decoders": options.Decoders = [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)]; break;
                default: throw new ArgumentException($"Unknown option {args[i]}. Options: --bg --zc --fillers --e --rate --mod --from --to --step --iterations --min-errors --max-blocks --gain --threads --seed --decoders (ours,bp,o<offset>,n<num/16>,s:o<offset>).");
            }

            i++;
        }

        return options;
    }

    private static int Int(string text) => int.Parse(text, CultureInfo.InvariantCulture);

    private static double Double(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
