using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using PerfKit.Internal;
using PerfKit.Model;
using PerfKit.Scoring;

namespace PerfKit.Building;

/// <summary>
/// Builds a <see cref="Scheme"/> fluently. Nothing is checked while you configure; <see cref="Build"/> validates the
/// whole definition and reports every problem at once, each with a code, a path, the offending value and a sentence.
/// </summary>
/// <remarks>Not thread-safe. A builder may be built more than once; each build returns a new, independent scheme.</remarks>
public sealed class SchemeBuilder
{
    private readonly string id;
    private readonly string version;
    private readonly ScorerRegistry registry;
    private readonly NameDraft names = new();
    private readonly List<(string Name, decimal? MinPoints, decimal Coefficient, NameDraft Names)> grades = [];
    private readonly List<GateBuilder> gates = [];
    private readonly List<AdjustmentBuilder> adjustments = [];
    private decimal points = 100m;
    private int roundingDecimals = 2;
    private MidpointRounding roundingMode = MidpointRounding.AwayFromZero;
    private string? roundingModeName;
    private decimal? maxBonus;
    private decimal? minPoints;
    private decimal? maxPoints;
    private GroupBuilder? root;

    /// <summary>Starts a scheme.</summary>
    /// <param name="id">The scheme id (letters, digits, '_' and '-').</param>
    /// <param name="version">The version, e.g. <c>2023.1</c>.</param>
    /// <param name="registry">The scorer kinds the scheme may use; <see cref="ScorerRegistry.Default"/> when null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="id"/> or <paramref name="version"/> is null.</exception>
    public SchemeBuilder(string id, string version, ScorerRegistry? registry = null)
    {
        this.id = Guard.NotNull(id);
        this.version = Guard.NotNull(version);
        this.registry = registry ?? ScorerRegistry.Default;
    }

    /// <summary>Sets the default name (required).</summary>
    /// <param name="text">The name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public SchemeBuilder Name(string text)
    {
        names.Set(text);
        return this;
    }

    /// <summary>Sets the name for a culture, e.g. <c>zh-CN</c>.</summary>
    /// <param name="culture">The culture name.</param>
    /// <param name="text">The name.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public SchemeBuilder Name(string culture, string text)
    {
        names.Set(culture, text);
        return this;
    }

    /// <summary>Sets P, the points of the weighted tree (default 100; bonuses come on top).</summary>
    /// <param name="value">P, positive.</param>
    /// <returns>This builder.</returns>
    public SchemeBuilder Points(decimal value)
    {
        points = value;
        return this;
    }

    /// <summary>Sets the rounding applied once to the total (default 2 decimals, <see cref="MidpointRounding.AwayFromZero"/>).</summary>
    /// <param name="decimals">Decimal places, 0–10.</param>
    /// <param name="mode">The midpoint rule.</param>
    /// <returns>This builder.</returns>
    public SchemeBuilder Rounding(int decimals, MidpointRounding mode)
    {
        roundingDecimals = decimals;
        roundingMode = mode;
        roundingModeName = null;
        return this;
    }

    /// <summary>Sets the rounding with the mode given by its scheme-file name (e.g. <c>awayFromZero</c>); an unknown name is reported when the scheme is built.</summary>
    internal SchemeBuilder Rounding(int decimals, string modeName)
    {
        roundingDecimals = decimals;
        roundingModeName = modeName;
        return this;
    }

    /// <summary>Sets the cap on all bonuses together (required when the scheme has bonus rules).</summary>
    /// <param name="value">The cap, ≥ 0.</param>
    /// <returns>This builder.</returns>
    public SchemeBuilder MaxBonus(decimal value)
    {
        maxBonus = value;
        return this;
    }

    /// <summary>Sets the lowest total (default 0).</summary>
    /// <param name="value">The bound.</param>
    /// <returns>This builder.</returns>
    public SchemeBuilder MinPoints(decimal value)
    {
        minPoints = value;
        return this;
    }

    /// <summary>Sets the highest total (default P + maxBonus; required when a scorer can exceed 1).</summary>
    /// <param name="value">The bound.</param>
    /// <returns>This builder.</returns>
    public SchemeBuilder MaxPoints(decimal value)
    {
        maxPoints = value;
        return this;
    }

    /// <summary>Adds a grade band; bands may be added in any order and are sorted by <paramref name="minPoints"/>.</summary>
    /// <param name="name">The grade, e.g. <c>A</c>.</param>
    /// <param name="minPoints">The inclusive minimum rounded total, or <see langword="null"/> for the catch-all lowest band.</param>
    /// <param name="coefficient">The pay coefficient, e.g. 1.30.</param>
    /// <param name="configureNames">Sets display names; optional.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="name"/> is null.</exception>
    public SchemeBuilder Grade(string name, decimal? minPoints, decimal coefficient, Action<GradeNames>? configureNames = null)
    {
        var draft = new NameDraft();
        configureNames?.Invoke(new GradeNames(draft));
        grades.Add((Guard.NotNull(name), minPoints, coefficient, draft));
        return this;
    }

