using System;
using System.Collections.Generic;
using PerfKit.Internal;
using PerfKit.Model;
using PerfKit.Scoring;

namespace PerfKit.Building;

/// <summary>Configures a group's names, kind and children. Obtained from <see cref="SchemeBuilder.Root(WeightMode, Action{GroupBuilder})"/> or a parent group.</summary>
/// <remarks>Not thread-safe. Values are checked when the scheme is built, all at once.</remarks>
public sealed class GroupBuilder
{
    internal GroupBuilder(string id, decimal weight, WeightMode childWeights, GroupKind kind)
    {
        Id = id;
        Weight = weight;
        ChildWeights = childWeights;
        Kind = kind;
    }

    internal string Id { get; }

    internal decimal Weight { get; }

    internal WeightMode ChildWeights { get; }

    internal GroupKind Kind { get; private set; }

    internal NameDraft Names { get; } = new();

    internal List<object> Children { get; } = [];

    internal Periods.PeriodKind? CadenceValue { get; private set; }

    /// <summary>Sets the default display name (the id is shown when none is set).</summary>
    /// <param name="text">The name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public GroupBuilder Name(string text)
    {
        Names.Set(text);
        return this;
    }

    /// <summary>Sets the display name for a culture, e.g. <c>zh-CN</c>.</summary>
    /// <param name="culture">The culture name.</param>
    /// <param name="text">The name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public GroupBuilder Name(string culture, string text)
    {
        Names.Set(culture, text);
        return this;
    }

    /// <summary>Sets what the group stands for (the root is <see cref="GroupKind.Custom"/> unless set).</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined.</exception>
    public GroupBuilder OfKind(GroupKind kind)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Use a GroupKind value.");
        }

        Kind = kind;
        return this;
    }

    /// <summary>
    /// Declares the cadence the group is assessed at (spec §8), e.g. a monthly section scored for each month of a
    /// quarter. Only a direct child of the root may declare one, and only a calendar kind (month, quarter, half-year,
    /// year); both are checked when the scheme is built. See <see cref="Periods.PeriodEvaluator"/>.
    /// </summary>
    /// <param name="cadence">The cadence.</param>
    /// <returns>This builder.</returns>
    public GroupBuilder Cadence(Periods.PeriodKind cadence)
    {
        CadenceValue = cadence;
        return this;
    }

    /// <summary>Adds a child group of the given kind.</summary>
    /// <param name="kind">What the group stands for.</param>
    /// <param name="id">The id, unique among siblings.</param>
    /// <param name="weight">The weight in this group's weight mode.</param>
    /// <param name="childWeights">How the new group's children's weights are written.</param>
    /// <param name="configure">Configures the new group.</param>
    /// <returns>This builder (the parent), for adding siblings.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public GroupBuilder Group(GroupKind kind, string id, decimal weight, WeightMode childWeights, Action<GroupBuilder> configure)
    {
        Guard.NotNull(configure);
        configure(AddGroup(kind, id, weight, childWeights));
        return this;
    }

    /// <summary>Adds a child group and returns its builder (for readers that build a tree step by step).</summary>
    internal GroupBuilder AddGroup(GroupKind kind, string id, decimal weight, WeightMode childWeights)
    {
        var child = new GroupBuilder(Guard.NotNull(id), weight, Guard.NotNull(childWeights), kind);
        Children.Add(child);
        return child;
    }

    /// <summary>Adds a child section (e.g. a monthly or quarterly part).</summary>
    /// <param name="id">The id, unique among siblings.</param>
    /// <param name="weight">The weight in this group's weight mode.</param>
    /// <param name="childWeights">How the section's children's weights are written.</param>
    /// <param name="configure">Configures the section.</param>
    /// <returns>This builder (the parent).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public GroupBuilder Section(string id, decimal weight, WeightMode childWeights, Action<GroupBuilder> configure)
        => Group(GroupKind.Section, id, weight, childWeights, configure);

    /// <summary>Adds a child Balanced Scorecard dimension.</summary>
    /// <param name="id">The id, unique among siblings.</param>
    /// <param name="weight">The weight in this group's weight mode.</param>
    /// <param name="childWeights">How the dimension's children's weights are written.</param>
    /// <param name="configure">Configures the dimension.</param>
    /// <returns>This builder (the parent).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public GroupBuilder Dimension(string id, decimal weight, WeightMode childWeights, Action<GroupBuilder> configure)
        => Group(GroupKind.Dimension, id, weight, childWeights, configure);

    /// <summary>Adds a child objective ("O") whose children are key results.</summary>
    /// <param name="id">The id, unique among siblings.</param>
    /// <param name="weight">The weight in this group's weight mode.</param>
    /// <param name="childWeights">How the objective's key results' weights are written.</param>
    /// <param name="configure">Configures the objective.</param>
    /// <returns>This builder (the parent).</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public GroupBuilder Objective(string id, decimal weight, WeightMode childWeights, Action<GroupBuilder> configure)
        => Group(GroupKind.Objective, id, weight, childWeights, configure);

    /// <summary>Adds an indicator (KPI or key result).</summary>
    /// <param name="id">The id, unique among siblings.</param>
    /// <param name="weight">The weight in this group's weight mode.</param>
    /// <param name="measure">The measure key whose period value it reads.</param>
    /// <param name="scorer">The scorer; see <see cref="Scorers"/>.</param>
    /// <param name="configure">Configures names, tags, unit and missing-value policy; optional.</param>
    /// <returns>This builder (the parent).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="id"/>, <paramref name="measure"/> or <paramref name="scorer"/> is null.</exception>
    public GroupBuilder Indicator(string id, decimal weight, string measure, ScorerSpec scorer, Action<IndicatorBuilder>? configure = null)
    {
        var child = new IndicatorBuilder(Guard.NotNull(id), weight, Guard.NotNull(measure), Guard.NotNull(scorer));
        configure?.Invoke(child);
        Children.Add(child);
        return this;
    }
}

