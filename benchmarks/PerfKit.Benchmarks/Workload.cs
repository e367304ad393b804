using System;
using System.Linq;
using PerfKit.Demo;
using PerfKit.Evaluation;
using PerfKit.Model;
using PerfKit.Templates;

namespace PerfKit.Benchmarks;

/// <summary>Which template a benchmark evaluates.</summary>
public enum Template
{
    /// <summary>The A bank's 105-point scheme (<c>a-bank-2023</c>): 9 linear indicators, 1 bonus, 3 gates.</summary>
    ABank,

    /// <summary>The BSC-OKR scheme (<c>a-bank-bsc-okr</c>): 18 band-scored key results in 12 objectives and 4 dimensions.</summary>
    BscOkr,
}

/// <summary>One template's compiled evaluator and its subjects in every form the benchmarks feed: inputs, slot rows and plain values.</summary>
public sealed class Workload
{
    private Workload(Template template, Scheme scheme, SubjectInput[] inputs)
    {
        Template = template;
        Scheme = scheme;
        Evaluator = SchemeEvaluator.Create(scheme);
        Inputs = inputs;
        Width = Evaluator.Measures.Length;
        Rows = new decimal?[inputs.Length * Width];
        BasePays = new decimal?[inputs.Length];
        for (var n = 0; n < inputs.Length; n++)
        {
            for (var s = 0; s < Width; s++)
            {
                Rows[(n * Width) + s] = inputs[n].Values.TryGetValue(Evaluator.Measures[s], out var v) ? v : null;
            }

            BasePays[n] = inputs[n].BasePay;
        }

        ABank = template == Template.ABank ? [.. inputs.Select(ABankInput.From)] : [];
        Bsc = template == Template.BscOkr ? [.. inputs.Select(BscOkrFormula.From)] : [];
    }

    /// <summary>Gets the template.</summary>
    public Template Template { get; }

    /// <summary>Gets the scheme.</summary>
    public Scheme Scheme { get; }

    /// <summary>Gets the evaluator compiled once.</summary>
    public SchemeEvaluator Evaluator { get; }

    /// <summary>Gets the subjects.</summary>
    public SubjectInput[] Inputs { get; }

    /// <summary>Gets the number of measure slots per row.</summary>
    public int Width { get; }

    /// <summary>Gets the subjects' values by slot, row after row.</summary>
    public decimal?[] Rows { get; }

    /// <summary>Gets the subjects' base pays.</summary>
    public decimal?[] BasePays { get; }

    /// <summary>Gets the A-bank subjects as plain values (empty for the other template).</summary>
    public ABankInput[] ABank { get; }

    /// <summary>Gets the BSC-OKR subjects as plain values (empty for the other template).</summary>
    public decimal[][] Bsc { get; }

    /// <summary>Builds a workload.</summary>
    /// <param name="template">The template.</param>
    /// <param name="subjects">How many subjects.</param>
    /// <returns>The workload.</returns>
    public static Workload Create(Template template, int subjects) => template switch
    {
        Template.ABank => new Workload(template, SampleSchemes.ABank2023(), [.. SampleSubjects.Generate(subjects)]),
        Template.BscOkr => new Workload(template, SchemeTemplates.Load("a-bank-bsc-okr"), [.. BscOkrFormula.Generate(subjects)]),
        _ => throw new ArgumentOutOfRangeException(nameof(template)),
    };

    /// <summary>The hand-written floor's rounded total of subject <paramref name="n"/>.</summary>
    /// <param name="n">The subject's index.</param>
    /// <returns>The rounded total.</returns>
    public decimal Floor(int n) => Template == Template.ABank ? ABankFormula.Evaluate(in ABank[n]).RoundedTotal : BscOkrFormula.Evaluate(Bsc[n]).RoundedTotal;
}