    /// <summary>Defines the root group (id <c>root</c>).</summary>
    /// <param name="childWeights">How the root's children's weights are written.</param>
    /// <param name="configure">Adds the children.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The root is already defined; a scheme has one root group.</exception>
    public SchemeBuilder Root(WeightMode childWeights, Action<GroupBuilder> configure) => Root("root", childWeights, configure);

    /// <summary>Defines the root group.</summary>
    /// <param name="rootId">The root's id.</param>
    /// <param name="childWeights">How the root's children's weights are written.</param>
    /// <param name="configure">Adds the children.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    /// <exception cref="InvalidOperationException">The root is already defined; a scheme has one root group.</exception>
    public SchemeBuilder Root(string rootId, WeightMode childWeights, Action<GroupBuilder> configure)
    {
        Guard.NotNull(configure);
        configure(Root(rootId, childWeights));
        return this;
    }

    /// <summary>Defines the root group and returns its builder (for readers that build a tree step by step).</summary>
    internal GroupBuilder Root(string rootId, WeightMode childWeights)
    {
        Guard.State(root is null, "The root group is already defined; a scheme has one root. Add all top-level children inside one Root(...) call.");
        var group = new GroupBuilder(Guard.NotNull(rootId), 1m, Guard.NotNull(childWeights), GroupKind.Custom);
        root = group;
        return group;
    }

    /// <summary>Adds a gate.</summary>
    /// <param name="gateId">The gate's id, unique among gates.</param>
    /// <param name="configure">Sets what it looks at and its consequence.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public SchemeBuilder Gate(string gateId, Action<GateBuilder> configure)
    {
        var gate = new GateBuilder(Guard.NotNull(gateId));
        Guard.NotNull(configure)(gate);
        gates.Add(gate);
        return this;
    }

    /// <summary>Adds a bonus rule: min(units × pointsPerUnit, cap) points on top of the weighted tree.</summary>
    /// <param name="ruleId">The rule's id, unique among adjustments.</param>
    /// <param name="measure">The measure holding the units (e.g. certificates).</param>
    /// <param name="pointsPerUnit">Points per unit, ≥ 0.</param>
    /// <param name="cap">The rule's cap, ≥ 0; optional.</param>
    /// <param name="configure">Sets names and missing-units policy; optional.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/> or <paramref name="measure"/> is null.</exception>
    public SchemeBuilder Bonus(string ruleId, string measure, decimal pointsPerUnit, decimal? cap = null, Action<AdjustmentBuilder>? configure = null)
        => Adjustment(AdjustmentKind.Bonus, ruleId, measure, pointsPerUnit, cap, configure);

    /// <summary>Adds a penalty rule: min(units × pointsPerUnit, cap) points deducted.</summary>
    /// <param name="ruleId">The rule's id, unique among adjustments.</param>
    /// <param name="measure">The measure holding the units (e.g. compliance violations).</param>
    /// <param name="pointsPerUnit">Points per unit, ≥ 0.</param>
    /// <param name="cap">The rule's cap, ≥ 0; optional.</param>
    /// <param name="configure">Sets names, scope and missing-units policy; optional.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="ruleId"/> or <paramref name="measure"/> is null.</exception>
    public SchemeBuilder Penalty(string ruleId, string measure, decimal pointsPerUnit, decimal? cap = null, Action<AdjustmentBuilder>? configure = null)
        => Adjustment(AdjustmentKind.Penalty, ruleId, measure, pointsPerUnit, cap, configure);

    /// <summary>Validates the definition and returns every problem found (empty when it would build).</summary>
    /// <returns>The problems: the scheme id, version, name, P and rounding, then the tree depth first, then grades, adjustments, bounds and gates.</returns>
    public ImmutableArray<Problem> Validate()
    {
        TryBuild(out _, out var problems);
        return problems;
    }

    /// <summary>Validates and builds the scheme.</summary>
    /// <returns>The immutable scheme.</returns>
    /// <exception cref="SchemeValidationException">The definition has problems; all of them are in <see cref="SchemeValidationException.Problems"/>.</exception>
    public Scheme Build()
        => TryBuild(out var scheme, out var problems) ? scheme : throw new SchemeValidationException(problems);

