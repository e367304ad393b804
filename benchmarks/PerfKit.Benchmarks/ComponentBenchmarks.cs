using System;
using System.Collections.Generic;
using System.Text;
using BenchmarkDotNet.Attributes;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Scoring;
using PerfKit.Serialization;
using PerfKit.Templates;

namespace PerfKit.Benchmarks;

/// <summary>Each built-in scorer scoring one value with its explanation (<see cref="IScorer.Score"/>, as the full path calls it).</summary>
[MemoryDiagnoser]
[BenchmarkCategory("Components")]
public class ScorerBenchmarks
{
    private static readonly KeyValuePair<string, decimal>[] Roles = [new("superior", 50m), new("peer", 30m), new("subordinate", 20m)];
    private IScorer linear = null!;
    private IScorer linearStartLine = null!;
    private IScorer bandStep = null!;
    private IScorer bandInterpolate = null!;
    private IScorer threshold = null!;
    private IScorer rating = null!;
    private MeasureValue ratings;

    /// <summary>Creates the scorers through one-indicator schemes.</summary>
    [GlobalSetup]
    public void Setup()
    {
        linear = Make(Scorers.Linear(0m, 10m));
        linearStartLine = Make(Scorers.Linear(0m, 10m, 1.2m, null, 3m));
        bandStep = Make(Scorers.Band(ScoreDirection.HigherIsBetter, [(0.7m, 0.5m), (0.9m, 0.8m), (1.0m, 1.0m)], BandMode.Step, BandBasis.Ratio, 100m));
        bandInterpolate = Make(Scorers.Band(ScoreDirection.HigherIsBetter, [(0.5m, 0.3m), (0.8m, 0.6m), (1.0m, 1.0m)], BandMode.Interpolate, BandBasis.Ratio, 500m));
        threshold = Make(Scorers.Threshold(ScoreDirection.HigherIsBetter, 10m));
        rating = Make(Scorers.Rating(1m, 5m, Roles));
        ratings = MeasureValue.Of(RatingSet.Create([new("superior", [4m]), new("peer", [3.5m, 4m, 5m]), new("subordinate", [4m, 4m])]));
    }

    /// <summary>Linear, clamped to [0, 1].</summary>
    /// <returns>The score.</returns>
    [Benchmark(Baseline = true)]
    public decimal Linear() => linear.Score(MeasureValue.Of(7m)).Score;

    /// <summary>Linear with a cap of 1.2 and a start line.</summary>
    /// <returns>The score.</returns>
    [Benchmark]
    public decimal LinearWithStartLine() => linearStartLine.Score(MeasureValue.Of(7m)).Score;

    /// <summary>Band, step mode, on the completion ratio.</summary>
    /// <returns>The score.</returns>
    [Benchmark]
    public decimal BandStep() => bandStep.Score(MeasureValue.Of(93m)).Score;

    /// <summary>Band, interpolated, on the completion ratio.</summary>
    /// <returns>The score.</returns>
    [Benchmark]
    public decimal BandInterpolate() => bandInterpolate.Score(MeasureValue.Of(437m)).Score;

    /// <summary>Threshold.</summary>
    /// <returns>The score.</returns>
    [Benchmark]
    public decimal Threshold() => threshold.Score(MeasureValue.Of(12m)).Score;

    /// <summary>Rating: six ratings by three roles on a 1–5 scale.</summary>
    /// <returns>The score.</returns>
    [Benchmark]
    public decimal Rating() => rating.Score(ratings).Score;

    private static IScorer Make(ScorerSpec spec)
    {
        return Scheme.CreateBuilder("scorer", "1").Name("One indicator").MaxPoints(120m).Grade("pass", 60m, 1m).Grade("fail", null, 0m)
            .Root(WeightMode.Normalize, g => g.Indicator("x", 1m, "x", spec))
            .Build().Indicators[0].Scorer;
    }
}

/// <summary>
/// The aggregator: one group of N threshold indicators (a threshold scores by one comparison, so the cost is the
/// weighted mean Σ w·s ÷ Σ w over the children, the gates and the totals), through the totals path from slots.
/// </summary>
[MemoryDiagnoser]
[BenchmarkCategory("Components")]
public class AggregatorBenchmarks
{
    private SchemeEvaluator evaluator = null!;
    private decimal?[] values = [];

    /// <summary>Gets or sets the number of children.</summary>
    [Params(2, 10, 100)]
    public int Children { get; set; }

    /// <summary>Builds the group.</summary>
    [GlobalSetup]
    public void Setup()
    {
        evaluator = SchemeEvaluator.Create(Scheme.CreateBuilder("aggregate", "1").Name("One group").Grade("pass", 60m, 1m).Grade("fail", null, 0m).Root(WeightMode.Normalize, g =>
        {
            for (var i = 0; i < Children; i++)
            {
                g.Indicator("k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), 1m + (i % 7), "m" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), Scorers.Threshold(ScoreDirection.HigherIsBetter, 5m));
            }
        }).Build());
        values = new decimal?[Children];
        for (var i = 0; i < Children; i++)
        {
            values[i] = i % 10;
        }
    }

    /// <summary>One subject's totals.</summary>
    /// <returns>The exact total.</returns>
    [Benchmark]
    public decimal Group() => evaluator.EvaluateTotals(values, null).ExactTotal;
}

/// <summary>Compiling an evaluator, and loading a scheme file.</summary>
[MemoryDiagnoser]
[BenchmarkCategory("Components")]
public class CompileBenchmarks
{
    private Scheme scheme = null!;
    private byte[] json = [];

    /// <summary>Gets or sets the template.</summary>
    [Params(Template.ABank, Template.BscOkr)]
    public Template Template { get; set; }

    /// <summary>Loads the template and its JSON once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var name = Template == Template.ABank ? "a-bank-2023" : "a-bank-bsc-okr";
        scheme = SchemeTemplates.Load(name);
        json = Encoding.UTF8.GetBytes(SchemeTemplates.GetJson(name));
        _ = scheme.Fingerprint;
    }

    /// <summary><see cref="SchemeEvaluator.Create"/> on a loaded scheme (its fingerprint already computed).</summary>
    /// <returns>The evaluator.</returns>
    [Benchmark]
    public SchemeEvaluator Compile() => SchemeEvaluator.Create(scheme);

    /// <summary><see cref="SchemeFile.LoadOrThrow(ReadOnlySpan{byte})"/>: parse, validate and build the scheme from JSON.</summary>
    /// <returns>The scheme.</returns>
    [Benchmark]
    public Scheme LoadJson() => SchemeFile.LoadOrThrow(json);

    /// <summary>Load the JSON and compile (the fingerprint is computed on the new scheme, as a first use does).</summary>
    /// <returns>The evaluator.</returns>
    [Benchmark]
    public SchemeEvaluator LoadJsonAndCompile() => SchemeEvaluator.Create(SchemeFile.LoadOrThrow(json));
}