/// <summary>Configures an indicator's names, tags, unit, aggregation and missing-value policy.</summary>
/// <remarks>Not thread-safe. Values are checked when the scheme is built.</remarks>
public sealed class IndicatorBuilder
{
    internal IndicatorBuilder(string id, decimal weight, string measure, ScorerSpec scorer)
    {
        Id = id;
        Weight = weight;
        Measure = measure;
        Scorer = scorer;
    }

    internal string Id { get; }

    internal decimal Weight { get; }

    internal string Measure { get; }

    internal ScorerSpec Scorer { get; }

    internal NameDraft Names { get; } = new();

    internal List<string> TagList { get; } = [];

    internal MissingValuePolicy MissingPolicy { get; private set; } = MissingValuePolicy.Error;

    internal string? UnitText { get; private set; }

    internal ValueAggregation? AggregationValue { get; private set; }

    internal bool IsProrated { get; private set; }

    /// <summary>Sets the default display name (the id is shown when none is set).</summary>
    /// <param name="text">The name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public IndicatorBuilder Name(string text)
    {
        Names.Set(text);
        return this;
    }

    /// <summary>Sets the display name for a culture.</summary>
    /// <param name="culture">The culture name, e.g. <c>zh-CN</c>.</param>
    /// <param name="text">The name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public IndicatorBuilder Name(string culture, string text)
    {
        Names.Set(culture, text);
        return this;
    }

    /// <summary>Adds free tags, e.g. <c>scale</c>, <c>inclusive-finance</c>, <c>deposit</c>.</summary>
    /// <param name="tags">The tags.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="tags"/> is null or holds null.</exception>
    /// <exception cref="ArgumentException"><paramref name="tags"/> holds null.</exception>
    public IndicatorBuilder Tags(params string[] tags)
    {
        TagList.AddRange(Guard.NoNullItems(tags));
        return this;
    }

    /// <summary>Sets the missing-value policy (default <see cref="MissingValuePolicy.Error"/>).</summary>
    /// <param name="policy">The policy.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="policy"/> is not defined.</exception>
    public IndicatorBuilder WhenMissing(MissingValuePolicy policy)
    {
        if (!Enum.IsDefined(policy))
        {
            throw new ArgumentOutOfRangeException(nameof(policy), policy, "Use a MissingValuePolicy value.");
        }

        MissingPolicy = policy;
        return this;
    }

    /// <summary>Sets the unit of the measure, e.g. <c>accounts</c> or <c>%</c>.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="unit"/> is null.</exception>
    public IndicatorBuilder Unit(string unit)
    {
        UnitText = Guard.NotNull(unit);
        return this;
    }

    /// <summary>Declares how the measure's period value is aggregated (policy checks read it).</summary>
    /// <param name="aggregation">The aggregation.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="aggregation"/> is not defined.</exception>
    public IndicatorBuilder AggregatedBy(ValueAggregation aggregation)
    {
        if (!Enum.IsDefined(aggregation))
        {
            throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, "Use a ValueAggregation value.");
        }

        AggregationValue = aggregation;
        return this;
    }

    /// <summary>
    /// Prorates the indicator (spec §8, opt-in): for a subject present for part of the period its baseline, target,
    /// start line and threshold (raw band bounds, or a ratio band's target) are scaled together by days present ÷ days
    /// in the period. For counts and amounts only: the scheme is refused when the indicator is a rate (unit <c>%</c> or
    /// tag <c>rate</c>) or its scorer kind cannot be prorated (rating; a host kind that does not implement
    /// <see cref="Periods.IProratableScorerKind"/>).
    /// </summary>
    /// <returns>This builder.</returns>
    public IndicatorBuilder Prorated()
    {
        IsProrated = true;
        return this;
    }
}