    /// <summary>Validates and builds the scheme without throwing for data problems.</summary>
    /// <param name="scheme">The scheme, when valid.</param>
    /// <param name="problems">Every problem found; empty when valid.</param>
    /// <returns>Whether the scheme was built.</returns>
    public bool TryBuild([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Scheme? scheme, out ImmutableArray<Problem> problems)
        => TryBuild(out scheme, out problems, out _);

    /// <summary>Builds like <see cref="TryBuild(out Scheme?, out ImmutableArray{Problem})"/> and also tells which problems
    /// belong to the tree: those in <paramref name="treeProblems"/> carry node paths; all others carry scheme member paths.</summary>
    internal bool TryBuild([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Scheme? scheme, out ImmutableArray<Problem> problems, out Range treeProblems)
    {
        var compiler = new SchemeCompiler(registry);
        scheme = compiler.Compile(this);
        problems = [.. compiler.Problems];
        treeProblems = compiler.TreeProblems;
        if (problems.Length > 0)
        {
            scheme = null;
        }

        return scheme is not null;
    }

    private SchemeBuilder Adjustment(AdjustmentKind kind, string ruleId, string measure, decimal pointsPerUnit, decimal? cap, Action<AdjustmentBuilder>? configure)
    {
        var rule = new AdjustmentBuilder(Guard.NotNull(ruleId), kind, Guard.NotNull(measure), pointsPerUnit, cap);
        configure?.Invoke(rule);
        adjustments.Add(rule);
        return this;
    }

    /// <summary>Validates a builder's definition into a scheme, collecting every problem.</summary>
    private sealed class SchemeCompiler(ScorerRegistry registry)
    {
        private const string ReservedParameter = "kind";
        private readonly Dictionary<string, SchemeNode?> index = new(StringComparer.Ordinal);
        private readonly Dictionary<string, IScorer?> scorers = new(StringComparer.Ordinal);
        private bool anyScorerAboveOne;
        private bool anyCadence;

        public List<Problem> Problems { get; } = [];

        public Range TreeProblems { get; private set; }

        public Scheme? Compile(SchemeBuilder b)
        {
            if (!Identifiers.IsValid(b.id))
            {
                Add(ProblemCodes.IdInvalid, "id", b.id, "The scheme id must use " + Identifiers.Rule + ".");
            }

            if (string.IsNullOrWhiteSpace(b.version) || b.version.Length > 64)
            {
                Add(ProblemCodes.VersionInvalid, "version", b.version, "The version must be a non-blank text of at most 64 characters, e.g. 2023.1.");
            }
            else if (!Texts.IsWellFormed(b.version))
            {
                Add(ProblemCodes.TextInvalid, "version", null, Texts.SurrogateRule);
            }

            var schemeNames = b.names.Build("scheme", null, Problems);
            if (b.points <= 0m)
            {
                Add(ProblemCodes.PointsRange, "points", b.points, "P must be positive (e.g. 100).");
            }

            RoundingPolicy? rounding = null;
            var roundingMode = b.roundingMode;
            if (b.roundingDecimals is < 0 or > 10)
            {
                Add(ProblemCodes.RoundingInvalid, "rounding.decimals", b.roundingDecimals.ToString(System.Globalization.CultureInfo.InvariantCulture), "Rounding decimals must be between 0 and 10.");
            }
            else if (b.roundingModeName is { } modeName && !Serialization.FileNames.TryParseRounding(modeName, out roundingMode))
            {
                Add(ProblemCodes.RoundingInvalid, "rounding.mode", modeName, "The rounding mode must be one of " + Serialization.FileNames.RoundingNames + ".");
            }
            else if (!Enum.IsDefined(roundingMode))
            {
                Add(ProblemCodes.RoundingInvalid, "rounding.mode", roundingMode.ToString(), "The rounding mode must be one of AwayFromZero, ToEven, ToZero, ToNegativeInfinity, ToPositiveInfinity.");
            }
            else
            {
                rounding = new RoundingPolicy(b.roundingDecimals, roundingMode);
            }

            GroupNode? rootNode = null;
            if (b.root is null)
            {
                Add(ProblemCodes.RootMissing, "/", null, "A scheme needs one root group; define it with Root(...).");
            }
            else
            {
                var treeStart = Problems.Count;
                rootNode = CompileGroup(b.root, string.Empty, 1m, 1m);
                TreeProblems = treeStart..Problems.Count;
            }

            var gradeBands = CompileGrades(b);
            var adjustmentRules = CompileAdjustments(b);
            CheckBounds(b);
            var gateRules = CompileGates(b, gradeBands);

            if (Problems.Count > 0 || rootNode is null || rounding is null)
            {
                return null;
            }

            return new Scheme(b.id, b.version, schemeNames, b.points, rounding, gradeBands, gateRules, adjustmentRules, b.maxBonus, b.minPoints, b.maxPoints, rootNode);
        }

        private static string Display(string path) => path.Length == 0 ? "/" : path;

        /// <summary>A node without a name shows its id; an empty id is already reported as id.invalid, so it is not reported again as a missing name.</summary>
        private static string NameFallback(string id) => string.IsNullOrWhiteSpace(id) ? "?" : id;

        /// <summary>The child's path; a child without an id is named by its position, <c>children[2]</c>, so a problem never points at its parent.</summary>
        private static string Child(string parent, string childId, int index)
        {
            var segment = childId.Length == 0 ? $"children[{index.ToString(System.Globalization.CultureInfo.InvariantCulture)}]" : childId;
            return parent.Length == 0 ? segment : parent + "/" + segment;
        }

        /// <summary>A child builder's id and weight; children are <see cref="GroupBuilder"/>s or <see cref="IndicatorBuilder"/>s.</summary>
        private static (string Id, decimal Weight) IdAndWeight(object child)
            => child is GroupBuilder group ? (group.Id, group.Weight) : (((IndicatorBuilder)child).Id, ((IndicatorBuilder)child).Weight);

        private void Add(string code, string path, string? value, string message) => Problems.Add(new Problem(code, path, value, message));

        private void Add(string code, string path, decimal value, string message) => Add(code, path, DecimalText.Canonical(value), message);

        private GroupNode? CompileGroup(GroupBuilder g, string path, decimal weight, decimal effectiveWeight)
        {
            var display = Display(path);
            var ok = true;
            index.TryAdd(path, null);
            if (!Identifiers.IsValid(g.Id))
            {
                Add(ProblemCodes.IdInvalid, display, g.Id, "A node id must use " + Identifiers.Rule + ".");
                ok = false;
            }

            var nodeNames = g.Names.Build(display, NameFallback(g.Id), Problems);
            if (!CheckCadence(g, path, display))
            {
                ok = false;
            }

            var mode = g.ChildWeights;
            var modeOk = !(mode.Kind == WeightModeKind.Points && mode.Points <= 0m);
            if (!modeOk)
            {
                Add(ProblemCodes.WeightPoints, display, mode.Points!.Value, "The points N of a points(N) group must be positive.");
                ok = false;
            }

            if (g.Children.Count == 0)
            {
                Add(ProblemCodes.GroupEmpty, display, null, "A group needs at least one child (an indicator or a group).");
                return null;
            }

            var sum = 0m;
            var weightsOk = true;
            var ids = new HashSet<string>(StringComparer.Ordinal);
            for (var position = 0; position < g.Children.Count; position++)
            {
                var child = g.Children[position];
                var (childId, childWeight) = IdAndWeight(child);
                var childPath = Child(path, childId, position);
                if (!ids.Add(childId))
                {
                    Add(ProblemCodes.IdDuplicate, childPath, childId, $"Two children of '{display}' have the id '{childId}'; sibling ids must be unique.");
                    ok = false;
                }

                if (childWeight <= 0m)
                {
                    Add(ProblemCodes.WeightNonPositive, childPath, childWeight, "A weight must be positive; an informational measure is a tracked value, not a scored node.");
                    weightsOk = false;
                }
                else if (childWeight > decimal.MaxValue - sum)
                {
                    if (weightsOk)
                    {
                        Add(ProblemCodes.WeightSum, display, childWeight, $"The children's weights of '{display}' add up beyond the decimal range (±7.9e28); write smaller weights.");
                    }

                    weightsOk = false;
                }
                else
                {
                    sum += childWeight;
                }
            }

            // A non-positive N is already reported; positive weights cannot sum to it, so no second problem.
            if (weightsOk && modeOk && mode.RequiredSum is { } required && sum != required)
            {
                Add(ProblemCodes.WeightSum, display, sum, $"The children's weights of a {mode} group must sum to exactly {DecimalText.Canonical(required)}.");
                weightsOk = false;
            }

            var children = ImmutableArray.CreateBuilder<SchemeNode>(g.Children.Count);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            for (var position = 0; position < g.Children.Count; position++)
            {
                var child = g.Children[position];
                var (childId, childWeight) = IdAndWeight(child);
                var childPath = Child(path, childId, position);
                if (!seen.Add(childId))
                {
                    continue;
                }

                var childEffective = weightsOk ? effectiveWeight * childWeight / sum : 0m;
                SchemeNode? node = child is GroupBuilder group
                    ? CompileGroup(group, childPath, childWeight, childEffective)
                    : CompileIndicator((IndicatorBuilder)child, childPath, childEffective);
                index[childPath] = node;
                if (node is null)
                {
                    ok = false;
                }
                else
                {
                    children.Add(node);
                }
            }

            if (!ok || !weightsOk)
            {
                return null;
            }

            var result = new GroupNode(g.Id, path, nodeNames, weight, effectiveWeight, g.Kind, mode, children.MoveToImmutable(), g.CadenceValue);
            index[path] = result;
            return result;
        }

        /// <summary>A cadence is a calendar kind declared on a direct child of the root (spec §8).</summary>
        private bool CheckCadence(GroupBuilder g, string path, string display)
        {
            if (g.CadenceValue is not { } cadence)
            {
                return true;
            }

            anyCadence = true;
            if (!Enum.IsDefined(cadence) || cadence == Periods.PeriodKind.Custom)
            {
                Add(ProblemCodes.CadenceInvalid, display + ".cadence", cadence.ToString(), "A cadence must be month, quarter, halfYear or year.");
                return false;
            }

            if (path.Length == 0 || path.Contains('/', StringComparison.Ordinal))
            {
                Add(ProblemCodes.CadencePlacement, display + ".cadence", Serialization.FileNames.Name(Serialization.FileNames.Cadences, cadence),
                    "Only a direct child of the root (a section) may declare a cadence; the sections of a period are combined by their weights in the root.");
                return false;
            }

            return true;
        }

        private IndicatorNode? CompileIndicator(IndicatorBuilder i, string path, decimal effectiveWeight)
        {
            var ok = true;
            if (!Identifiers.IsValid(i.Id))
            {
                Add(ProblemCodes.IdInvalid, path, i.Id, "A node id must use " + Identifiers.Rule + ".");
                ok = false;
            }

            var nodeNames = i.Names.Build(path, NameFallback(i.Id), Problems);
            if (!Measures.IsValid(i.Measure))
            {
                Add(ProblemCodes.MeasureInvalid, path + ".measure", i.Measure, "A measure key must use " + Measures.Rule + ".");
                ok = false;
            }

            var tags = new SortedSet<string>(StringComparer.Ordinal);
            foreach (var tag in i.TagList)
            {
                if (!Identifiers.IsValid(tag))
                {
                    Add(ProblemCodes.TagInvalid, path + ".tags", tag, "A tag must use " + Identifiers.Rule + ".");
                    ok = false;
                }
                else if (!tags.Add(tag))
                {
                    Add(ProblemCodes.TagInvalid, path + ".tags", tag, $"The tag '{tag}' is given twice.");
                    ok = false;
                }
            }

            if (i.UnitText is { } unit && (string.IsNullOrWhiteSpace(unit) || unit.Length > 32))
            {
                Add(ProblemCodes.UnitInvalid, path + ".unit", unit, "A unit must be a non-blank text of at most 32 characters.");
                ok = false;
            }
            else if (i.UnitText is { } text && !Texts.IsWellFormed(text))
            {
                Add(ProblemCodes.TextInvalid, path + ".unit", null, Texts.SurrogateRule);
                ok = false;
            }

            if (!CheckScorerTexts(i.Scorer, path))
            {
                return null;
            }

            var scorer = registry.Create(i.Scorer, path, Problems);
            scorers[path] = scorer;
            if (scorer is null)
            {
                return null;
            }

            if (scorer.MaximumScore > 1m)
            {
                anyScorerAboveOne = true;
            }

            registry.TryGet(i.Scorer.Kind, out var kind);
            var proration = i.IsProrated ? CompileProration(i, path, tags, kind!, scorer) : null;
            return ok && proration is not null == i.IsProrated
                ? new IndicatorNode(i.Id, path, nodeNames, i.Weight, effectiveWeight, i.Measure, i.Scorer, scorer, kind!.Version, i.MissingPolicy, [.. tags], i.UnitText, i.AggregationValue, proration)
                : null;
        }

        /// <summary>Checks a prorated indicator (counts and amounts only, spec §8) and creates its proration.</summary>
        private Periods.Proration? CompileProration(IndicatorBuilder i, string path, SortedSet<string> tags, IScorerKind kind, IScorer scorer)
        {
            if (Periods.Proration.IsRate(i.UnitText, tags))
            {
                Add(ProblemCodes.ProratedRate, path + ".prorated", "true",
                    "A rate (unit '%' or tag 'rate') is never prorated; only counts and amounts scale with the days present.");
                return null;
            }

            if (!Periods.Proration.CanProrate(kind))
            {
                Add(ProblemCodes.ProratedScorer, path + ".prorated", kind.Name,
                    $"A {kind.Name} scorer cannot be prorated; linear, threshold and band scorers can, and host kinds that implement IProratableScorerKind.");
                return null;
            }

            return new Periods.Proration(kind, i.Scorer, path, scorer);
        }

        private ImmutableArray<GradeBand> CompileGrades(SchemeBuilder b)
        {
            if (b.grades.Count == 0)
            {
                Add(ProblemCodes.GradesEmpty, "grades", null, "A scheme needs grade bands, e.g. A ≥ 90 → 1.30 … D otherwise → 0.70.");
                return [];
            }

            var names = new HashSet<string>(StringComparer.Ordinal);
            var catchAll = 0;
            for (var i = 0; i < b.grades.Count; i++)
            {
                var (name, min, coefficient, _) = b.grades[i];
                var path = $"grades[{i}]";
                if (!Identifiers.IsValid(name))
                {
                    Add(ProblemCodes.IdInvalid, path, name, "A grade name must use " + Identifiers.Rule + ".");
                }
                else if (!names.Add(name))
                {
                    Add(ProblemCodes.GradeDuplicate, path, name, $"The grade '{name}' is defined twice.");
                }

                if (coefficient < 0m)
                {
                    Add(ProblemCodes.GradeCoefficient, path + ".coefficient", coefficient, "A pay coefficient must be at least 0.");
                }

                if (min is null && ++catchAll == 2)
                {
                    Add(ProblemCodes.GradeOrder, path + ".minPoints", null, "Only the lowest grade may have no minimum (the catch-all band).");
                }
            }

            var ordered = b.grades.Select((g, i) => (g, i)).OrderByDescending(x => x.g.MinPoints ?? decimal.MinValue).ThenBy(x => x.i).ToList();
            for (var k = 1; k < ordered.Count; k++)
            {
                if (ordered[k].g.MinPoints is { } m && ordered[k - 1].g.MinPoints == m)
                {
                    Add(ProblemCodes.GradeOrder, $"grades[{ordered[k].i}].minPoints", m, $"Grades '{ordered[k - 1].g.Name}' and '{ordered[k].g.Name}' have the same minimum; each band needs its own.");
                }
            }

            var lowest = ordered[^1];
            var floor = b.minPoints ?? 0m;
            if (lowest.g.MinPoints is { } lowMin && lowMin > floor)
            {
                Add(ProblemCodes.GradeCoverage, $"grades[{lowest.i}].minPoints", lowMin,
                    $"The lowest grade must cover every total down to the scheme's minimum ({DecimalText.Canonical(floor)}): give it no minimum, or a minimum at or below it.");
            }

            var draftProblems = new List<Problem>();
            var result = ordered.Select((x, rank) => new GradeBand(x.g.Name, x.g.Names.Build($"grades[{x.i}]", x.g.Name, draftProblems), x.g.MinPoints, x.g.Coefficient, rank)).ToImmutableArray();
            Problems.AddRange(draftProblems);
            return result;
        }

        private ImmutableArray<AdjustmentRule> CompileAdjustments(SchemeBuilder b)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var result = ImmutableArray.CreateBuilder<AdjustmentRule>();
            for (var k = 0; k < b.adjustments.Count; k++)
            {
                var a = b.adjustments[k];
                var path = $"adjustments[{k}]";
                if (!Identifiers.IsValid(a.Id))
                {
                    Add(ProblemCodes.IdInvalid, path, a.Id, "An adjustment id must use " + Identifiers.Rule + ".");
                }
                else if (!ids.Add(a.Id))
                {
                    Add(ProblemCodes.IdDuplicate, path, a.Id, $"Two adjustment rules have the id '{a.Id}'.");
                }

                if (!Measures.IsValid(a.Measure))
                {
                    Add(ProblemCodes.MeasureInvalid, path + ".measure", a.Measure, "A measure key must use " + Measures.Rule + ".");
                }

                if (a.PointsPerUnit < 0m)
                {
                    Add(ProblemCodes.AdjustmentSize, path + ".pointsPerUnit", a.PointsPerUnit, "Points per unit is a size (≥ 0); the rule's kind (bonus or penalty) gives the sign.");
                }

                if (a.Cap < 0m)
                {
                    Add(ProblemCodes.AdjustmentSize, path + ".cap", a.Cap.Value, "A cap is a size (≥ 0).");
                }

                if (a.ScopePath is { } scope)
                {
                    if (a.Kind == AdjustmentKind.Bonus)
                    {
                        Add(ProblemCodes.AdjustmentScope, path + ".scope", scope, "Only a penalty may be scoped to a group.");
                    }
                    else if (!index.ContainsKey(Scheme.NormalizePath(scope)) && !scorers.ContainsKey(Scheme.NormalizePath(scope)))
                    {
                        Add(ProblemCodes.UnknownNode, path + ".scope", scope, "The scope names no node of the scheme.");
                    }
                    else if (scorers.ContainsKey(Scheme.NormalizePath(scope)))
                    {
                        Add(ProblemCodes.AdjustmentScope, path + ".scope", scope, "A penalty's scope must be a group, not an indicator.");
                    }
                    else if (anyCadence)
                    {
                        Add(ProblemCodes.CadenceScopedPenalty, path + ".scope", scope,
                            "A scheme with cadences applies its penalties once for the whole period, so a penalty cannot be limited to a group's contribution; remove the scope.");
                    }
                }

                var names = a.Names.Build(path, a.Id, Problems);
                result.Add(new AdjustmentRule(a.Id, names, a.Kind, a.Measure, a.PointsPerUnit, a.Cap, a.ScopePath is null ? null : Scheme.NormalizePath(a.ScopePath), a.Missing));
            }

            return result.ToImmutable();
        }

        private void CheckBounds(SchemeBuilder b)
        {
            if (b.adjustments.Any(a => a.Kind == AdjustmentKind.Bonus) && b.maxBonus is null)
            {
                Add(ProblemCodes.MaxBonusRequired, "maxBonus", null, "A scheme with bonus rules must declare maxBonus, the cap on all bonuses together.");
            }

            if (b.maxBonus < 0m)
            {
                Add(ProblemCodes.MaxBonusRange, "maxBonus", b.maxBonus.Value, "maxBonus must be at least 0.");
            }

            if (anyScorerAboveOne && b.maxPoints is null)
            {
                Add(ProblemCodes.MaxPointsRequired, "maxPoints", null, "A scheme with a scorer that can exceed 1 (cap > 1) must declare maxPoints.");
            }

            // Without a declared maxPoints the maximum is P + maxBonus; when P or maxBonus is already reported as out
            // of range, that default is meaningless and comparing minPoints with it would report the same mistake twice.
            if (b.maxPoints is null && (b.points <= 0m || b.maxBonus < 0m))
            {
                return;
            }

            if (b.maxPoints is null && b.maxBonus is { } bonus && b.points > decimal.MaxValue - bonus)
            {
                if (!anyScorerAboveOne)
                {
                    Add(ProblemCodes.MaxPointsRequired, "maxPoints", null, "P + maxBonus lies beyond the decimal range (±7.9e28), so the default maximum cannot be computed; declare maxPoints.");
                }

                return;
            }

            var max = b.maxPoints ?? b.points + (b.maxBonus ?? 0m);
            var min = b.minPoints ?? 0m;
            if (min >= max)
            {
                Add(ProblemCodes.PointsBounds, b.maxPoints is null ? "minPoints" : "maxPoints", b.maxPoints ?? min,
                    $"minPoints ({DecimalText.Canonical(min)}) must be below maxPoints ({DecimalText.Canonical(max)}).");
            }
        }

        private ImmutableArray<Gate> CompileGates(SchemeBuilder b, ImmutableArray<GradeBand> gradeBands)
        {
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var result = ImmutableArray.CreateBuilder<Gate>();
            for (var k = 0; k < b.gates.Count; k++)
            {
                var g = b.gates[k];
                var path = $"gates[{k}]";
                var names = g.Names.Build(path, g.Id, Problems);
                if (!Identifiers.IsValid(g.Id))
                {
                    Add(ProblemCodes.IdInvalid, path, g.Id, "A gate id must use " + Identifiers.Rule + ".");
                }
                else if (!ids.Add(g.Id))
                {
                    Add(ProblemCodes.IdDuplicate, path, g.Id, $"Two gates have the id '{g.Id}'.");
                }

                var direction = g.DeclaredDirection ?? ScoreDirection.HigherIsBetter;
                string? nodePath = null;
                if (g.Subject is null)
                {
                    Add(ProblemCodes.GateSubject, path, null, "A gate must look at something: an indicator's value, a node's score, the base or the total.");
                }
                else if (g.Subject is GateSubject.IndicatorValue or GateSubject.NodeScore)
                {
                    nodePath = Scheme.NormalizePath(g.NodePath!);
                    var known = index.TryGetValue(nodePath, out var node) || scorers.ContainsKey(nodePath);
                    if (!known)
                    {
                        Add(ProblemCodes.UnknownNode, path + ".node", g.NodePath, "The gate names no node of the scheme.");
                    }
                    else if (g.Subject == GateSubject.IndicatorValue)
                    {
                        scorers.TryGetValue(nodePath, out var scorer);
                        if (!scorers.ContainsKey(nodePath))
                        {
                            Add(ProblemCodes.GateNotIndicator, path + ".node", g.NodePath, "A value gate must name an indicator; use a score gate for a group.");
                        }
                        else if (scorer?.InputKind == MeasureKind.Ratings)
                        {
                            Add(ProblemCodes.GateNotIndicator, path + ".node", g.NodePath, "A rating indicator has no single value to compare; gate on its score instead.");
                        }
                        else if (scorer is not null && g.DeclaredDirection is null)
                        {
                            if (scorer.Direction == ScoreDirection.None)
                            {
                                Add(ProblemCodes.GateDirection, path + ".direction", null, "The indicator's scorer has no direction; declare the gate's direction (higherIsBetter or lowerIsBetter).");
                            }
                            else
                            {
                                direction = scorer.Direction;
                            }
                        }
                    }
                }

                if (g.Consequence is null)
                {
                    Add(ProblemCodes.GateConsequence, path, null, "A gate needs a consequence: cancelPayout, zeroScore or capGrade.");
                }
                else if (g.Consequence == GateConsequence.ZeroScore)
                {
                    var target = Scheme.NormalizePath(g.ConsequenceTarget!);
                    if (!index.ContainsKey(target) && !scorers.ContainsKey(target))
                    {
                        Add(ProblemCodes.UnknownNode, path + ".zeroScore", g.ConsequenceTarget, "zeroScore names no node of the scheme.");
                    }
                    else if (g.Subject is GateSubject.Base or GateSubject.Total)
                    {
                        Add(ProblemCodes.GateZeroScoreOrder, path + ".zeroScore", g.ConsequenceTarget, "A gate on the base or total is decided after the tree is scored, so it cannot zero a node; use cancelPayout or capGrade.");
                    }
                    else if (g.Subject == GateSubject.NodeScore && nodePath is not null && !scorers.ContainsKey(nodePath) && !IsSelfOrAncestor(target, nodePath))
                    {
                        Add(ProblemCodes.GateZeroScoreOrder, path + ".zeroScore", g.ConsequenceTarget, $"A gate on group '{Display(nodePath)}' is decided once that group is scored, so it can zero only that group or one of its ancestors.");
                    }
                    else if (anyCadence && nodePath is not null && !IsWithinSection(target, nodePath))
                    {
                        Add(ProblemCodes.CadenceGateScope, path + ".zeroScore", g.ConsequenceTarget,
                            $"In a scheme with cadences a gate decides one sub-period of its section, so it can zero only nodes of the section '{Display(SectionOf(nodePath))}' it reads; the root and other sections are combined later.");
                    }
                }
                else if (g.Consequence == GateConsequence.CapGrade && !gradeBands.Any(x => string.Equals(x.Name, g.ConsequenceTarget, StringComparison.Ordinal)))
                {
                    Add(ProblemCodes.GateUnknownGrade, path + ".capGrade", g.ConsequenceTarget, "capGrade names no grade of the scheme.");
                }

                if (g.Subject is { } subject && g.Consequence is { } consequence)
                {
                    result.Add(new Gate(g.Id, names, subject, nodePath, g.Threshold, direction, g.DeclaredDirection, consequence,
                        consequence == GateConsequence.ZeroScore ? Scheme.NormalizePath(g.ConsequenceTarget!) : g.ConsequenceTarget, g.OnMissing));
                }
            }

            return result.ToImmutable();
        }

        /// <summary>Checks what a scheme file needs of a scorer spec: no parameter named <c>kind</c> (the file keeps the
        /// kind there) and only well-formed texts, so every scheme that builds can be written to a file and back.</summary>
        private bool CheckScorerTexts(ScorerSpec spec, string path)
        {
            var ok = true;
            if (spec.Parameters.ContainsKey(ReservedParameter))
            {
                Add(ProblemCodes.ScorerParameterReserved, path + ".scorer." + ReservedParameter, spec.Parameters[ReservedParameter].ToString(),
                    $"A scorer parameter may not be named '{ReservedParameter}': scheme files keep the scorer kind under that name. Rename the parameter.");
                ok = false;
            }

            var pending = new Stack<(string Path, ParameterValue Value)>();
            foreach (var (name, value) in spec.Parameters)
            {
                if (!Texts.IsWellFormed(name))
                {
                    Add(ProblemCodes.TextInvalid, path + ".scorer", null, Texts.SurrogateRule);
                    ok = false;
                }

                pending.Push((path + ".scorer." + name, value));
            }

            while (pending.Count > 0)
            {
                var (at, value) = pending.Pop();
                switch (value.Kind)
                {
                    case ParameterValueKind.Text when !Texts.IsWellFormed(value.Text):
                        Add(ProblemCodes.TextInvalid, at, null, Texts.SurrogateRule);
                        ok = false;
                        break;
                    case ParameterValueKind.List:
                        for (var k = 0; k < value.Items.Length; k++)
                        {
                            pending.Push((at + "[" + k.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", value.Items[k]));
                        }

                        break;
                    case ParameterValueKind.Map:
                        foreach (var (key, item) in value.Entries)
                        {
                            if (!Texts.IsWellFormed(key))
                            {
                                Add(ProblemCodes.TextInvalid, at, null, Texts.SurrogateRule);
                                ok = false;
                            }

                            pending.Push((at + "." + key, item));
                        }

                        break;
                }
            }

            return ok;
        }

        /// <summary>The direct child of the root that holds a node (the node itself when it is one); empty for the root.</summary>
        private static string SectionOf(string path)
        {
            var slash = path.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? path : path[..slash];
        }

        /// <summary>Whether <paramref name="target"/> lies within the section holding <paramref name="path"/> (never for the root).</summary>
        private static bool IsWithinSection(string target, string path)
        {
            var section = SectionOf(path);
            return section.Length > 0 && (string.Equals(target, section, StringComparison.Ordinal) || target.StartsWith(section + "/", StringComparison.Ordinal));
        }

        private static bool IsSelfOrAncestor(string candidate, string path)
            => candidate.Length == 0 || string.Equals(candidate, path, StringComparison.Ordinal) || path.StartsWith(candidate + "/", StringComparison.Ordinal);
    }
}

/// <summary>Sets a grade band's display names.</summary>
/// <remarks>Not thread-safe.</remarks>
public sealed class GradeNames
{
    private readonly NameDraft draft;

    internal GradeNames(NameDraft draft) => this.draft = draft;

    /// <summary>Sets the default display name (the grade name is shown when none is set).</summary>
    /// <param name="text">The name.</param>
    /// <returns>This object.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is null.</exception>
    public GradeNames Name(string text)
    {
        draft.Set(text);
        return this;
    }

    /// <summary>Sets the display name for a culture.</summary>
    /// <param name="culture">The culture name.</param>
    /// <param name="text">The name.</param>
    /// <returns>This object.</returns>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public GradeNames Name(string culture, string text)
    {
        draft.Set(culture, text);
        return this;
    }
}
