using BenchmarkDotNet.Running;

namespace PerfKit.Benchmarks;

/// <summary>Runs the benchmarks chosen on the command line, e.g. <c>--filter *Evaluate*</c>.</summary>
public static class Program
{
    /// <summary>Entry point.</summary>
    /// <param name="args">BenchmarkDotNet arguments.</param>
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
