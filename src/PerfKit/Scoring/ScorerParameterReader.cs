using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PerfKit.Internal;

namespace PerfKit.Scoring;

/// <summary>
/// Reads a scorer's parameters for an <see cref="IScorerKind"/>, collecting every problem (missing, wrong type,
/// out of range, unknown) with the indicator's path, so a scheme reports all of them at once.
/// </summary>
/// <remarks>Not thread-safe; used by one <see cref="IScorerKind.Create"/> call.</remarks>
public sealed class ScorerParameterReader
{
    private readonly ImmutableSortedDictionary<string, ParameterValue> parameters;
    private readonly List<Problem> problems;
    private readonly HashSet<string> read = new(StringComparer.Ordinal);
    private readonly string path;

    internal ScorerParameterReader(ScorerSpec spec, string nodePath, List<Problem> problems)
    {
        parameters = spec.Parameters;
        this.problems = problems;
        Kind = spec.Kind;
        path = nodePath + ".scorer";
        ProblemsBefore = problems.Count;
    }

    /// <summary>Gets the kind name being read.</summary>
    public string Kind { get; }

    /// <summary>Gets a value indicating whether any problem has been reported for this scorer so far.</summary>
    public bool HasProblems => problems.Count > ProblemsBefore;

    private int ProblemsBefore { get; }

    /// <summary>Reads a required number.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The number, or 0 after reporting a problem when it is absent or not a number.</returns>
    public decimal RequiredNumber(string name) => OptionalNumber(name) ?? ReportMissing(name);

    /// <summary>Reads an optional number.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The number, or <see langword="null"/> when absent (or after reporting a wrong type).</returns>
    public decimal? OptionalNumber(string name)
    {
        var value = Take(name);
        if (value is null)
        {
            return null;
        }

        if (value.Kind != ParameterValueKind.Number)
        {
            Report(ProblemCodes.ScorerParameterType, name, value.ToString(), $"Parameter '{name}' of a {Kind} scorer must be a number.");
            return null;
        }

        return value.Number;
    }

    /// <summary>Reads an optional text that must be one of <paramref name="allowed"/>.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="allowed">The allowed texts (compared ordinally).</param>
    /// <returns>The text, or <see langword="null"/> when absent or invalid (after reporting).</returns>
    public string? OptionalChoice(string name, params string[] allowed)
    {
        var value = Take(name);
        if (value is null)
        {
            return null;
        }

        if (value.Kind != ParameterValueKind.Text || !allowed.Contains(value.Text, StringComparer.Ordinal))
        {
            Report(ProblemCodes.ScorerParameterValue, name, value.ToString(), $"Parameter '{name}' of a {Kind} scorer must be one of: {string.Join(", ", allowed)}.");
            return null;
        }

        return value.Text;
    }

    /// <summary>Reads a required text that must be one of <paramref name="allowed"/>.</summary>
    /// <param name="name">The parameter name.</param>
    /// <param name="allowed">The allowed texts (compared ordinally).</param>
    /// <returns>The text, or <see langword="null"/> after reporting a problem.</returns>
    public string? RequiredChoice(string name, params string[] allowed)
    {
        if (!parameters.ContainsKey(name))
        {
            read.Add(name);
            Report(ProblemCodes.ScorerParameterMissing, name, null, $"A {Kind} scorer needs parameter '{name}', one of: {string.Join(", ", allowed)}.");
            return null;
        }

        return OptionalChoice(name, allowed);
    }

    /// <summary>Reads an optional list.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The items, or <see langword="null"/> when absent or not a list (after reporting).</returns>
    public ImmutableArray<ParameterValue>? OptionalList(string name)
    {
        var value = Take(name);
        if (value is null)
        {
            return null;
        }

        if (value.Kind != ParameterValueKind.List)
        {
            Report(ProblemCodes.ScorerParameterType, name, value.ToString(), $"Parameter '{name}' of a {Kind} scorer must be a list.");
            return null;
        }

        return value.Items;
    }

    /// <summary>Reads a required list, reporting it when absent or not a list.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The items, or <see langword="null"/> after reporting a problem.</returns>
    public ImmutableArray<ParameterValue>? RequiredList(string name)
    {
        if (!IsGiven(name))
        {
            read.Add(name);
            Report(ProblemCodes.ScorerParameterMissing, name, null, $"A {Kind} scorer needs the list parameter '{name}'.");
            return null;
        }

        return OptionalList(name);
    }

    /// <summary>Reads a required map, reporting it when absent or not a map.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The entries, or <see langword="null"/> after reporting a problem.</returns>
    public ImmutableSortedDictionary<string, ParameterValue>? RequiredMap(string name)
    {
        if (!IsGiven(name))
        {
            read.Add(name);
            Report(ProblemCodes.ScorerParameterMissing, name, null, $"A {Kind} scorer needs the map parameter '{name}'.");
            return null;
        }

        return OptionalMap(name);
    }

    /// <summary>Reads an optional map.</summary>
    /// <param name="name">The parameter name.</param>
    /// <returns>The entries, or <see langword="null"/> when absent or not a map (after reporting).</returns>
    public ImmutableSortedDictionary<string, ParameterValue>? OptionalMap(string name)
    {
        var value = Take(name);
        if (value is null)
        {
            return null;
        }

        if (value.Kind != ParameterValueKind.Map)
        {
            Report(ProblemCodes.ScorerParameterType, name, value.ToString(), $"Parameter '{name}' of a {Kind} scorer must be a map.");
            return null;
        }

        return value.Entries;
    }

    /// <summary>Reports a problem with a parameter.</summary>
    /// <param name="code">A stable code, e.g. <c>scorer.linear.cap</c>.</param>
    /// <param name="parameter">The parameter name (may include an index, e.g. <c>bands[2].score</c>).</param>
    /// <param name="attemptedValue">The offending value as text, or <see langword="null"/>.</param>
    /// <param name="message">A sentence saying what is wrong and what is allowed.</param>
    /// <exception cref="ArgumentNullException"><paramref name="code"/>, <paramref name="parameter"/> or <paramref name="message"/> is null.</exception>
    public void Report(string code, string parameter, string? attemptedValue, string message)
        => problems.Add(new Problem(code, path + "." + Guard.NotNull(parameter), attemptedValue, message));

    /// <summary>Reports a number problem with a parameter.</summary>
    /// <param name="code">A stable code.</param>
    /// <param name="parameter">The parameter name.</param>
    /// <param name="attemptedValue">The offending number.</param>
    /// <param name="message">A sentence saying what is wrong and what is allowed.</param>
    public void Report(string code, string parameter, decimal attemptedValue, string message)
        => Report(code, parameter, DecimalText.Canonical(attemptedValue), message);

    /// <summary>True when the spec gives <paramref name="name"/>, whatever its type (a wrong type is reported by the typed read).</summary>
    internal bool IsGiven(string name) => parameters.ContainsKey(name);

    internal void ReportUnknown()
    {
        foreach (var name in parameters.Keys.Where(k => !read.Contains(k)))
        {
            Report(ProblemCodes.ScorerParameterUnknown, name, parameters[name].ToString(), $"A {Kind} scorer has no parameter '{name}'.");
        }
    }

    private ParameterValue? Take(string name)
    {
        Guard.NotBlank(name);
        read.Add(name);
        return parameters.TryGetValue(name, out var value) ? value : null;
    }

    private decimal ReportMissing(string name)
    {
        if (!parameters.ContainsKey(name))
        {
            Report(ProblemCodes.ScorerParameterMissing, name, null, $"A {Kind} scorer needs the number parameter '{name}'.");
        }

        return 0m;
    }
}
